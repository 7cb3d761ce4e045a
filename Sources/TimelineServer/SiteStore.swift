import Foundation
import TimelineKit

/// The site being served, swapped whole after each rebuild: a request sees
/// the complete old site or the complete new one, never a mix. Pages are
/// served from memory only, so no request can reach a file outside the site.
final class SiteStore: @unchecked Sendable {
    struct Snapshot: Sendable {
        var files: [String: [UInt8]] = [:]
        /// Set while the content has errors: shown in place of every page.
        var problems: [String]?
        var version = 0
    }

    private let lock = NSLock()
    private var current = Snapshot()

    var snapshot: Snapshot {
        lock.lock()
        defer { lock.unlock() }
        return current
    }

    /// Keeps the last good files when the build failed, so assets still load
    /// behind the error page.
    func update(files: [RenderedFile]?, problems: [String]?) {
        let mapped = files.map { Dictionary($0.map { ($0.path, $0.bytes) }, uniquingKeysWith: { a, _ in a }) }
        lock.lock()
        defer { lock.unlock() }
        if let mapped { current.files = mapped }
        current.problems = problems
        current.version += 1
    }

    /// Swaps in just `files`, every other file staying as it is: after a
    /// build that patched the one before (`BuildResult.changedFiles`), this
    /// spares mapping the whole site again.
    func update(replacing files: [RenderedFile]) {
        lock.lock()
        defer { lock.unlock() }
        for file in files { current.files[file.path] = file.bytes }
        current.problems = nil
        current.version += 1
    }
}

