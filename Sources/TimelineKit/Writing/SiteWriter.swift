#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How the site reaches disk: written into a staging folder beside the
/// output (`StagingFolder`), then swapped in with one atomic rename, so a
/// failed or killed build never leaves `Public/` partial or empty: readers
/// see the complete old site or the complete new one. This holds what the
/// steps share: the error they report and removing a folder tree.
public enum SiteWriter {
    public struct Failure: Error, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "\(path): \(reason)" }
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
