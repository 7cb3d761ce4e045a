import Foundation

/// The built `timeline` binary, run as a user would: a real process with
/// arguments, a working directory and captured output.
struct TimelineCLI {
    struct Outcome {
        let status: Int32
        let stdout: String
        let stderr: String
        var stderrLines: [String] { stderr.split(separator: "\n").map(String.init) }
    }

    /// The package root, found from this file's path.
    static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
            url.deleteLastPathComponent()
        }
        return url
    }()

    static var fixtures: URL { packageRoot.appendingPathComponent("Tests/EndToEndTests/Fixtures") }

    /// The binary sits beside the test bundle in the build products folder.
    static let binary: URL = {
        var folder = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("timeline")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder.deleteLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/debug/timeline")
    }()

    /// Runs a shell command line (for tools like `script` that wrap the binary).
    static func runShell(_ command: String, in directory: URL) throws -> Outcome {
        try run(["-c", command], in: directory, executable: URL(fileURLWithPath: "/bin/sh"))
    }

    /// Runs the binary with its output in temporary files, not pipes: however
    /// much it prints on either stream, it cannot block on a full pipe.
    @discardableResult
    static func run(_ arguments: [String], in directory: URL, executable: URL = binary) throws -> Outcome {
        let capture = FileManager.default.temporaryDirectory
            .appendingPathComponent("timeline-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: capture, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: capture) }
        let out = capture.appendingPathComponent("stdout"), err = capture.appendingPathComponent("stderr")
        for file in [out, err] where !FileManager.default.createFile(atPath: file.path, contents: nil) {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file.path])
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, stdout: try text(of: out), stderr: try text(of: err))
    }

    /// A captured stream's text. Through FileHandle, not `Data(contentsOf:)`,
    /// which leaks its buffer for an empty file (LeakSanitizer showed it).
    private static func text(of file: URL) throws -> String {
        let handle = try FileHandle(forReadingFrom: file)
        defer { try? handle.close() }
        return String(decoding: try handle.readToEnd() ?? Data(), as: UTF8.self)
    }
}
