import Foundation
import Testing

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
        #expect(outcome.stdout.hasPrefix("Built 22 pages from 12 notes in "))
        #expect(!FileManager.default.fileExists(atPath: workspace.folder.path("Public/events/earlier-contacts").path))
        #expect(try workspace.folder.read("Public/events/geneva-meeting/index.html").contains("<h1>Envoys meet again in Geneva</h1>"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: workspace.url.path).filter { $0.hasPrefix(".Public.") }
        #expect(leftovers.isEmpty)
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
