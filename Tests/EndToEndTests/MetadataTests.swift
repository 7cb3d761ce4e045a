import Foundation
import Testing

/// Head metadata a reader's browser, a search engine and a link preview read.
@Suite struct MetadataTests {
    @Test func canonicalAndOpenGraphComeFromBaseURL() throws {
        let page = try BuiltFixture.page("events/geneva-meeting/index.html")
        #expect(page.attributes("//link[@rel='canonical']", "href") == ["https://example.org/talks/events/geneva-meeting/"])
        #expect(page.attributes("//meta[@property='og:url']", "content") == ["https://example.org/talks/events/geneva-meeting/"])
        #expect(page.attributes("//meta[@property='og:title']", "content") == ["Envoys meet in Geneva"])
        #expect(page.attributes("//meta[@property='og:type']", "content") == ["article"])
        #expect(page.attributes("//meta[@property='og:site_name']", "content") == ["Talks & Tensions"])
        #expect(page.attributes("//meta[@name='description']", "content") == ["Anna Envoy met Boris Envoy to discuss the second draft."])
        let index = try BuiltFixture.page("index.html")
        #expect(index.attributes("//meta[@property='og:type']", "content") == ["website"])
        #expect(index.attributes("//link[@rel='canonical']", "href") == ["https://example.org/talks/"])
    }

    @Test func withoutBaseURLThereIsNoCanonicalOrOpenGraphAndOneWarningSaysSo() throws {
        let workspace = try Workspace()
        try workspace.edit("Content/site.yml", replacing: "base_url: https://example.org/talks\n", with: "")
        let outcome = try workspace.build()
        #expect(outcome.status == 0)
        #expect(outcome.stderrLines == [
            "Content/site.yml: warning: base_url is not set: sitemap.xml is left out, feeds link relative to their own"
                + " address and pages have no canonical URL (set base_url in site.yml or pass --base-url)",
        ])
        let page = try HTMLPage(workspace.folder.path("Public/events/geneva-meeting/index.html"))
        #expect(page.count("//link[@rel='canonical']") == 0)
        #expect(page.count("//meta[starts-with(@property,'og:')]") == 0)
        #expect(page.attributes("//html", "lang") == ["en-GB"])
        #expect(!FileManager.default.fileExists(atPath: workspace.folder.path("Public/sitemap.xml").path))
    }

    @Test func baseURLFromTheCommandLineOverridesSiteYml() throws {
        let workspace = try Workspace()
        #expect(try workspace.build(["--base-url", "https://news.example.com/x"]).status == 0)
        let page = try HTMLPage(workspace.folder.path("Public/events/geneva-meeting/index.html"))
        #expect(page.attributes("//link[@rel='canonical']", "href") == ["https://news.example.com/x/events/geneva-meeting/"])
        let bad = try workspace.build(["--base-url", "javascript:alert(1)"])
        #expect(bad.status == 1)
        #expect(bad.stderrLines == [
            "--base-url: 'javascript:alert(1)' is not an http or https address (e.g. --base-url https://example.org/talks/)",
            "error: the build stopped at the parse stage with 1 error; nothing was written",
        ])
    }

    @Test func eventAndArticlePagesCarrySchemaOrgJSONLD() throws {
        let event = try jsonLD(try BuiltFixture.page("events/deal-claims/index.html"))
        #expect(event["@type"] as? String == "Event")
        #expect(event["name"] as? String == "Conflicting claims about a deal")
        #expect(event["startDate"] as? String == "2025-11-24")
        #expect(event["endDate"] as? String == "2025-11-25")
        #expect(event["url"] as? String == "https://example.org/talks/events/deal-claims/")
        let geneva = try jsonLD(try BuiltFixture.page("events/geneva-meeting/index.html"))
        let location = try #require(geneva["location"] as? [String: Any])
        #expect(location["name"] as? String == "Geneva")
        #expect((geneva["attendee"] as? [[String: Any]])?.compactMap { $0["name"] as? String } == ["Anna Envoy", "Борис Посланник"])
        let article = try jsonLD(try BuiltFixture.page("articles/wire-report/index.html"))
        #expect(article["@type"] as? String == "NewsArticle")
        #expect(article["headline"] as? String == "Envoys meet in Geneva")
        #expect(article["datePublished"] as? String == "2025-11-24")
        #expect((article["publisher"] as? [String: Any])?["name"] as? String == "Wire Service")
        #expect(article["isBasedOn"] as? String == "https://example.org/wire/geneva")
    }

    /// A title that tries to close the script element stays inside the JSON.
    @Test func jsonLDCannotBreakOutOfItsScriptElement() throws {
        let workspace = try Workspace()
        let payload = "</script><script>alert(1)</script> & <!--"
        try workspace.edit("Content/events/geneva-meeting.md", replacing: "title: Envoys meet in Geneva",
                           with: "title: '\(payload)'")
        #expect(try workspace.build().status == 0)
        let html = try workspace.folder.read("Public/events/geneva-meeting/index.html")
        let page = try HTMLPage(workspace.folder.path("Public/events/geneva-meeting/index.html"))
        #expect(page.count("//script") == 1)
        #expect(try jsonLD(page)["name"] as? String == payload)
        #expect(!html.contains("<script>alert"))
        #expect(page.text("//h1") == payload)
    }

    private func jsonLD(_ page: HTMLPage) throws -> [String: Any] {
        let text = try #require(page.texts("//script[@type='application/ld+json']").first)
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try #require(object as? [String: Any])
    }
}

/// The visual axis, the lineage diagram and the search index on built pages.
@Suite struct ChronologyGraphicsTests {
    @Test func indexHasAnAxisWithTitleDescriptionAndOneLinkPerEvent() throws {
        let index = try BuiltFixture.page("index.html")
        #expect(index.text("//svg/title") == "Time axis of the chronology")
        #expect(index.text("//svg/desc") == "4 events from 2024 to 25 November 2025, one row each, placed along the time axis by date.")
        #expect(index.attributes("//svg//a", "href") == index.attributes("//li[contains(@class,'event')]//h4/a", "href"))
        #expect(index.texts("//svg//a/title") == [
            "2024: Earlier contacts", "c. November 2025: First draft written",
            "23 November 2025: Envoys meet in Geneva", "24–25 November 2025: Conflicting claims about a deal",
        ])
    }

    @Test func documentPagesDrawTheLineageWithTheCurrentDocumentMarked() throws {
        let list = try BuiltFixture.page("documents/index.html")
        #expect(list.count("//svg//*[contains(@class,'lineage-edge')]") == 2)
        #expect(list.texts("//svg//a[contains(@class,'lineage-node')]/title") == ["Draft one", "Draft two", "Draft three"])
        let two = try BuiltFixture.page("documents/draft-two/index.html")
        #expect(two.texts("//svg//g[@aria-current='page']/title") == ["Draft two"])
        #expect(two.attributes("//svg//a[contains(@class,'lineage-node')]", "href") == [
            "../../documents/draft-one/index.html", "../../documents/draft-three/index.html",
        ])
        #expect(two.text("//svg/desc") == "Draft one was superseded by Draft two; Draft two was superseded by Draft three.")
    }

    @Test func searchIndexListsPublishedEventsWithWhatTheyCanBeFilteredBy() throws {
        let data = try Data(contentsOf: BuiltFixture.smallStory.appendingPathComponent("search.json"))
        let index = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let events = try #require(index["events"] as? [[String: Any]])
        #expect(events.compactMap { $0["slug"] as? String } == ["earlier-contacts", "plan-drafted", "geneva-meeting", "deal-claims"])
        let geneva = events[2]
        #expect(geneva["people"] as? [String] == ["anna-envoy", "boris-envoy"])
        #expect(geneva["place"] as? String == "geneva")
        #expect(geneva["documents"] as? [String] == ["draft-two"])
        #expect(geneva["tags"] as? [String] == ["talks", "diplomacy"])
        #expect(geneva["status"] as? String == "confirmed")
        #expect(geneva["url"] as? String == "events/geneva-meeting/index.html")
        #expect((geneva["text"] as? String)?.contains("very productive") == true)
        #expect((index["people"] as? [[String: String]])?.map { $0["name"] ?? "" } == ["Anna Envoy", "Борис Посланник"])
    }
}
