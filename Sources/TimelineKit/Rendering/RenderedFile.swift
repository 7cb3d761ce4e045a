#if canImport(Glibc)
import Glibc
#endif

/// One output file: its path relative to the site root and its bytes.
public struct RenderedFile: Sendable, Equatable {
    public let path: String
    public let bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    /// Compares the bytes with `memcmp`: `Array.==` goes byte by byte, and
    /// a rebuild compares megabytes of site-wide files.
    public static func == (a: RenderedFile, b: RenderedFile) -> Bool {
        guard a.path == b.path, a.bytes.count == b.bytes.count else { return false }
        return a.bytes.withUnsafeBytes { x in b.bytes.withUnsafeBytes { y in
            x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0
        } }
    }
}
