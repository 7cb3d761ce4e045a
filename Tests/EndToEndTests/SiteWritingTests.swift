import Foundation
import Testing
import TimelineKit

/// A successful build replaces the old site whole: stale pages go, leftovers
/// of killed builds are cleaned, drafts appear only when asked for.
@Suite struct SiteWritingTests {
    @Test func rebuildReplacesTheSiteAndRemovesStalePages() throws {
        let workspace = try Workspace()
        #expect(try workspace.build().status == 0)
        try FileManager.default.removeItem(at: workspace.folder.path("Content/events/earlier-contacts.md"))
        try workspace.edit("Content/events/geneva-meeting.md", replacing: "title: Envoys meet in Geneva", with: "title: Envoys meet again in Geneva")
        try workspace.folder.write(".Public.staging-999999/index.html", "left by a killed build")
        let outcome = try workspace.build()
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.hasPrefix("Built 24 pages from 12 notes in "))
        #expect(!FileManager.default.fileExists(atPath: workspace.folder.path("Public/events/earlier-contacts").path))
        #expect(try workspace.folder.read("Public/events/geneva-meeting/index.html").contains("<h1>Envoys meet again in Geneva</h1>"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: workspace.url.path).filter { $0.hasPrefix(".Public.") }
        #expect(leftovers.isEmpty)
    }

    /// What a list template may do with `eventsHTML`, by name: the lists,
    /// written straight into their page, must give the same bytes whatever it does.
    static let eventListTemplates: [(String, String)] = [
        ("as shipped", "{{{eventsHTML}}}"),
        ("escaped", "{{eventsHTML}}"),
        ("repeated", "{{{eventsHTML}}}{{{eventsHTML}}}"),
        ("dropped", ""),
        ("upper-cased", "{{{uppercased(eventsHTML)}}}"),
    ]

    /// `build` writes pages into a staging folder as they are rendered;
    /// `serve` and `check` render into memory. Both give the same bytes,
    /// whatever the list template does with `eventsHTML` (escapes, repeats,
    /// drops or transforms it).
    @Test(arguments: eventListTemplates)
    func aBuildWritesWhatTheInMemoryRenderHolds(variant: String, list: String) throws {
        let workspace = try Workspace()
        try workspace.edit("Templates/event-list.mustache", replacing: "{{{eventsHTML}}}", with: list)
        let outcome = try workspace.build()
        #expect(outcome.status == 0, "\(variant): \(outcome.stderr)")
        let rendered = Pipeline.render(BuildOptions(contentPath: workspace.folder.path("Content").path,
                                                    templatesPath: workspace.folder.path("Templates").path))
        let written = try SiteImage(workspace.folder.path("Public"))
        #expect(written.files.keys.sorted() == rendered.files.map(\.path), "\(variant)")
        for file in rendered.files where written.files[file.path] != Data(file.bytes) {
            Issue.record("\(variant): Public/\(file.path) differs from the in-memory render")
        }
    }

    @Test func draftsAreLeftOutUnlessAskedFor() throws {
        let workspace = try Workspace()
        #expect(try workspace.build().status == 0)
        #expect(!FileManager.default.fileExists(atPath: workspace.folder.path("Public/events/secret-draft/index.html").path))
        #expect(try workspace.build(["--drafts"]).status == 0)
        #expect(FileManager.default.fileExists(atPath: workspace.folder.path("Public/events/secret-draft/index.html").path))
    }

    @Test func quietPrintsNothingOnSuccess() throws {
        let workspace = try Workspace()
        let outcome = try workspace.build(["--quiet"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.isEmpty && outcome.stderr.isEmpty)
    }
}
