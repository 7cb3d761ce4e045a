import Foundation
import TimelineKit

#if canImport(Glibc)
import Glibc
#endif

/// A one-line progress display on standard error, only when it is a
/// terminal and the build runs long enough to need one; without a terminal
/// (CI, pipes) it prints nothing, so no escape codes reach logs.
final class ProgressLine: @unchecked Sendable {
    let progress = BuildProgress()
    private let enabled: Bool
    private var thread: Thread?
    private let lock = NSLock()
    private var finished = false
    private var shown = false

    init(quiet: Bool) {
        enabled = !quiet && isatty(2) == 1
    }

    func start() {
        guard enabled else { return }
        let started = Date()
        let thread = Thread { [self] in
            var last = ""
            while !isFinished {
                Thread.sleep(forTimeInterval: 0.1)
                // Short builds finish before anything is shown.
                guard Date().timeIntervalSince(started) > 0.3, progress.pagesTotal > 0, !isFinished else { continue }
                let text = "Rendering pages: \(Report.count(progress.pagesDone)) of \(Report.count(progress.pagesTotal))"
                guard text != last else { continue }
                last = text
                Report.printError("\r\u{1B}[2K" + text, newline: false)
                lock.lock(); shown = true; lock.unlock()
            }
        }
        self.thread = thread
        thread.start()
    }

    /// Stops the display and clears the line it used. A line that was shown
    /// reaches its last count first: the ticker reads the counter ten times a
    /// second and could stop short of it ("1,223 of 1,225").
    func stop() {
        lock.lock()
        finished = true
        let wasShown = shown
        lock.unlock()
        guard wasShown else { return }
        let total = progress.pagesTotal
        Report.printError("\r\u{1B}[2KRendering pages: \(Report.count(progress.pagesDone)) of \(Report.count(total))", newline: false)
        Report.printError("\r\u{1B}[2K", newline: false)
    }

    private var isFinished: Bool {
        lock.lock()
        defer { lock.unlock() }
        return finished
    }
}
