import Foundation
import Testing

/// A story followed hour by hour: times in their zones, the order they give,
/// newest first, key moments. Built from the small story with two events of
/// one day in different zones (Geneva's 23 November, and a statement made
/// that day in Kyiv), asserted on the pages by XPath.
@Suite struct LiveStoryTests {
    static let geneva = "Content/events/geneva-meeting.md"

    /// The Geneva meeting at 15:00 Zurich time (14:00 UTC), and a Kyiv
    /// statement titled to sort first by title, at 12:00 Kyiv time (10:00 UTC).
    static func timedWorkspace(siteLines: String = "") throws -> Workspace {
        let workspace = try Workspace()
        try workspace.edit(geneva, replacing: "date: 2025-11-23", with: "date: 2025-11-23T15:00\ntimezone: Europe/Zurich\nkey: true")
        try workspace.write("Content/events/kyiv-statement.md", """
            ---
            title: "A statement in Kyiv"
            date: "2025-11-23T12:00+02:00"
            timezone: Europe/Kyiv
            sources: [wire-report]
            ---
            Kyiv said it would study the draft.
            """)
        try workspace.write("Content/events/zurich-dinner.md", """
            ---
            title: "A dinner without a time"
            date: 2025-11-23
            sources: [wire-report]
            key: true
            ---
            The delegations dined together.
            """)
        if !siteLines.isEmpty {
            try workspace.edit("Content/site.yml", replacing: "author: Fixture Desk", with: "author: Fixture Desk\n" + siteLines)
        }
        return workspace
    }

    static func page(_ workspace: Workspace, _ relative: String) throws -> HTMLPage {
        try HTMLPage(workspace.folder.path("Public/" + relative))
    }

    @Test func eventsOfOneDaySortByInstantAndShowTheirLocalTime() throws {
        let workspace = try Self.timedWorkspace()
        let outcome = try workspace.build()
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let index = try Self.page(workspace, "index.html")
        // The day without a time first, then Kyiv (10:00 UTC), then Geneva
        // (14:00 UTC): not the titles' order.
        #expect(index.texts("//ol[@class='events']//h4") == [
            "Earlier contacts", "First draft written", "A dinner without a time", "A statement in Kyiv",
            "Envoys meet in Geneva", "Conflicting claims about a deal",
        ])
        #expect(index.texts("//ol[@class='events']//li[@id='event-geneva-meeting']//time") == ["23 November 2025, 15:00 Switzerland time"])
        #expect(index.attributes("//ol[@class='events']//li[@id='event-kyiv-statement']//time", "datetime") == ["2025-11-23T12:00+02:00"])
        let event = try Self.page(workspace, "events/geneva-meeting/index.html")
        #expect(event.text("//header//time") == "23 November 2025, 15:00 Switzerland time")
        #expect(event.attributes("//header//time", "datetime") == ["2025-11-23T15:00+01:00"])
        // Earlier and later follow the instants.
        #expect(event.attributes("//a[@rel='prev']", "href") == ["../../events/kyiv-statement/index.html"])
        #expect(event.attributes("//a[@rel='next']", "href") == ["../../events/deal-claims/index.html"])
        let jsonLD = try #require(event.text("//script[@type='application/ld+json']"))
        #expect(jsonLD.contains("\"startDate\":\"2025-11-23T15:00+01:00\""))
    }

    @Test func keyMomentsHeadTheChronologyAndHaveAPage() throws {
        let workspace = try Self.timedWorkspace()
        #expect(try workspace.build().status == 0)
        let index = try Self.page(workspace, "index.html")
        #expect(index.text("//section[@class='key-moments']/h2") == "Key moments")
        #expect(index.texts("//section[@class='key-moments']//li/a") == ["A dinner without a time", "Envoys meet in Geneva"])
        #expect(index.attributes("//section[@class='key-moments']//li/a", "href") == [
            "events/zurich-dinner/index.html", "events/geneva-meeting/index.html",
        ])
        // The digest comes before the axis and the full list.
        #expect(index.count("//section[@class='key-moments']/preceding::ol[@class='events']") == 0)
        #expect(index.count("//section[@class='key-moments']/following::ol[@class='events']") == 2)
        #expect(index.texts("//ol[@class='events']//span[@class='key']").count == 2)
        let page = try Self.page(workspace, "key-moments/index.html")
        #expect(page.text("//h1") == "Key moments")
        #expect(page.texts("//ol[@class='events']//h2") == ["A dinner without a time", "Envoys meet in Geneva"])
        #expect(page.attributes("//ol[@class='events']//h2/a", "href") == [
            "../events/zurich-dinner/index.html", "../events/geneva-meeting/index.html",
        ])
        #expect(page.attributes("//link[@rel='stylesheet']", "href").allSatisfy { $0.hasPrefix("../assets/") })
    }

    @Test func withoutKeyMomentsThereIsNoDigestAndThePageSaysSo() throws {
        let workspace = try Workspace()
        #expect(try workspace.build().status == 0)
        #expect(try Self.page(workspace, "index.html").count("//section[@class='key-moments']") == 0)
        #expect(try Self.page(workspace, "key-moments/index.html").text("//p[@class='empty']") == "No event is marked as a key moment.")
    }

    @Test func newestFirstTurnsEveryListAroundButNotTheAxis() throws {
        let workspace = try Self.timedWorkspace(siteLines: "order: newest")
        #expect(try workspace.build().status == 0)
        let index = try Self.page(workspace, "index.html")
        #expect(index.texts("//section[@class='year']/h2") == ["2025", "2024"])
        #expect(index.texts("//ol[@class='events']//h4") == [
            "Conflicting claims about a deal", "Envoys meet in Geneva", "A statement in Kyiv", "A dinner without a time",
            "First draft written", "Earlier contacts",
        ])
        #expect(index.texts("//section[@class='key-moments']//li/a") == ["Envoys meet in Geneva", "A dinner without a time"])
        // The axis still runs oldest to newest, left to right.
        let axisTitles = index.texts("//svg//a//title")
        #expect(axisTitles.first?.hasSuffix("Earlier contacts") == true)
        // A source's page lists the events citing it newest first too.
        let wire = try Self.page(workspace, "articles/wire-report/index.html")
        #expect(wire.texts("//ol[@class='events']//h3") == [
            "Conflicting claims about a deal", "Envoys meet in Geneva", "A statement in Kyiv", "A dinner without a time",
        ])
        // Earlier and later keep meaning earlier and later.
        let event = try Self.page(workspace, "events/geneva-meeting/index.html")
        #expect(event.attributes("//a[@rel='prev']", "href") == ["../../events/kyiv-statement/index.html"])
    }

    @Test func theCalendarAndTimelineJSCarryTheMoment() throws {
        let workspace = try Self.timedWorkspace()
        #expect(try workspace.build().status == 0)
        let calendar = try workspace.folder.read("Public/timeline.ics")
        #expect(calendar.contains("DTSTART:20251123T140000Z\r\n"))
        #expect(calendar.contains("DTSTART;VALUE=DATE:20251123\r\nDTEND;VALUE=DATE:20251124\r\n"))
        let json = try workspace.folder.read("Public/timeline.json")
        #expect(json.contains("\"hour\": \"15\""))
        #expect(json.contains("\"minute\": \"0\""))
    }

    /// The evening paper is an excerpt: the page says so and links the
    /// original and its archived copy; its text is marked with its language.
    @Test func anExcerptSaysSoAndLinksTheOriginalAndTheArchive() throws {
        let page = try BuiltFixture.page("articles/evening-paper/index.html")
        #expect(page.text("//p[@class='excerpt-note']")?.hasPrefix("Excerpts: only the passages this timeline relies on") == true)
        #expect(page.attributes("//p[@class='excerpt-note']/a", "href") == [
            "https://example.org/evening/talks-end", "https://archive.example.org/2025/evening/talks-end",
        ])
        #expect(page.attributes("//header//p[@class='meta']/a", "href") == [
            "https://example.org/evening/talks-end", "https://archive.example.org/2025/evening/talks-end",
        ])
        #expect(page.attributes("//div[@class='body']", "lang") == ["en-US"])
        #expect(page.texts("//div[@class='body']/p") == ["Talks ended on Monday.", "[…]",
                                                         "A spokesman said a deal was “premature” and that the sides remained far apart."])
        // A whole article has no such note.
        #expect(try BuiltFixture.page("articles/wire-report/index.html").count("//p[@class='excerpt-note']") == 0)
    }

    // MARK: Findings

    /// A finding settles the dispute: shown first in its box with its
    /// sources, and the lists say "Resolved" instead of "Sources disagree".
    @Test func aFindingComesFirstAndListsSayResolved() throws {
        let workspace = try Workspace()
        try workspace.edit("Content/events/deal-claims.md", replacing: "status: disputed", with: "status: reported")
        try workspace.edit("Content/events/deal-claims.md", replacing: "        says: 'a deal was \"premature\"'\n", with: """
                    says: 'a deal was "premature"'
                finding:
                  text: "No deal was close: the talks ended without one."
                  sources: [evening-paper]

            """)
        let outcome = try workspace.build()
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let event = try Self.page(workspace, "events/deal-claims/index.html")
        #expect(event.text("//section[contains(@class,'dispute')]/*[2]/p[1]") == "Resolved: No deal was close: the talks ended without one.")
        #expect(event.count("//section[contains(@class,'dispute')]/div[@class='finding']/following-sibling::ul") == 1)
        #expect(event.attributes("//div[@class='finding']//a", "href") == ["../../articles/evening-paper/index.html"])
        let index = try Self.page(workspace, "index.html")
        #expect(index.texts("//li[@id='event-deal-claims']//span[@class='resolved']") == ["Resolved"])
        #expect(index.count("//li[@id='event-deal-claims']//span[@class='disputed']") == 0)
        // Without the finding it was "Sources disagree".
        #expect(try BuiltFixture.page("index.html").texts("//li[@id='event-deal-claims']//span[@class='disputed']") == ["Sources disagree"])
    }

    /// In the shipped story, one source dates the Moscow meeting to 15 March
    /// 2024; the finding says it is wrong, and that article's page says so
    /// where it lists the dates it states.
    @Test func anArticlesDateAFindingOverrulesIsMarked() throws {
        let page = try HTMLPage(TimelineCLI.packageRoot.appendingPathComponent("Public/articles/kushner-witkoff-meet-putin/index.html"))
        let marked = page.texts("//section[@class='stated-dates']//dd[span[@class='contradicted']]/time")
        #expect(marked == ["15 March 2024"])
        #expect(page.attributes("//section[@class='stated-dates']//dd[span[@class='contradicted']]/a", "href") == [
            "../../events/moscow-meeting/index.html",
        ])
        // Its other date, the weekend before, is not.
        #expect(page.count("//section[@class='stated-dates']//dd[not(span[@class='contradicted'])]") == 1)
    }

    // MARK: Corrections and updates

    @Test func correctionsAndUpdatesAreShownListedAndFed() throws {
        let workspace = try Workspace()
        try workspace.edit(Self.geneva, replacing: "status: confirmed", with: """
            status: confirmed
            corrections:
              - date: 2025-11-26
                text: "An earlier version placed the meeting in Bern."
            updates:
              - date: 2025-12-01T09:30+01:00
                text: "The second envoy's account added."
            """)
        let outcome = try workspace.build()
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let event = try Self.page(workspace, "events/geneva-meeting/index.html")
        #expect(event.texts("//section[@class='changes']//li") == [
            "Correction, 26 November 2025: An earlier version placed the meeting in Bern.",
            "Update, 1 December 2025, 09:30 UTC+1: The second envoy's account added.",
        ])
        #expect(event.attributes("//section[@class='changes']//time", "datetime") == ["2025-11-26", "2025-12-01T09:30+01:00"])
        #expect(event.text("//header//span[@class='corrected']") == "Corrected")
        let jsonLD = try #require(event.text("//script[@type='application/ld+json']"))
        #expect(jsonLD.contains("\"dateModified\":\"2025-12-01T09:30+01:00\""))
        #expect(jsonLD.contains("\"correction\":[{\"@type\":\"CorrectionComment\",\"text\":\"An earlier version placed the meeting in Bern.\",\"datePublished\":\"2025-11-26\"}]"))
        // Marked as corrected wherever it is listed.
        for page in ["index.html", "tags/talks/index.html", "people/anna-envoy/index.html"] {
            #expect(try Self.page(workspace, page).texts("//li[@id='event-geneva-meeting']//span[@class='corrected']") == ["Corrected"], "\(page)")
        }
        #expect(try Self.page(workspace, "index.html").count("//li[@id='event-deal-claims']//span[@class='corrected']") == 0)
        // Every change, newest first, linking its event.
        let changes = try Self.page(workspace, "changes/index.html")
        #expect(changes.texts("//ol[@class='change-list']/li/strong") == ["Update, 1 December 2025, 09:30 UTC+1", "Correction, 26 November 2025"])
        #expect(changes.attributes("//ol[@class='change-list']/li/a", "href") == [
            "../events/geneva-meeting/index.html#changes-h", "../events/geneva-meeting/index.html#changes-h",
        ])
        // "Last updated" is the newest date in the content: the update.
        let index = try Self.page(workspace, "index.html")
        #expect(index.text("//p[@class='span']/time") == "1 December 2025")
        let feed = try workspace.folder.read("Public/changes.xml")
        #expect(feed.contains("<updated>2025-12-01T08:30:00Z</updated>"))
    }

    @Test func withoutChangesThePageSaysSoAndLastUpdatedIsTheNewestEvent() throws {
        let page = try BuiltFixture.page("changes/index.html")
        #expect(page.text("//p[@class='empty']") == "Nothing has been corrected or updated.")
        // The newest date of the small story: the last day of "c. November 2025".
        #expect(try BuiltFixture.page("index.html").text("//p[@class='span']/time") == "30 November 2025")
    }
}
