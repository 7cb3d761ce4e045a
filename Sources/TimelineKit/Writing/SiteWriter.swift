#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CFileSwap

/// The write stage. The whole site is written into a staging folder beside
/// the output, then swapped in with one atomic rename, so a failed or killed
/// build never leaves `Public/` partial or empty: readers see the complete
/// old site or the complete new one.
public enum SiteWriter {
    public struct Failure: Error, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "\(path): \(reason)" }
    }

    /// Writes `files` to `output`, replacing what was there.
    public static func write(_ files: [RenderedFile], to output: String) throws(Failure) {
        let output = output.hasSuffix("/") && output.count > 1 ? String(output.dropLast()) : output
        let (parent, name) = split(output)
        removeLeftovers(in: parent, of: name)
        if FileSystem.type(of: output) != .missing, !FileSystem.isDirectory(output) {
            throw Failure(path: output, reason: "exists and is not a folder")
        }
        if parent != ".", !FileSystem.isDirectory(parent) {
            try makeDirectories(parent)
        }
        let staging = "\(parent)/.\(name).staging-\(getpid())"
        do throws(Failure) {
            try makeDirectory(staging)
            // Folders first, each once, parents before children: no stat
            // calls, since everything below staging is new.
            var made: Set<String> = [staging]
            for file in files {
                var missing: [String] = []
                var folder = split(staging + "/" + file.path).0
                while !made.contains(folder) {
                    missing.append(folder)
                    folder = split(folder).0
                }
                for folder in missing.reversed() {
                    try makeDirectory(folder)
                    made.insert(folder)
                }
            }
            // Then the files, on all cores: the time goes to the kernel.
            let failures = parallelMap(files) { file -> Failure? in
                do throws(Failure) { try writeFile(staging + "/" + file.path, file.bytes) } catch { return error }
                return nil
            }
            if let failure = failures.first(where: { $0 != nil }) ?? nil { throw failure }
            try swapIn(staging, output)
        } catch {
            removeTree(staging)
            throw visible(error, staging: staging, output: output)
        }
    }

    /// A failure named by where the file would have gone in the output
    /// (`Public/events/x/index.html`), not by the staging folder, which is gone
    /// by the time the message is read.
    private static func visible(_ failure: Failure, staging: String, output: String) -> Failure {
        if failure.path == staging {
            return Failure(path: output, reason: "cannot create the staging folder \(staging): \(failure.reason)")
        }
        if failure.path.hasPrefix(staging + "/") {
            return Failure(path: output + failure.path.dropFirst(staging.count), reason: failure.reason)
        }
        return failure
    }

    /// Exchanges the staging folder with the old site atomically where the
    /// kernel allows, then deletes the old site.
    private static func swapIn(_ staging: String, _ output: String) throws(Failure) {
        if FileSystem.type(of: output) == .missing {
            guard rename(staging, output) == 0 else { throw Failure(path: output, reason: FileSystem.errorText()) }
            return
        }
        if timeline_exchange_paths(staging, output) == 0 {
            removeTree(staging)  // now holds the old site
            return
        }
        // No atomic exchange here: move the old site aside first, so at worst
        // a reader briefly finds no folder, never a half-written one.
        let old = staging.replacingAll(".staging-", with: ".old-")
        guard rename(output, old) == 0 else { throw Failure(path: output, reason: FileSystem.errorText()) }
        guard rename(staging, output) == 0 else {
            let reason = FileSystem.errorText()
            _ = rename(old, output)
            throw Failure(path: output, reason: reason)
        }
        removeTree(old)
    }

    /// Staging and old folders left by builds that were killed.
    private static func removeLeftovers(in parent: String, of name: String) {
        guard let entries = try? FileSystem.entries(of: parent) else { return }
        for entry in entries where entry.hasPrefix(".\(name).staging-") || entry.hasPrefix(".\(name).old-") {
            let pidText = entry.split(separator: "-").last.map(String.init) ?? ""
            if let pid = Int32(pidText), pid != getpid(), kill(pid, 0) == 0 { continue }  // a build still running
            removeTree(parent + "/" + entry)
        }
    }

    private static func writeFile(_ path: String, _ bytes: [UInt8]) throws(Failure) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Failure(path: path, reason: FileSystem.errorText()) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + written, $0.count - written) }
            if count < 0 {
                if errno == EINTR { continue }
                let reason = FileSystem.errorText()
                close(fd)
                throw Failure(path: path, reason: reason)
            }
            written += count
        }
        guard close(fd) == 0 else { throw Failure(path: path, reason: FileSystem.errorText()) }
    }

    private static func makeDirectory(_ path: String) throws(Failure) {
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else { throw Failure(path: path, reason: FileSystem.errorText()) }
    }

    private static func makeDirectories(_ path: String) throws(Failure) {
        if FileSystem.isDirectory(path) { return }
        let (parent, _) = split(path)
        if parent != path, parent != ".", parent != "/" { try makeDirectories(parent) }
        try makeDirectory(path)
    }

    static func removeTree(_ path: String) {
        switch FileSystem.type(of: path) {
        case .directory:
            for entry in (try? FileSystem.entries(of: path)) ?? [] { removeTree(path + "/" + entry) }
            rmdir(path)
        case .missing:
            return
        default:
            unlink(path)
        }
    }

    /// Parent folder and last component; `.` when there is no parent.
    static func split(_ path: String) -> (String, String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let parent = slash == path.startIndex ? "/" : String(path[..<slash])
        return (parent, String(path[path.index(after: slash)...]))
    }
}
