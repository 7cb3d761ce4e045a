import Foundation
import Testing
import TimelineKit

/// A session's rebuild when told which files changed, as `serve`'s watcher
/// tells it: an edit below a note's front matter patches the last build,
/// anything else falls back to a full build, and either way the result is
/// a fresh build's bytes and diagnostics.
@Suite struct BodyEditTests {
    struct Case: CustomStringConvertible, Sendable {
        let description: String
        let file: String
        let old: String
        let new: String
        /// Whether the session may patch (else it must build afresh).
        let patches: Bool
        /// Pages a patch renders: the note's own, and where an event's
        /// summary changed, every page listing it (for earlier-contacts: its
        /// later neighbour, its tag's, its person's, and the chronology).
        var pages: Int? = nil
    }

    static let cases: [Case] = [
        Case(description: "an event's second paragraph", file: "events/geneva-meeting.md",
             old: "A second paragraph", new: "Another paragraph", patches: true, pages: 1),
        Case(description: "an event's first paragraph, its summary in lists", file: "events/earlier-contacts.md",
             old: "Contacts throughout the year.", new: "Contacts & calls, all year.", patches: true, pages: 5),
        Case(description: "a link to another note added to a body", file: "events/earlier-contacts.md",
             old: "Contacts throughout the year.", new: "Contacts, some in [Geneva](../places/geneva.md).", patches: true, pages: 5),
        Case(description: "a person's body", file: "people/boris-envoy.md",
             old: "The other envoy", new: "The second envoy", patches: true, pages: 1),
        Case(description: "a place's body", file: "places/geneva.md", old: "A city.", new: "A city by a lake.", patches: true, pages: 1),
        Case(description: "a document's body", file: "documents/draft-one.md",
             old: "The first draft.", new: "The first draft, leaked.", patches: true, pages: 1),
        Case(description: "an event's title", file: "events/geneva-meeting.md",
             old: "title: Envoys meet in Geneva", new: "title: Envoys meet again", patches: false),
        Case(description: "a line added above the body", file: "events/earlier-contacts.md",
             old: "tags: [diplomacy]\n", new: "tags: [diplomacy]\nstatus: reported\n", patches: false),
        Case(description: "an article's body, which quotes are checked against", file: "articles/wire-report.md",
             old: "very productive", new: "quite productive", patches: false),
        Case(description: "a draft event's body", file: "events/secret-draft.md",
             old: "Not published.", new: "Still not published.", patches: false),
        Case(description: "a passage of an excerpt", file: "articles/evening-paper.md",
             old: "Talks ended on Monday.", new: "Talks ended late on Monday.", patches: false),
        Case(description: "a broken link added to a body", file: "events/earlier-contacts.md",
             old: "Contacts throughout the year.", new: "Contacts with [nobody](../people/nobody.md).", patches: false),
    ]

    @Test(arguments: cases)
    func aRebuildToldWhatChangedEqualsAFreshBuild(_ edit: Case) throws {
        let (workspace, options) = try Self.project()
        var cache = BuildCache()
        let first = Pipeline.render(options, cache: &cache)
        #expect(first.succeeded)
        try workspace.edit("Content/" + edit.file, replacing: edit.old, with: edit.new)
        let rebuilt = Pipeline.render(options, cache: &cache, changed: [options.contentPath + "/" + edit.file])
        #expect((rebuilt.changedFiles != nil) == edit.patches)
        Self.expectFresh(rebuilt, options, after: edit.description)
        if let changed = rebuilt.changedFiles {
            // The server swaps in just these: every file that differs, no other.
            let before = Dictionary(uniqueKeysWithValues: first.files.map { ($0.path, $0.bytes) })
            let differing = rebuilt.files.filter { before[$0.path] != $0.bytes }.map(\.path)
            #expect(changed.map(\.path).sorted() == differing.sorted())
            #expect(!differing.isEmpty)
            #expect(rebuilt.renderedPages == edit.pages)
        }
    }

    @Test func patchesAndFullBuildsInTurnEachEqualAFreshBuild() throws {
        let (workspace, options) = try Self.project()
        var cache = BuildCache()
        #expect(Pipeline.render(options, cache: &cache).succeeded)
        let geneva = options.contentPath + "/events/geneva-meeting.md"
        let steps: [(String, String, String, String, Bool)] = [
            ("events/geneva-meeting.md", "A second paragraph", "Another paragraph", "a body", true),
            ("events/geneva-meeting.md", "title: Envoys meet in Geneva", "title: Envoys meet again", "a title", false),
            ("events/geneva-meeting.md", "Another paragraph", "A third paragraph", "the body again", true),
            ("people/boris-envoy.md", "The other envoy", "The second envoy", "a person's body", true),
            ("events/geneva-meeting.md", "A third paragraph", "A second paragraph", "the body back as it was", true),
        ]
        for (file, old, new, what, patches) in steps {
            try workspace.edit("Content/" + file, replacing: old, with: new)
            let rebuilt = Pipeline.render(options, cache: &cache, changed: [options.contentPath + "/" + file])
            #expect((rebuilt.changedFiles != nil) == patches, "\(what)")
            Self.expectFresh(rebuilt, options, after: what)
        }
        // Told nothing changed, it changes nothing.
        let again = Pipeline.render(options, cache: &cache, changed: [geneva])
        #expect(again.changedFiles == [])
        Self.expectFresh(again, options, after: "no edit")
    }

    /// A patched list page comes out as a fresh build's, whatever the list
    /// template does with `eventsHTML`.
    @Test(arguments: SiteWritingTests.eventListTemplates)
    func aPatchedListPageEqualsAFreshOneWhateverTheListTemplateDoes(variant: String, list: String) throws {
        let (workspace, options) = try Self.project()
        try workspace.edit("Templates/event-list.mustache", replacing: "{{{eventsHTML}}}", with: list)
        var cache = BuildCache()
        #expect(Pipeline.render(options, cache: &cache).succeeded)
        try workspace.edit("Content/events/earlier-contacts.md", replacing: "Contacts throughout the year.", with: "Contacts all year.")
        let rebuilt = Pipeline.render(options, cache: &cache, changed: [options.contentPath + "/events/earlier-contacts.md"])
        #expect(rebuilt.renderedPages == 5, "\(variant)")
        Self.expectFresh(rebuilt, options, after: "a summary edit, the list template \(variant)")
    }

    @Test func theFeedsAreMadeAgainOnlyForTheEventsTheyCarry() throws {
        let (workspace, options) = try Self.project()
        try workspace.edit("Content/site.yml", replacing: "author: Fixture Desk", with: "author: Fixture Desk\nfeed_limit: 1")
        var cache = BuildCache()
        #expect(Pipeline.render(options, cache: &cache).succeeded)
        let feeds: Set = ["feed.xml", "feed.json"]
        try workspace.edit("Content/events/geneva-meeting.md", replacing: "A second paragraph", with: "Another paragraph")
        let older = Pipeline.render(options, cache: &cache, changed: [options.contentPath + "/events/geneva-meeting.md"])
        #expect(try Set(#require(older.changedFiles).map(\.path)).isDisjoint(with: feeds))
        Self.expectFresh(older, options, after: "an edit to an event the feeds leave out")
        try workspace.edit("Content/events/deal-claims.md", replacing: "The two papers disagree", with: "The papers disagree")
        let newest = Pipeline.render(options, cache: &cache, changed: [options.contentPath + "/events/deal-claims.md"])
        #expect(try feeds.isSubset(of: Set(#require(newest.changedFiles).map(\.path))))
        Self.expectFresh(newest, options, after: "an edit to the newest event")
    }

    @Test func editorFilesBesideANoteChangeNothing() throws {
        let (workspace, options) = try Self.project()
        var cache = BuildCache()
        let first = Pipeline.render(options, cache: &cache)
        try workspace.write("Content/events/geneva-meeting.md~", "a backup")
        try workspace.write("Content/events/.geneva-meeting.md.swp", "a swap file")
        let events = options.contentPath + "/events/"
        let rebuilt = Pipeline.render(options, cache: &cache, changed: [events + "geneva-meeting.md~", events + ".geneva-meeting.md.swp", events + "4913"])
        #expect(rebuilt.changedFiles == [])
        #expect(rebuilt.files == first.files)
        // A file that is not a note is an error, as in a full build.
        try workspace.write("Content/events/notes.txt", "to do")
        let broken = Pipeline.render(options, cache: &cache, changed: [events + "notes.txt"])
        #expect(broken.changedFiles == nil)
        #expect(broken.diagnostics.errors.map(\.message) == ["only Markdown notes belong here"])
    }

    @Test func notesSharingAFileAreBuiltAfresh() throws {
        let (workspace, options) = try Self.project()
        try FileManager.default.linkItem(at: workspace.folder.path("Content/events/geneva-meeting.md"),
                                         to: workspace.folder.path("Content/events/geneva-again.md"))
        var cache = BuildCache()
        #expect(Pipeline.render(options, cache: &cache).succeeded)
        // Written in place, so the other name shows the edit too, though the
        // watcher names only this one.
        try workspace.edit("Content/events/geneva-meeting.md", replacing: "A second paragraph", with: "Another paragraph")
        let rebuilt = Pipeline.render(options, cache: &cache, changed: [options.contentPath + "/events/geneva-meeting.md"])
        #expect(rebuilt.changedFiles == nil)
        Self.expectFresh(rebuilt, options, after: "an edit to a file with two names")
    }

    /// A key moment's summary is in the digest on the index and on the key
    /// moments page: a patch to its first paragraph renders both.
    @Test func aKeyMomentsSummaryIsPatchedIntoTheDigestAndItsPage() throws {
        let (workspace, options) = try Self.project()
        try workspace.edit("Content/events/geneva-meeting.md", replacing: "status: confirmed", with: "status: confirmed\nkey: true")
        var cache = BuildCache()
        #expect(Pipeline.render(options, cache: &cache).succeeded)
        try workspace.edit("Content/events/geneva-meeting.md", replacing: "[Anna Envoy](../people/anna-envoy.md) met",
                           with: "[Anna Envoy](../people/anna-envoy.md) first met")
        let rebuilt = Pipeline.render(options, cache: &cache, changed: [options.contentPath + "/events/geneva-meeting.md"])
        let changed = Set((rebuilt.changedFiles ?? []).map(\.path))
        #expect(changed.isSuperset(of: ["index.html", "key-moments/index.html", "events/geneva-meeting/index.html"]))
        Self.expectFresh(rebuilt, options, after: "a key moment's first paragraph")
    }

    static func project() throws -> (Workspace, BuildOptions) {
        let workspace = try Workspace()
        return (workspace, BuildOptions(contentPath: workspace.folder.path("Content").path,
                                        templatesPath: workspace.folder.path("Templates").path))
    }

    /// `rebuilt` has the files and diagnostics of a fresh build of the same content.
    static func expectFresh(_ rebuilt: BuildResult, _ options: BuildOptions, after edit: String,
                            sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let fresh = Pipeline.render(options)
        #expect(rebuilt.diagnostics.sorted == fresh.diagnostics.sorted, "\(edit)", sourceLocation: sourceLocation)
        #expect(rebuilt.files.map(\.path) == fresh.files.map(\.path), "\(edit)", sourceLocation: sourceLocation)
        for (a, b) in zip(rebuilt.files, fresh.files) where a != b {
            Issue.record("\(a.path) differs from a fresh build after \(edit)", sourceLocation: sourceLocation)
        }
    }
}
