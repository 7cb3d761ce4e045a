#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Watches the content and templates folders and calls back once per burst
/// of changes (editors save in several steps: write, rename, chmod). Uses
/// inotify on Linux, watching every folder below the roots; where inotify is
/// not available it polls file stamps.
final class ContentWatcher: @unchecked Sendable {
    private let roots: [String]
    private let onChange: @Sendable () -> Void
    private let quietPeriod: TimeInterval
    private var thread: Thread?
    private let stopped = NSLock()
    private var isStopped = false

    init(roots: [String], quietPeriod: TimeInterval = 0.03, onChange: @escaping @Sendable () -> Void) {
        self.roots = roots
        self.quietPeriod = quietPeriod
        self.onChange = onChange
    }

    func start() {
        let thread = Thread { [self] in
            #if os(Linux)
            if watchWithInotify() { return }
            #endif
            watchByPolling()
        }
        thread.name = "timeline-watcher"
        self.thread = thread
        thread.start()
    }

    func stop() {
        stopped.lock()
        isStopped = true
        stopped.unlock()
    }

    private var shouldStop: Bool {
        stopped.lock()
        defer { stopped.unlock() }
        return isStopped
    }

    /// Every folder below the roots (the roots included), following no links.
    private func folders() -> [String] {
        var result: [String] = []
        var pending = roots
        while let folder = pending.popLast() {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            result.append(folder)
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where !name.hasPrefix(".") {
                let child = folder + "/" + name
                if (try? FileManager.default.destinationOfSymbolicLink(atPath: child)) != nil { continue }
                var childIsDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: child, isDirectory: &childIsDirectory), childIsDirectory.boolValue {
                    pending.append(child)
                }
            }
        }
        return result
    }

    #if os(Linux)
    /// Returns false if inotify cannot be used, so the caller polls instead.
    private func watchWithInotify() -> Bool {
        let fd = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        guard fd >= 0 else { return false }
        defer { close(fd) }
        let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_DELETE_SELF | IN_ATTRIB)
        func addWatches() { for folder in folders() { _ = inotify_add_watch(fd, folder, mask) } }
        addWatches()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while !shouldStop {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 200) > 0 else { continue }
            // Drain this burst: keep reading until the folder has been quiet.
            repeat {
                while buffer.withUnsafeMutableBytes({ read(fd, $0.baseAddress, $0.count) }) > 0 {}
            } while poll(&poller, 1, Int32(quietPeriod * 1000)) > 0
            addWatches()  // new folders, recreated ones
            onChange()
        }
        return true
    }
    #endif

    private func watchByPolling() {
        func fingerprint() -> [String: Date] {
            var stamps: [String: Date] = [:]
            for folder in folders() {
                for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
                    let path = folder + "/" + name
                    stamps[path] = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
                }
            }
            return stamps
        }
        var last = fingerprint()
        while !shouldStop {
            Thread.sleep(forTimeInterval: 0.25)
            let now = fingerprint()
            if now != last {
                last = now
                onChange()
            }
        }
    }
}
