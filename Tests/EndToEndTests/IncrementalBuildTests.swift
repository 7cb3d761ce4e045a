import Foundation
import Testing
import TimelineKit

/// A session's rebuild after an edit gives exactly the bytes a fresh full
/// build gives, while rendering only the pages the edit touches.
@Suite struct IncrementalBuildTests {
    struct Edit: CustomStringConvertible, Sendable {
        let description: String
        let apply: @Sendable (Workspace) throws -> Void
    }

    static let edits: [Edit] = [
        Edit(description: "an event's body") { try $0.edit("Content/events/geneva-meeting.md", replacing: "A second paragraph", with: "Another paragraph") },
        Edit(description: "an event's date, which moves it") { try $0.edit("Content/events/geneva-meeting.md", replacing: "date: 2025-11-23", with: "date: 2023-05-01") },
        Edit(description: "an event's tags") { try $0.edit("Content/events/geneva-meeting.md", replacing: "tags: [talks, diplomacy]", with: "tags: [talks, summit]") },
        Edit(description: "a person's name") { try $0.edit("Content/people/boris-envoy.md", replacing: "name: Борис Посланник", with: "name: Boris the Envoy") },
        Edit(description: "a place's name") { try $0.edit("Content/places/geneva.md", replacing: "name: Geneva", with: "name: Genève") },
        Edit(description: "a document's title") { try $0.edit("Content/documents/draft-one.md", replacing: "title: Draft one", with: "title: First draft") },
        Edit(description: "an article's title") { try $0.edit("Content/articles/evening-paper.md", replacing: "Talks end without deal", with: "No deal yet") },
        Edit(description: "a new event") { try $0.write("Content/events/new-one.md", "---\ntitle: New\ndate: 2025-11-23\npeople: [anna-envoy]\n---\nBody.\n") },
        Edit(description: "a removed event") { try FileManager.default.removeItem(at: $0.folder.path("Content/events/earlier-contacts.md")) },
        Edit(description: "a template") { try $0.edit("Templates/event.mustache", replacing: "<h2 id=\"quotes-h\">Quotes</h2>", with: "<h2 id=\"quotes-h\">What was said</h2>") },
        // Kept between builds: list items (names, roles), and each event's
        // part of search.json, timeline.ics, timeline.json and sitemap.xml.
        Edit(description: "a person's role, which list items carry") { try $0.edit("Content/people/boris-envoy.md", replacing: "role: Envoy", with: "role: Special envoy") },
        Edit(description: "a place's country, in the calendar") { try $0.edit("Content/places/geneva.md", replacing: "country: Switzerland", with: "country: Suisse") },
        Edit(description: "an article's date, which dates the events citing it") { try $0.edit("Content/articles/evening-paper.md", replacing: "published: 2025-11-25", with: "published: 2025-12-09") },
        Edit(description: "an event's first paragraph, its summary everywhere") { try $0.edit("Content/events/earlier-contacts.md", replacing: "Contacts throughout the year.", with: "Contacts & calls, all year.") },
        Edit(description: "an event's quote, searched in search.json") { try $0.edit("Content/events/geneva-meeting.md", replacing: "text: \"very productive\"", with: "text: \"for hours\"") },
        // The live-story fields, each of which reorders, marks or relabels.
        Edit(description: "a time and zone on an event, which reorders its day") {
            try $0.edit("Content/events/geneva-meeting.md", replacing: "date: 2025-11-23", with: "date: 2025-11-23T15:00\ntimezone: Europe/Zurich")
        },
        Edit(description: "an event's order") { try $0.edit("Content/events/geneva-meeting.md", replacing: "date: 2025-11-23", with: "date: 2025-11-23\norder: -1") },
        Edit(description: "an event made a key moment") { try $0.edit("Content/events/geneva-meeting.md", replacing: "status: confirmed", with: "status: confirmed\nkey: true") },
        Edit(description: "a finding added to a dispute") {
            try $0.edit("Content/events/deal-claims.md", replacing: "        says: 'a deal was \"premature\"'\n",
                        with: "        says: 'a deal was \"premature\"'\n    finding:\n      text: Settled.\n      sources: [wire-report]\n")
        },
        Edit(description: "a correction and an update, on the changes page and in changes.xml") {
            try $0.edit("Content/events/geneva-meeting.md", replacing: "status: confirmed",
                        with: "status: confirmed\ncorrections:\n  - {date: 2025-11-26, text: Fixed.}\nupdates:\n  - {date: 2025-11-27T10:00Z, text: Added.}")
        },
        Edit(description: "an article made an excerpt") {
            try $0.edit("Content/articles/wire-report.md", replacing: "url: https://example.org/wire/geneva", with: "url: https://example.org/wire/geneva\nexcerpt: true\narchived: https://archive.example.org/wire")
        },
        Edit(description: "site.yml's order") { try $0.edit("Content/site.yml", replacing: "author: Fixture Desk", with: "author: Fixture Desk\norder: newest") },
        Edit(description: "site.yml's timezone") { try $0.edit("Content/site.yml", replacing: "author: Fixture Desk", with: "author: Fixture Desk\ntimezone: Pacific/Kiritimati") },
        Edit(description: "site.yml") { try $0.edit("Content/site.yml", replacing: "title: \"Talks & Tensions\"", with: "title: \"Talks\"") },
    ]

    @Test(arguments: edits)
    func aRebuildAfterAnEditEqualsAFullBuild(edit: Edit) throws {
        let workspace = try Workspace()
        let options = BuildOptions(contentPath: workspace.folder.path("Content").path,
                                   templatesPath: workspace.folder.path("Templates").path)
        var cache = BuildCache()
        let first = Pipeline.render(options, cache: &cache)
        #expect(first.succeeded)
        #expect(first.renderedPages == first.pageCount)
        // File stamps have nanosecond times, but make sure the edit is visible.
        Thread.sleep(forTimeInterval: 0.01)
        try edit.apply(workspace)
        let incremental = Pipeline.render(options, cache: &cache)
        let fresh = Pipeline.render(options)
        #expect(incremental.succeeded && fresh.succeeded)
        #expect(incremental.files.map(\.path) == fresh.files.map(\.path))
        for (a, b) in zip(incremental.files, fresh.files) where a != b {
            Issue.record("\(a.path) differs from a full build after \(edit)")
        }
    }

    @Test func editingOneEventBodyRendersOnlyThePagesThatShowIt() throws {
        let workspace = try Workspace()
        let options = BuildOptions(contentPath: workspace.folder.path("Content").path,
                                   templatesPath: workspace.folder.path("Templates").path)
        var cache = BuildCache()
        let first = Pipeline.render(options, cache: &cache)
        try workspace.edit("Content/events/earlier-contacts.md", replacing: "Contacts throughout the year.", with: "Contacts all year.")
        let second = Pipeline.render(options, cache: &cache)
        #expect(second.succeeded)
        // Its page, its later neighbour, the person and tag pages listing it,
        // and the nine site-wide pages; not the other 12 pages.
        #expect(second.renderedPages == 13)
        #expect(first.pageCount == 25)
    }

    @Test func aBrokenEditIsReportedAndTheNextGoodEditRecovers() throws {
        let workspace = try Workspace()
        let options = BuildOptions(contentPath: workspace.folder.path("Content").path,
                                   templatesPath: workspace.folder.path("Templates").path)
        var cache = BuildCache()
        #expect(Pipeline.render(options, cache: &cache).succeeded)
        try workspace.edit("Content/events/geneva-meeting.md", replacing: "people: [anna-envoy,", with: "people: [anna-envoi,")
        let broken = Pipeline.render(options, cache: &cache)
        #expect(broken.diagnostics.errors.map(\.message) == ["unknown person 'anna-envoi' in people"])
        try workspace.edit("Content/events/geneva-meeting.md", replacing: "people: [anna-envoi,", with: "people: [anna-envoy,")
        let fixed = Pipeline.render(options, cache: &cache)
        #expect(fixed.succeeded)
        #expect(fixed.files == Pipeline.render(options).files)
    }
}
