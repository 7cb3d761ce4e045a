import Foundation

/// `timeline serve` running in a workspace on a free loopback port, with its
/// terminal output collected.
final class ServeProcess: @unchecked Sendable {
    let process = Process()
    private let transcript = Transcript()
    private(set) var port = 0

    init(in workspace: Workspace, arguments: [String] = []) throws {
        process.executableURL = TimelineCLI.binary
        process.arguments = ["serve", "--port", "0"] + arguments
        process.currentDirectoryURL = workspace.url
        let pipe = Pipe()
        process.standardError = pipe
        process.standardOutput = pipe
        try process.run()
        // A thread of its own reads until the server exits (end of file).
        // Not `readabilityHandler`: Foundation keeps its dispatch source, and
        // so the pipe and the process, alive (LeakSanitizer showed it).
        let reading = pipe.fileHandleForReading, transcript = transcript
        Thread.detachNewThread {
            while true {
                let data = reading.availableData
                if data.isEmpty { break }
                transcript.append(data)
            }
        }
        guard let line = waitFor("Serving ", timeout: 30),
              let range = line.range(of: #"127\.0\.0\.1:(\d+)"#, options: .regularExpression),
              let port = Int(line[range].split(separator: ":")[1])
        else { throw RawHTTP.Failure(reason: "serve did not start: \(log)") }
        self.port = port
    }

    var log: String { transcript.text }

    /// The first output line containing `text`, waiting up to `timeout`.
    @discardableResult
    func waitFor(_ text: String, after offset: Int = 0, timeout: TimeInterval) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let lines = log.dropFirst(offset).split(separator: "\n")
            if let line = lines.first(where: { $0.contains(text) }) { return String(line) }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return nil
    }

    /// Sends Ctrl-C and waits; returns the exit status, or nil if it hung.
    func interrupt(timeout: TimeInterval = 10) -> Int32? {
        process.interrupt()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        if process.isRunning {
            process.terminate()
            return nil
        }
        return process.terminationStatus
    }

    deinit { if process.isRunning { process.terminate() } }
}

/// What a process has printed so far, appended from its reading thread.
private final class Transcript: @unchecked Sendable {
    private let lock = NSLock()
    private var output = ""

    func append(_ data: Data) {
        lock.lock()
        output += String(decoding: data, as: UTF8.self)
        lock.unlock()
    }

    var text: String {
        lock.lock()
        defer { lock.unlock() }
        return output
    }
}
