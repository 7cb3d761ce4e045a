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

    @discardableResult
    static func run(_ arguments: [String], in directory: URL, executable: URL = binary) throws -> Outcome {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read before waiting, so a full pipe cannot block the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus,
                       stdout: String(decoding: outData, as: UTF8.self),
                       stderr: String(decoding: errData, as: UTF8.self))
    }
}
