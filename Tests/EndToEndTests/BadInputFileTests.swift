import Foundation
import Testing
import TimelineKit

#if canImport(Glibc)
import Glibc
#endif

/// Files that are not notes as the contract names them, or cannot be read as
/// text: bad names, bad bytes, huge or deeply nested bodies, symbolic links
/// and unreadable files (see BadInputTests.swift). A note that cannot be read
/// is reported once: events naming it are not told again it does not exist.
@Suite struct BadInputFileTests {
    static let geneva = "Content/events/geneva-meeting.md"
    static let note = "---\ntitle: Talks\ndate: 2025-12-02\n---\nBody.\n"
    static func rename(_ name: String) -> [WorkspaceChange] { [.write("Content/events/\(name)", note)] }

    static let nameCases: [BadCase] = [
        BadCase("a name with spaces and capitals", rename("Moscow Meeting.md"), [
            "Content/events/Moscow Meeting.md: invalid file name 'Moscow Meeting.md': a slug uses only lowercase a-z, 0-9 and single hyphens (rename it to 'moscow-meeting.md')",
            stopped(at: "load"),
        ]),
        BadCase("a name with an underscore", rename("moscow_meeting.md"), [
            "Content/events/moscow_meeting.md: invalid file name 'moscow_meeting.md': a slug uses only lowercase a-z, 0-9 and single hyphens (rename it to 'moscow-meeting.md')",
            stopped(at: "load"),
        ]),
        BadCase("..md", rename("..md"), [
            "Content/events/..md: invalid file name '..md': a slug uses only lowercase a-z, 0-9 and single hyphens (name it like moscow-meeting.md)",
            stopped(at: "load"),
        ]),
        BadCase("an uppercase name", rename("Geneva.md"), [
            "Content/events/Geneva.md: invalid file name 'Geneva.md': a slug uses only lowercase a-z, 0-9 and single hyphens (rename it to 'geneva.md')",
            stopped(at: "load"),
        ]),
        BadCase("a Cyrillic name", rename("женева.md"), [
            "Content/events/женева.md: invalid file name 'женева.md': a slug uses only lowercase a-z, 0-9 and single hyphens (rename it to 'zheneva.md')",
            stopped(at: "load"),
        ]),
        BadCase("an accented name", rename("zürich-talks.md"), [
            "Content/events/zürich-talks.md: invalid file name 'zürich-talks.md': a slug uses only lowercase a-z, 0-9 and single hyphens (rename it to 'zurich-talks.md')",
            stopped(at: "load"),
        ]),
        BadCase("a double hyphen", rename("talks--again.md"), [
            "Content/events/talks--again.md: invalid file name 'talks--again.md': a slug uses only lowercase a-z, 0-9 and single hyphens (rename it to 'talks-again.md')",
            stopped(at: "load"),
        ]),
        BadCase("an extension in capitals", rename("talks.MD"), [
            "Content/events/talks.MD: only Markdown notes belong here (rename it to 'talks.md')",
            stopped(at: "load"),
        ]),
        BadCase("a text file among notes", rename("talks.txt"), [
            "Content/events/talks.txt: only Markdown notes belong here (rename it to SLUG.md or move it out of Content/)",
            stopped(at: "load"),
        ]),
    ]

    @Test(arguments: nameCases)
    func aBadFileNameIsRefused(_ bad: BadCase) throws {
        BadInput.expectRefused(try BadInput.run(bad.changes), bad.expected)
    }

    // MARK: Bytes

    static let byteCases: [BadCase] = [
        // Line 10, column 45: after "One official called the session “very ".
        BadCase("invalid UTF-8 in an article", [.replaceBytes("Content/articles/wire-report.md", Array("productive".utf8), with: Array("produc".utf8) + [0xFF] + Array("tive".utf8))], [
            "Content/articles/wire-report.md:10:45: the file is not valid UTF-8 (byte 0xFF) (save it as UTF-8)",
            stopped(at: "load"),
        ]),
        BadCase("a lone UTF-8 lead byte in a person", [.replaceBytes("Content/people/anna-envoy.md", Array("Special".utf8), with: Array("Spe".utf8) + [0xC3, 0x28] + Array("ial".utf8))], [
            "Content/people/anna-envoy.md:3:10: the file is not valid UTF-8 (byte 0xC3) (save it as UTF-8)",
            stopped(at: "load"),
        ]),
        BadCase("UTF-16 with its byte order mark", [.bytes(geneva, [0xFF, 0xFE] + Array("---".utf8).flatMap { [$0, 0] })], [
            "Content/events/geneva-meeting.md:1:1: the file is not valid UTF-8 (byte 0xFF) (save it as UTF-8)",
            stopped(at: "load"),
        ]),
        BadCase("a NUL byte", [.bytes(geneva, Array("---\ntitle: Talks".utf8) + [0] + Array("\n---\n".utf8))], [
            "Content/events/geneva-meeting.md: the file contains a NUL byte (save it as plain UTF-8 text)",
            stopped(at: "load"),
        ]),
    ]

    /// Each is reported once, in the file itself: not again in the events
    /// that name the note or link to it.
    @Test(arguments: byteCases)
    func badBytesAreRefusedAndReportedOnce(_ bad: BadCase) throws {
        BadInput.expectRefused(try BadInput.run(bad.changes), bad.expected)
    }

    /// A byte order mark and Windows line endings in every file simply work:
    /// the site is byte for byte the one built from the plain files.
    @Test func aByteOrderMarkAndCRLFLineEndingsBuildTheSameSite() throws {
        let workspace = try Workspace()
        #expect(try workspace.build(["--quiet"]).status == 0)
        let plain = try snapshot(workspace.folder.path("Public"))
        for file in filesBelow(workspace.folder.path("Content")) where file.hasSuffix(".md") || file.hasSuffix(".yml") {
            let url = workspace.folder.path("Content/\(file)")
            let text = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "\n", with: "\r\n")
            try Data([0xEF, 0xBB, 0xBF] + Array(text.utf8)).write(to: url)
        }
        let outcome = try workspace.build()
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stderr.isEmpty)
        let bent = try snapshot(workspace.folder.path("Public"))
        #expect(bent == plain)
        let page = try HTMLPage(workspace.folder.path("Public/events/geneva-meeting/index.html"))
        #expect(page.text("//h1") == "Envoys meet in Geneva")
        #expect(page.texts("//blockquote/p") == ["very productive"])
        #expect(!(try workspace.folder.read("Public/events/geneva-meeting/index.html")).contains("\r"))
    }

    /// A lone BOM before the front matter of one note, with old Mac `\r` line ends.
    @Test func aByteOrderMarkAndBareCarriageReturnsWork() throws {
        let text = "---\rtitle: Talks in Bern\rdate: 2025-12-03\rplace: geneva\r---\rThe envoys met again.\r"
        let run = try BadInput.run([.bytes("Content/events/bern-talks.md", [0xEF, 0xBB, 0xBF] + Array(text.utf8))])
        #expect(run.outcome.status == 0, "\(run.outcome.stderr)")
        let page = try HTMLPage(run.workspace.folder.path("Public/events/bern-talks/index.html"))
        #expect(page.text("//h1") == "Talks in Bern")
        #expect(page.text("//div[@class='body']/p") == "The envoys met again.")
        #expect(page.text("//p[@class='event-meta']/time/@datetime") == "2025-12-03")
    }

    // MARK: Size and depth

    /// A 50 MB body is refused by its size before it is read.
    @Test func aFiftyMegabyteNoteIsRefused() throws {
        let size = 50 << 20
        #expect(size > ContentLoader.maximumNoteBytes)
        let workspace = try Workspace()
        #expect(try workspace.build(["--quiet"]).status == 0)
        let before = try snapshot(workspace.folder.path("Public"))
        let handle = try FileHandle(forWritingTo: workspace.folder.path(Self.geneva))
        try handle.seekToEnd()
        let line = Data(String(repeating: "word ", count: 1023).appending("\n").utf8)
        for _ in 0..<(size / line.count + 1) { handle.write(line) }
        try handle.close()
        let outcome = try workspace.build()
        #expect(outcome.stderrLines == [
            "Content/events/geneva-meeting.md: file is 50 MiB, larger than the \(ContentLoader.maximumNoteBytes >> 20) MiB a note may be (split it or shorten it)",
            stopped(at: "load"),
        ])
        #expect(outcome.status == 1)
        #expect(try snapshot(workspace.folder.path("Public")) == before)
    }

    /// Markdown nested 100,000 levels deep (block quotes, lists, brackets,
    /// emphasis) neither crashes nor hangs: the build finishes in seconds.
    @Test(arguments: [
        ("block quotes", String(repeating: ">", count: 100_000) + " deep"),
        ("lists", String(repeating: "- ", count: 100_000) + "deep"),
        ("brackets", String(repeating: "[", count: 100_000) + "deep" + String(repeating: "](x)", count: 100_000)),
        ("emphasis", String(repeating: "*", count: 100_000) + "deep" + String(repeating: "*", count: 100_000)),
        ("raw HTML", String(repeating: "<div>", count: 100_000) + "deep"),
    ])
    func deeplyNestedMarkdownBuilds(kind: String, body: String) throws {
        let workspace = try Workspace()
        try workspace.write("Content/events/deep.md", "---\ntitle: Deep\ndate: 2025-12-03\n---\n\(body)\n")
        let started = Date()
        let outcome = try workspace.build(["--quiet"])
        let seconds = Date().timeIntervalSince(started)
        #expect(outcome.status == 0, "\(kind): \(outcome.stderr)")
        #expect(seconds < 60, "\(kind) took \(seconds) s")
        let page = try workspace.folder.read("Public/events/deep/index.html")
        #expect(page.contains("deep"))
    }

    // MARK: Links and permissions

    static let linkCases: [BadCase] = [
        BadCase("a symbolic link loop", [.symlink("Content/events/loop-a.md", to: "loop-b.md"), .symlink("Content/events/loop-b.md", to: "loop-a.md")], [
            "Content/events/loop-a.md: broken symbolic link: too many levels of symbolic links (point it at a file inside the content folder)",
            "Content/events/loop-b.md: broken symbolic link: too many levels of symbolic links (point it at a file inside the content folder)",
            stopped(at: "load", errors: 2),
        ]),
        BadCase("a symbolic link to nowhere", [.symlink("Content/events/gone.md", to: "missing-target.md")], [
            "Content/events/gone.md: broken symbolic link: no such file or directory (point it at a file inside the content folder)",
            stopped(at: "load"),
        ]),
        // The workspace root holds a note outside Content/.
        BadCase("a symbolic link out of Content/", [.write("outside.md", note), .symlink("Content/events/outside.md", to: "../../outside.md")], [
            "Content/events/outside.md: symbolic link points outside the content folder (copy the file into the content folder instead)",
            stopped(at: "load"),
        ]),
        BadCase("a symbolic link to /etc/passwd", [.symlink("Content/people/anna-envoy-2.md", to: "/etc/passwd")], [
            "Content/people/anna-envoy-2.md: symbolic link points outside the content folder (copy the file into the content folder instead)",
            stopped(at: "load"),
        ]),
        // The people folder links to itself: every person is unreadable, and
        // the events naming them are not told again they do not exist.
        BadCase("a notes folder linking to itself", [.remove("Content/people"), .symlink("Content/people", to: "people")], [
            "Content/people: broken symbolic link: too many levels of symbolic links (point it at a folder inside the content folder)",
            stopped(at: "load"),
        ]),
        BadCase("a notes folder linking out of Content/", [.remove("Content/places"), .symlink("Content/places", to: "../Templates")], [
            "Content/places: symbolic link points outside the content folder (keep notes inside the content folder)",
            stopped(at: "load"),
        ]),
        BadCase("a named pipe where a note should be", [.fifo("Content/events/pipe.md")], [
            "Content/events/pipe.md: not a regular file (a device, socket or pipe) (a note is a plain text file)",
            stopped(at: "load"),
        ]),
        // anna-envoy.md is a folder: reported once, not again where Geneva names her.
        BadCase("a folder where a note should be", [.remove("Content/people/anna-envoy.md"), .folder("Content/people/anna-envoy.md")], [
            "Content/people/anna-envoy.md: expected a file, found a folder (notes are files named SLUG.md)",
            stopped(at: "load"),
        ]),
    ]

    @Test(arguments: linkCases)
    func linksAndOddFilesAreRefused(_ bad: BadCase) throws {
        BadInput.expectRefused(try BadInput.run(bad.changes), bad.expected)
    }

    /// Root reads any file whatever its mode: the build then runs without
    /// the two capabilities that let it (setpriv, from util-linux).
    static let setpriv = "/usr/bin/setpriv"
    static var canMakeFilesUnreadable: Bool {
        getuid() != 0 || FileManager.default.isExecutableFile(atPath: setpriv)
    }

    static func buildWithoutOverridingPermissions(_ workspace: Workspace) throws -> TimelineCLI.Outcome {
        guard getuid() == 0 else { return try workspace.build() }
        let drop = "-dac_override,-dac_read_search"
        return try TimelineCLI.run(["--inh-caps=\(drop)", "--bounding-set=\(drop)", TimelineCLI.binary.path, "build"],
                                   in: workspace.url, executable: URL(fileURLWithPath: setpriv))
    }

    /// A path made unreadable (mode 000), the mode it is given back, and
    /// what the build must say.
    struct UnreadableCase: Sendable, CustomTestStringConvertible {
        let path: String
        let mode: mode_t
        let expected: [String]
        var testDescription: String { path }
    }

    static let unreadableCases: [UnreadableCase] = [
        // anna-envoy.md is named by events too: reported once, where it is.
        UnreadableCase(path: "Content/people/anna-envoy.md", mode: 0o644, expected: [
            "Content/people/anna-envoy.md: cannot read file: permission denied",
            stopped(at: "load"),
        ]),
        UnreadableCase(path: "Content/people", mode: 0o755, expected: [
            "Content/people: cannot read folder: permission denied",
            stopped(at: "load"),
        ]),
        UnreadableCase(path: "Templates/event.mustache", mode: 0o644, expected: [
            "Templates/event.mustache: cannot read template: permission denied",
            stopped(at: "templates"),
        ]),
    ]

    @Test(.enabled(if: canMakeFilesUnreadable, "running as root without setpriv, a mode-000 file stays readable"),
          arguments: unreadableCases)
    func anUnreadablePathIsReportedOnce(_ unreadable: UnreadableCase) throws {
        let run = try BadInput.run([], build: { workspace in
            let path = workspace.folder.path(unreadable.path).path
            chmod(path, 0)
            defer { chmod(path, unreadable.mode) }
            return try Self.buildWithoutOverridingPermissions(workspace)
        })
        BadInput.expectRefused(run, unreadable.expected)
    }
}
