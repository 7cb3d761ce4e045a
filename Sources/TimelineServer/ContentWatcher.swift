#if canImport(Glibc)
import Glibc
#endif
import Foundation
import TimelineKit

/// Watches the content and templates folders and calls back once per burst
/// of changes (editors save in several steps: write, rename, chmod), with
/// the paths that changed, or nil when it cannot tell which (a folder came
/// or went, the kernel dropped events, or it is polling). Uses inotify on
/// Linux, watching every folder below the roots; where inotify is not
/// available it polls file stamps.
final class ContentWatcher: @unchecked Sendable {
    private let roots: [String]
    private let onChange: @Sendable (Set<String>?) -> Void
    private let quietPeriod: TimeInterval
    private var thread: Thread?
    private let stopped = NSLock()
    private var isStopped = false

    /// The quiet period is short: a rebuild after one edit takes milliseconds,
    /// and a change arriving during a rebuild is folded into one more.
    init(roots: [String], quietPeriod: TimeInterval = 0.005, onChange: @escaping @Sendable (Set<String>?) -> Void) {
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
                let child = ContentLoader.join(folder, name)
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
        var watched: [Int32: String] = [:]
        // A folder that could not be watched (the user's watch limit) hides
        // its changes: then no burst can say it names every changed file.
        var everyFolderWatched = true
        func addWatches() {
            everyFolderWatched = true
            for folder in folders() {
                let descriptor = inotify_add_watch(fd, folder, mask)
                if descriptor >= 0 { watched[descriptor] = folder } else { everyFolderWatched = false }
            }
        }
        addWatches()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while !shouldStop {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 200) > 0 else { continue }
            // Drain this burst: keep reading until the folder has been quiet.
            var paths: Set<String>? = []
            repeat {
                while true {
                    let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                    guard count > 0 else { break }
                    if let known = paths { paths = Self.changedPaths(buffer[..<count], in: watched).map(known.union) }
                }
            } while poll(&poller, 1, Int32((quietPeriod * 1000).rounded(.up))) > 0
            // Listing every folder again reads every entry (thousands of notes):
            // only when a folder may have come or gone.
            if paths == nil { addWatches() }
            onChange(everyFolderWatched ? paths : nil)
        }
        return true
    }

    /// The files that `events` (packed `inotify_event`s) say changed; nil
    /// when one concerns a folder or says events were lost.
    private static func changedPaths(_ events: ArraySlice<UInt8>, in watched: [Int32: String]) -> Set<String>? {
        let header = MemoryLayout<inotify_event>.size
        var paths: Set<String> = []
        var offset = events.startIndex
        while offset + header <= events.endIndex {
            let (descriptor, mask, length) = events.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
                let start = offset - events.startIndex
                let descriptor = raw.loadUnaligned(fromByteOffset: start + MemoryLayout<inotify_event>.offset(of: \.wd)!, as: Int32.self)
                let mask = raw.loadUnaligned(fromByteOffset: start + MemoryLayout<inotify_event>.offset(of: \.mask)!, as: UInt32.self)
                let length = raw.loadUnaligned(fromByteOffset: start + MemoryLayout<inotify_event>.offset(of: \.len)!, as: UInt32.self)
                return (descriptor, mask, Int(length))
            }
            if mask & UInt32(IN_ISDIR | IN_Q_OVERFLOW | IN_DELETE_SELF | IN_IGNORED) != 0 { return nil }
            guard offset + header + length <= events.endIndex, let folder = watched[descriptor] else { return nil }
            // The name is NUL-padded to `length` bytes; one that is not UTF-8
            // cannot be matched to a note, so it counts as unknown.
            let name = events.withUnsafeBytes { raw in
                let start = offset - events.startIndex + header
                return String(validating: raw[start..<(start + length)].prefix { $0 != 0 }, as: UTF8.self)
            }
            guard let name, !name.isEmpty else { return nil }
            paths.insert(ContentLoader.join(folder, name))
            offset += header + length
        }
        return paths
    }
    #endif

    private func watchByPolling() {
        func fingerprint() -> [String: Date] {
            var stamps: [String: Date] = [:]
            for folder in folders() {
                for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
                    let path = ContentLoader.join(folder, name)
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
                onChange(nil)
            }
        }
    }
}
