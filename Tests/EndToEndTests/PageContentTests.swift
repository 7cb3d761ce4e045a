import Foundation
import Testing

/// Each page kind, parsed as HTML, shows what a reader needs, linked both ways.
@Suite struct PageContentTests {
    @Test func indexListsPublishedEventsInChronologicalOrderGroupedByYearAndMonth() throws {
        let index = try BuiltFixture.page("index.html")
        #expect(index.texts("//section[@class='year']/h2") == ["2024", "2025"])
        #expect(index.texts("//section[@class='month']/h3") == ["2024, month unknown", "November 2025"])
        #expect(index.texts("//li[contains(@class,'event')]//h4") == [
            "Earlier contacts", "First draft written", "Envoys meet in Geneva", "Conflicting claims about a deal",
        ])
        #expect(index.texts("//li[contains(@class,'event')]//time") == [
            "2024", "c. November 2025", "23 November 2025", "24–25 November 2025",
        ])
        #expect(index.attributes("//li[contains(@class,'event')]//h4/a", "href") == [
            "events/earlier-contacts/index.html", "events/plan-drafted/index.html",
            "events/geneva-meeting/index.html", "events/deal-claims/index.html",
        ])
        #expect(index.text("//html/@lang") == "en-GB")
        #expect(index.text("//title") == "Talks & Tensions")
        #expect(!index.texts("//h4").contains("A draft event"))
    }

    @Test func eventPageShowsDatePlacePeopleDocumentsSourcesStatusAndQuotes() throws {
        let page = try BuiltFixture.page("events/geneva-meeting/index.html")
        #expect(page.text("//h1") == "Envoys meet in Geneva")
        #expect(page.text("//title") == "Envoys meet in Geneva · Talks & Tensions")
        #expect(page.text("//header//time") == "23 November 2025")
        #expect(page.attributes("//header//time", "datetime") == ["2025-11-23"])
        #expect(page.attributes("//header//a", "href").contains("../../places/geneva/index.html"))
        #expect(page.text("//*[@class='status']") == "Confirmed")
        #expect(page.texts("//dt") == ["People", "Documents", "Sources", "Tags"])
        #expect(page.texts("//dd[1]//a") == ["Anna Envoy", "Борис Посланник"])
        #expect(page.attributes("//dd[2]//a", "href") == ["../../documents/draft-two/index.html"])
        #expect(page.texts("//dd[3]//a") == ["Envoys meet in Geneva"])
        #expect(page.texts("//figure[@class='quote']//blockquote") == ["very productive"])
        #expect(page.attributes("//figure[@class='quote']//figcaption/a", "href") == [
            "../../people/anna-envoy/index.html", "../../articles/wire-report/index.html",
        ])
        // Markdown links between notes became links between pages.
        #expect(page.attributes("//div[@class='body']//a", "href") == [
            "../../people/anna-envoy/index.html", "../../people/boris-envoy/index.html",
            "../../documents/draft-two/index.html",
        ])
        #expect(page.texts("//div[@class='body']//em") == ["emphasis"])
        #expect(page.count("//*[@class='disputes']") == 0)
        #expect(page.attributes("//a[@rel='prev']", "href") == ["../../events/plan-drafted/index.html"])
        #expect(page.attributes("//a[@rel='next']", "href") == ["../../events/deal-claims/index.html"])
    }

    @Test func disputedEventShowsSourcesDisagreeWithEachSourcesWords() throws {
        let page = try BuiltFixture.page("events/deal-claims/index.html")
        #expect(page.text("//*[@class='disputes']/h2") == "Sources disagree")
        #expect(page.text("//*[@class='dispute']/h3") == "Whether a deal is close")
        #expect(page.texts("//*[@class='dispute']//blockquote") == ["a deal was \"not far away\"", "a deal was \"premature\""])
        #expect(page.texts("//*[@class='dispute']//p[@class='cite']/a") == ["Envoys meet in Geneva", "Talks end without deal"])
        #expect(page.text("//header//time") == "24–25 November 2025")
        #expect(page.text("//*[@class='status']") == "Disputed")
        #expect(page.attributes("//div[@class='body']//a", "href") == ["../../events/geneva-meeting/index.html#quotes-h"])
    }

    @Test func articlePageListsTheEventsThatCiteIt() throws {
        let page = try BuiltFixture.page("articles/wire-report/index.html")
        #expect(page.text("//h1") == "Envoys meet in Geneva")
        #expect(page.text("//p[@class='meta']") == "Wire Service · A. Reporter · 24 November 2025 · original")
        #expect(page.attributes("//p[@class='meta']/a", "href") == ["https://example.org/wire/geneva"])
        // Smart punctuation from libcmark; the article's own typographic quotes kept.
        #expect(page.texts("//div[@class='body']/p").first == "The envoys met in Geneva “for hours” on Sunday, officials said.")
        #expect(page.texts("//li[contains(@class,'event')]//h3") == ["Envoys meet in Geneva", "Conflicting claims about a deal"])
        let list = try BuiltFixture.page("articles/index.html")
        #expect(list.texts("//ul[@class='cards']/li/a") == ["Talks end without deal", "Envoys meet in Geneva"])
    }

    @Test func personPageListsEventsAndQuotes() throws {
        let anna = try BuiltFixture.page("people/anna-envoy/index.html")
        #expect(anna.text("//h1") == "Anna Envoy")
        #expect(anna.text("//p[@class='meta']") == "Special envoy · Freedonia")
        #expect(anna.texts("//figure[@class='quote']//blockquote") == ["very productive"])
        #expect(anna.texts("//li[contains(@class,'event')]//h3") == ["Envoys meet in Geneva"])
        let boris = try BuiltFixture.page("people/boris-envoy/index.html")
        #expect(boris.texts("//li[contains(@class,'event')]//h3") == ["Earlier contacts", "Envoys meet in Geneva"])
        #expect(boris.count("//section[@class='quotes']") == 0)
        let people = try BuiltFixture.page("people/index.html")
        #expect(people.texts("//ul[@class='cards']/li/a") == ["Anna Envoy", "Борис Посланник"])
        #expect(people.texts("//ul[@class='cards']/li/span[@class='count']") == ["1 event", "2 events"])
    }

    @Test func placePageShowsWhatHappenedThere() throws {
        let page = try BuiltFixture.page("places/geneva/index.html")
        #expect(page.text("//h1") == "Geneva")
        #expect(page.text("//p[@class='meta']") == "Switzerland · 46.2044° N, 6.1432° E")
        #expect(page.texts("//li[contains(@class,'event')]//h3") == ["Envoys meet in Geneva"])
    }

    @Test func documentPageShowsLineageBothWaysAndEvents() throws {
        let two = try BuiltFixture.page("documents/draft-two/index.html")
        #expect(two.texts("//ol[@class='lineage-chain']/li") == [
            "Draft one (28 points)", "Draft two (19 points)", "Draft three (20 points)",
        ])
        #expect(two.texts("//section[@class='lineage']/p") == ["Supersedes Draft one.", "Superseded by Draft three."])
        #expect(two.text("//ol[@class='lineage-chain']//strong[@aria-current='page']") == "Draft two")
        #expect(two.texts("//li[contains(@class,'event')]//h3") == ["Envoys meet in Geneva"])
        let one = try BuiltFixture.page("documents/draft-one/index.html")
        #expect(one.texts("//section[@class='lineage']/p") == ["Superseded by Draft two."])
        #expect(one.texts("//li[contains(@class,'event')]//h3") == ["First draft written"])
        let list = try BuiltFixture.page("documents/index.html")
        #expect(list.texts("//ul[@class='cards']/li/a[1]") == ["Draft one", "Draft two", "Draft three"])
    }

    @Test func tagPagesListTheirEvents() throws {
        let tags = try BuiltFixture.page("tags/index.html")
        #expect(tags.texts("//main//ul/li/a") == ["diplomacy", "media-report", "plan", "talks"])
        let diplomacy = try BuiltFixture.page("tags/diplomacy/index.html")
        #expect(diplomacy.text("//h1") == "diplomacy")
        #expect(diplomacy.texts("//li[contains(@class,'event')]//h2") == ["Earlier contacts", "Envoys meet in Geneva"])
    }

    @Test func notFoundPageLinksFromTheHostRoot() throws {
        let page = try BuiltFixture.page("404.html")
        #expect(page.text("//h1") == "Page not found")
        #expect(page.attributes("//link[@rel='stylesheet']", "href") == ["/talks/assets/style.css"])
        #expect(page.attributes("//main//a", "href") == ["/talks/index.html"])
    }

    @Test func assetsAreCopiedFromTemplates() throws {
        let css = try String(contentsOf: BuiltFixture.smallStory.appendingPathComponent("assets/style.css"), encoding: .utf8)
        let source = try String(contentsOf: TimelineCLI.packageRoot.appendingPathComponent("Templates/assets/style.css"), encoding: .utf8)
        #expect(css == source)
    }
}
