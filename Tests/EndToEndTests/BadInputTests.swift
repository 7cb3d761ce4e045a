import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

// The bad-input suite (issue 7, item 1). Each case copies the small-story
// fixture and the real templates into a workspace, builds it once (the good
// site), changes one thing, builds again and checks: the exact lines on
// standard error (FILE:LINE:COL: message (hint)), exit status 1, nothing on
// standard output, and `Public/` byte for byte as the good build left it.
//
// The cases live in tables by theme: BadInputYAMLTests, BadInputFieldTests,
// BadInputDateTests, BadInputReferenceTests, BadInputFileTests and
// BadInputSiteTests. This file holds what they share, and the cases about the
// project's folders themselves.

/// One change to a workspace, as a value, so a case reads as data.
/// Paths are relative to the workspace (`Content/events/x.md`).
enum WorkspaceChange: Sendable {
    /// Replaces text in a file; the case fails loudly if `old` is not there.
    case replace(String, String, with: String)
    case write(String, String)
    case bytes(String, [UInt8])
    /// Replaces bytes in a file, for text no Swift string can hold.
    case replaceBytes(String, [UInt8], with: [UInt8])
    case remove(String)
    /// A symbolic link at the path, pointing at `to` exactly as written.
    case symlink(String, to: String)
    case folder(String)
    case fifo(String)
}

extension Workspace {
    func apply(_ change: WorkspaceChange) throws {
        let manager = FileManager.default
        switch change {
        case let .replace(file, old, new):
            try edit(file, replacing: old, with: new)
        case let .write(file, text):
            try write(file, text)
        case let .bytes(file, bytes):
            try Data(bytes).write(to: folder.path(file))
        case let .replaceBytes(file, old, new):
            let bytes = Array(try Data(contentsOf: folder.path(file)))
            guard let start = bytes.indices.first(where: { bytes[$0...].starts(with: old) }) else {
                throw Workspace.EditError(file: file, missing: String(decoding: old, as: UTF8.self))
            }
            try Data(bytes[..<start] + new + bytes[(start + old.count)...]).write(to: folder.path(file))
        case let .remove(path):
            try manager.removeItem(at: folder.path(path))
        case let .symlink(path, target):
            try manager.createSymbolicLink(atPath: folder.path(path).path, withDestinationPath: target)
        case let .folder(path):
            try manager.createDirectory(at: folder.path(path), withIntermediateDirectories: true)
        case let .fifo(path):
            guard mkfifo(folder.path(path).path, 0o644) == 0 else { throw Workspace.EditError(file: path, missing: "mkfifo") }
        }
    }
}

/// A bad-input case: what to change and every line the build must print.
struct BadCase: Sendable, CustomTestStringConvertible {
    let name: String
    let changes: [WorkspaceChange]
    let expected: [String]

    init(_ name: String, _ changes: [WorkspaceChange], _ expected: [String]) {
        self.name = name
        self.changes = changes
        self.expected = expected
    }

    var testDescription: String { name }
}

/// The last line of a refused build.
func stopped(at stage: String, errors: Int = 1) -> String {
    "error: the build stopped at the \(stage) stage with \(errors) \(errors == 1 ? "error" : "errors"); nothing was written"
}

enum BadInput {
    struct Run {
        let workspace: Workspace
        let outcome: TimelineCLI.Outcome
        let before: [String: Data]
        let after: [String: Data]
    }

    /// Builds the good site, applies `changes`, builds again (with
    /// `arguments`, or through `build` when the process must be started
    /// another way).
    static func run(
        _ changes: [WorkspaceChange], arguments: [String] = [],
        build: ((Workspace) throws -> TimelineCLI.Outcome)? = nil
    ) throws -> Run {
        let workspace = try Workspace()
        let first = try workspace.build(["--quiet"])
        guard first.status == 0 else { throw BuildFailed(stderr: first.stderr) }
        let before = try snapshot(workspace.folder.path("Public"))
        for change in changes { try workspace.apply(change) }
        let outcome = try build?(workspace) ?? workspace.build(arguments)
        let after = try snapshot(workspace.folder.path("Public"))
        return Run(workspace: workspace, outcome: outcome, before: before, after: after)
    }

    /// The build refused with exactly `expected` on standard error, exit
    /// status 1, nothing on standard output, and the old site untouched.
    static func expectRefused(_ run: Run, _ expected: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(run.outcome.stderrLines == expected, sourceLocation: sourceLocation)
        #expect(run.outcome.status == 1, sourceLocation: sourceLocation)
        #expect(run.outcome.stdout.isEmpty, sourceLocation: sourceLocation)
        #expect(run.before.count > 20, sourceLocation: sourceLocation)
        #expect(run.before == run.after, "Public/ changed", sourceLocation: sourceLocation)
    }

    /// The build succeeded with exactly `warnings` before its one line of
    /// summary, and the site was written.
    static func expectBuilt(_ run: Run, warnings: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(run.outcome.status == 0, "\(run.outcome.stderr)", sourceLocation: sourceLocation)
        #expect(run.outcome.stderrLines == warnings, sourceLocation: sourceLocation)
        #expect(run.outcome.stdout.hasPrefix("Built 25 pages from 13 notes in "), sourceLocation: sourceLocation)
        #expect(run.after["index.html"] != nil, sourceLocation: sourceLocation)
    }

    struct BuildFailed: Error, CustomStringConvertible {
        let stderr: String
        var description: String { "the unbroken fixture did not build: \(stderr)" }
    }
}

/// The project's folders themselves: missing, or not what they should be.
@Suite struct BadInputTests {
    static let cases: [BadCase] = [
        BadCase("missing Content/", [.remove("Content")], [
            "Content: content folder not found (create it with site.yml and events/, or pass --content DIR)",
            stopped(at: "load"),
        ]),
        BadCase("missing Templates/", [.remove("Templates")], [
            "Templates: templates folder not found (pass --templates DIR or restore Templates/ from the project)",
            stopped(at: "templates"),
        ]),
        BadCase("missing site.yml", [.remove("Content/site.yml")], [
            "Content/site.yml: file not found (create site.yml with at least 'title: ...')",
            stopped(at: "load"),
        ]),
        BadCase("site.yml is a folder", [.remove("Content/site.yml"), .folder("Content/site.yml")], [
            "Content/site.yml: expected a file, found a folder (site.yml is a file of settings, like 'title: ...')",
            stopped(at: "load"),
        ]),
        // The people folder is a file: every person is unreadable, and no
        // event is told again that its people do not exist.
        BadCase("a notes folder that is a file", [.remove("Content/people"), .write("Content/people", "anna-envoy\n")], [
            "Content/people: expected a folder of notes, found a file (people/ holds one SLUG.md per note)",
            stopped(at: "load"),
        ]),
        BadCase("a folder inside a notes folder", [.folder("Content/events/2025")], [
            "Content/events/2025: a folder inside events/ is not read (notes go straight in events/, one SLUG.md each)",
            stopped(at: "load"),
        ]),
    ]

    @Test(arguments: cases)
    func refused(_ bad: BadCase) throws {
        BadInput.expectRefused(try BadInput.run(bad.changes), bad.expected)
    }

    /// A stray folder or file beside the note folders is a warning, not an
    /// error: the build goes on and says what was probably meant.
    @Test func anUnknownFolderInContentIsAWarningAndTheBuildGoesOn() throws {
        let run = try BadInput.run([.folder("Content/evnts"), .write("Content/notes.txt", "to do\n")])
        BadInput.expectBuilt(run, warnings: [
            "Content/evnts: warning: not part of the content format, ignored (did you mean 'events'?)",
            "Content/notes.txt: warning: not part of the content format, ignored (notes belong in articles/, events/, people/, places/ or documents/)",
        ])
    }
}
