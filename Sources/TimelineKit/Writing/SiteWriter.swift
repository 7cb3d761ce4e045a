#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
        let staging = try StagingFolder(for: output)
        do throws(Failure) {
            try staging.makeFolders(for: files.lazy.map(\.path))
            // The files on all cores: the time goes to the kernel.
            let failures = parallelMap(files) { file -> Failure? in
                do throws(Failure) { try staging.write(file) } catch { return error }
                return nil
            }
            if let failure = failures.first(where: { $0 != nil }) ?? nil { throw failure }
        } catch {
            staging.discard()
            throw error
        }
        try staging.commit()
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
