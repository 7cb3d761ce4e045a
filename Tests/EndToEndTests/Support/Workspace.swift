import Foundation

/// A project folder in a temporary directory: the small-story fixture as
/// `Content/`, the real `Templates/`, and edits applied per test, so each test
/// breaks exactly one thing and checks the exact message.
final class Workspace {
    let folder: TemporaryFolder
    var url: URL { folder.url }

    init(fixture: String = "small-story") throws {
        folder = try TemporaryFolder("workspace")
        try folder.copy(TimelineCLI.fixtures.appendingPathComponent(fixture), as: "Content")
        try folder.copy(TimelineCLI.packageRoot.appendingPathComponent("Templates"), as: "Templates")
    }

    /// Replaces `old` with `new` in a file, failing loudly if `old` is absent.
    func edit(_ relative: String, replacing old: String, with new: String) throws {
        let text = try folder.read(relative)
        guard text.contains(old) else { throw EditError(file: relative, missing: old) }
        try folder.write(relative, text.replacingOccurrences(of: old, with: new))
    }

    func write(_ relative: String, _ text: String) throws { try folder.write(relative, text) }

    func build(_ extra: [String] = []) throws -> TimelineCLI.Outcome {
        try TimelineCLI.run(["build"] + extra, in: url)
    }

    struct EditError: Error, CustomStringConvertible {
        let file: String
        let missing: String
        var description: String { "\(file) does not contain '\(missing)'" }
    }
}

/// Every file below `root` with its bytes: to prove a failed build changed nothing.
func snapshot(_ root: URL) throws -> [String: Data] {
    var result: [String: Data] = [:]
    for file in filesBelow(root) { result[file] = try Data(contentsOf: root.appendingPathComponent(file)) }
    return result
}
