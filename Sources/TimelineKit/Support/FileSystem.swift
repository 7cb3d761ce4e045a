#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Thin, typed access to the file system: errors carry errno's words so a
/// diagnostic can say "permission denied" rather than "operation failed".
enum FileSystem {
    struct Failure: Error, CustomStringConvertible {
        let path: String
        let reason: String
        var description: String { "\(path): \(reason)" }
    }

    enum EntryType { case file, directory, symlink, other, missing }

    static func type(of path: String) -> EntryType {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        case S_IFLNK: return .symlink
        default: return .other
        }
    }

    /// Type after following symlinks.
    static func resolvedType(of path: String) -> EntryType {
        var info = stat()
        guard stat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        default: return .other
        }
    }

    static func isDirectory(_ path: String) -> Bool { resolvedType(of: path) == .directory }

    /// The canonical absolute path, or the reason it has none (e.g. a symlink loop).
    static func realPath(_ path: String) throws(Failure) -> String {
        guard let resolved = realpath(path, nil) else { throw Failure(path: path, reason: errorText()) }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Modification time, size and inode: if all three match, the file is
    /// taken to be unchanged (what make and Hugo's server rely on too).
    static func stamp(of path: String) -> FileStamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileStamp(
            modified: Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec),
            size: Int(info.st_size), inode: UInt64(info.st_ino))
    }

    /// The size of a regular file (following links), or nil for anything else.
    static func regularFileSize(_ path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return Int(info.st_size)
    }

    static func size(of path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Int(info.st_size)
    }

    /// Entry names in a directory, sorted by their bytes so listing order never
    /// reaches the output.
    static func entries(of directory: String) throws(Failure) -> [String] {
        guard let handle = opendir(directory) else { throw Failure(path: directory, reason: errorText()) }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            // Read the name in place: a record is only as long as its name,
            // so copying the whole 256-byte `d_name` out of the last record
            // of glibc's buffer reads past its end (AddressSanitizer saw it).
            let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
            let name = String(cString: (UnsafeRawPointer(entry) + nameOffset).assumingMemoryBound(to: CChar.self))
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    static func readBytes(_ path: String) throws(Failure) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw Failure(path: path, reason: errorText()) }
        defer { close(fd) }
        var result: [UInt8] = []
        var info = stat()
        if fstat(fd, &info) == 0 { result.reserveCapacity(Int(info.st_size)) }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure(path: path, reason: errorText())
            }
            if count == 0 { break }
            result.append(contentsOf: buffer[0..<count])
        }
        return result
    }

    static func errorText(_ code: Int32 = errno) -> String {
        String(cString: strerror(code)).lowercased()
    }
}

/// See `FileSystem.stamp(of:)`.
public struct FileStamp: Hashable, Sendable {
    let modified: Int
    let size: Int
    let inode: UInt64
}
