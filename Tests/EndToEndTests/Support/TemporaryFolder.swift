import Foundation

/// A fresh folder under the system temporary directory, removed on deinit.
final class TemporaryFolder {
    let url: URL

    init(_ label: String = "timeline") throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ relative: String) -> URL { url.appendingPathComponent(relative) }

    /// Copies a fixture or project folder in, under `name`.
    @discardableResult
    func copy(_ source: URL, as name: String) throws -> URL {
        let destination = path(name)
        try FileManager.default.copyItem(at: source, to: destination)
        return destination
    }

    func write(_ relative: String, _ text: String) throws {
        let file = path(relative)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
    }

    func read(_ relative: String) throws -> String {
        try String(contentsOf: path(relative), encoding: .utf8)
    }
}

/// Every regular file below `root`, as sorted relative paths.
func filesBelow(_ root: URL) -> [String] {
    let rootPath = root.standardizedFileURL.path
    guard let walker = FileManager.default.enumerator(atPath: rootPath) else { return [] }
    var files: [String] = []
    while let relative = walker.nextObject() as? String {
        var isDirectory: ObjCBool = false
        FileManager.default.fileExists(atPath: rootPath + "/" + relative, isDirectory: &isDirectory)
        if !isDirectory.boolValue { files.append(relative) }
    }
    return files.sorted()
}
