import Foundation
import Testing
@testable import TimelineKit

/// The loader against real folders, made fresh in a temporary directory per test.
@Suite struct ContentLoaderTests {
    /// A scratch folder holding `Content/`, removed when the test ends.
    final class Scratch {
        let root: String
        var content: String { root + "/Content" }

        init() throws {
            root = FileManager.default.temporaryDirectory.path + "/timeline-loader-" + UUID().uuidString
            try FileManager.default.createDirectory(atPath: content + "/events", withIntermediateDirectories: true)
            try write("site.yml", "title: Test\n")
        }

        deinit { try? FileManager.default.removeItem(atPath: root) }

        func write(_ relativePath: String, _ text: String) throws {
            try Data(text.utf8).write(to: URL(fileURLWithPath: content + "/" + relativePath))
        }

        func link(_ relativePath: String, to destination: String) throws {
            try FileManager.default.createSymbolicLink(atPath: content + "/" + relativePath, withDestinationPath: destination)
        }

        /// Loads, and gives each message with the scratch folder's path written as `Content`.
        func load() -> (LoadedContent, [String]) {
            let (loaded, diagnostics) = ContentLoader.load(from: content)
            return (loaded, diagnostics.map { $0.description.replacingOccurrences(of: content, with: "Content") })
        }
    }

    static let talks = "---\ntitle: Talks\ndate: 2025-12-02\n---\n"

    @Test func readsSettingsAndNotesWithTheirSlugs() throws {
        let scratch = try Scratch()
        try scratch.write("events/moscow-meeting.md", Self.talks)
        let (loaded, problems) = scratch.load()
        #expect(problems == [])
        #expect(loaded.settingsText == "title: Test\n")
        #expect(loaded.files.map(\.slug) == ["moscow-meeting"])
        #expect(loaded.files.first?.kind == .event)
        #expect(loaded.files.first?.path == scratch.content + "/events/moscow-meeting.md")
        #expect(loaded.files.first?.text == Self.talks)
    }

    @Test(arguments: [
        ("Moscow Meeting.md", "rename it to 'moscow-meeting.md'"),
        ("moscow_meeting.md", "rename it to 'moscow-meeting.md'"),
        ("Moscow-Meeting.md", "rename it to 'moscow-meeting.md'"),
        ("moscow--meeting.md", "rename it to 'moscow-meeting.md'"),
        ("zürich.md", "rename it to 'zurich.md'"),
        ("київ.md", "rename it to 'kyiv.md'"),
        ("!!!.md", "name it like moscow-meeting.md"),
        ("..md", "name it like moscow-meeting.md"),
    ])
    func anInvalidFileNameIsAnErrorNeverSkipped(name: String, hint: String) throws {
        let scratch = try Scratch()
        try scratch.write("events/" + name, Self.talks)
        let (loaded, problems) = scratch.load()
        #expect(loaded.files.isEmpty)
        #expect(problems == [
            "Content/events/\(name): invalid file name '\(name)': a slug uses only lowercase a-z, 0-9 and single hyphens (\(hint))",
        ])
    }

    @Test func aFileThatIsNotMarkdownIsAnError() throws {
        let scratch = try Scratch()
        try scratch.write("events/talks.txt", "notes")
        #expect(scratch.load().1 == [
            "Content/events/talks.txt: only Markdown notes belong here (rename it to SLUG.md or move it out of Content/)",
        ])
    }

    @Test(arguments: [".DS_Store", "talks.md~", ".talks.md.swp", ".#talks"])
    func editorDroppingsAreIgnored(name: String) throws {
        let scratch = try Scratch()
        try scratch.write("events/" + name, "junk")
        let (loaded, problems) = scratch.load()
        #expect(problems == [])
        #expect(loaded.files.isEmpty)
    }

    @Test func aFolderNamedLikeANoteIsAnError() throws {
        let scratch = try Scratch()
        try FileManager.default.createDirectory(atPath: scratch.content + "/events/talks.md", withIntermediateDirectories: false)
        #expect(scratch.load().1 == ["Content/events/talks.md: expected a file, found a folder (notes are files named SLUG.md)"])
    }

    @Test func aSymlinkToANoteInsideTheContentFolderIsRead() throws {
        let scratch = try Scratch()
        try scratch.write("events/talks.md", Self.talks)
        try scratch.link("events/same-talks.md", to: "talks.md")
        let (loaded, problems) = scratch.load()
        #expect(problems == [])
        #expect(loaded.files.map(\.slug) == ["same-talks", "talks"])
        #expect(loaded.files.first?.text == Self.talks)
    }

    @Test func aSymlinkOutOfTheContentFolderIsRefused() throws {
        let scratch = try Scratch()
        try Data(Self.talks.utf8).write(to: URL(fileURLWithPath: scratch.root + "/outside.md"))
        try scratch.link("events/outside.md", to: scratch.root + "/outside.md")
        let (loaded, problems) = scratch.load()
        // Not read, but standing in for the note, so names of it are not reported again.
        #expect(loaded.files.map(\.slug) == ["outside"])
        #expect(loaded.files.allSatisfy { $0.text.isEmpty && $0.loadProblem != nil })
        #expect(problems == [
            "Content/events/outside.md: symbolic link points outside the content folder (copy the file into the content folder instead)",
        ])
    }

    @Test func aNoteFolderLinkedFromOutsideTheContentFolderIsRefused() throws {
        let scratch = try Scratch()
        try FileManager.default.createDirectory(atPath: scratch.root + "/elsewhere", withIntermediateDirectories: false)
        try Data(Self.talks.utf8).write(to: URL(fileURLWithPath: scratch.root + "/elsewhere/talks.md"))
        try scratch.link("people", to: scratch.root + "/elsewhere")
        let (loaded, problems) = scratch.load()
        // One stand-in for every note the folder would hold.
        #expect(loaded.files.map(\.slug) == [Site.anySlug])
        #expect(loaded.files.allSatisfy { $0.text.isEmpty && $0.loadProblem != nil })
        #expect(problems == ["Content/people: symbolic link points outside the content folder (keep notes inside the content folder)"])
    }

    @Test func aSymlinkLoopIsRefused() throws {
        let scratch = try Scratch()
        try scratch.link("events/loop.md", to: "loop-back.md")
        try scratch.link("events/loop-back.md", to: "loop.md")
        #expect(scratch.load().1 == [
            "Content/events/loop-back.md: broken symbolic link: too many levels of symbolic links (point it at a file inside the content folder)",
            "Content/events/loop.md: broken symbolic link: too many levels of symbolic links (point it at a file inside the content folder)",
        ])
    }

    @Test func aDanglingSymlinkIsRefused() throws {
        let scratch = try Scratch()
        try scratch.link("events/gone.md", to: "nowhere.md")
        #expect(scratch.load().1 == [
            "Content/events/gone.md: broken symbolic link: no such file or directory (point it at a file inside the content folder)",
        ])
    }

    // Root reads any file whatever its mode, so this can only be observed as
    // another user: checked when the test runs, and reported as skipped as root.
    @Test(.enabled(if: getuid() != 0, "root can read a file with mode 000"))
    func anUnreadableFileIsReported() throws {
        let scratch = try Scratch()
        try scratch.write("events/secret.md", Self.talks)
        chmod(scratch.content + "/events/secret.md", 0)
        #expect(scratch.load().1 == ["Content/events/secret.md: cannot read file: permission denied"])
    }

    @Test func invalidUTF8IsReportedWithTheFilesPath() throws {
        let scratch = try Scratch()
        try Data([0x2D, 0x2D, 0x2D, 0x0A, 0xFF]).write(to: URL(fileURLWithPath: scratch.content + "/events/talks.md"))
        #expect(scratch.load().1 == ["Content/events/talks.md:2:1: the file is not valid UTF-8 (byte 0xFF) (save it as UTF-8)"])
    }

    @Test func aMissingSiteFileIsAnError() throws {
        let scratch = try Scratch()
        try FileManager.default.removeItem(atPath: scratch.content + "/site.yml")
        let (loaded, problems) = scratch.load()
        #expect(loaded.settingsText == nil)
        #expect(problems == ["Content/site.yml: file not found (create site.yml with at least 'title: ...')"])
    }

    @Test func aMissingContentFolderIsAnError() throws {
        let scratch = try Scratch()
        let (_, diagnostics) = ContentLoader.load(from: scratch.root + "/Nope")
        #expect(diagnostics.map(\.description) == [
            scratch.root + "/Nope: content folder not found (create it with site.yml and events/, or pass --content DIR)",
        ])
    }

    @Test func aStrayTopLevelEntryIsWarnedAbout() throws {
        let scratch = try Scratch()
        try FileManager.default.createDirectory(atPath: scratch.content + "/evnets", withIntermediateDirectories: false)
        #expect(scratch.load().1 == ["Content/evnets: warning: not part of the content format, ignored (did you mean 'events'?)"])
    }

    /// Sorted by file name bytes: `a-2.md` before `a.md`, as `-` is below `.`.
    @Test func filesAreListedInByteOrderWhateverTheFileSystemSays() throws {
        let scratch = try Scratch()
        for slug in ["b", "a", "a-2", "10", "2"] { try scratch.write("events/\(slug).md", Self.talks) }
        #expect(scratch.load().0.files.map(\.slug) == ["10", "2", "a-2", "a", "b"])
    }
}
