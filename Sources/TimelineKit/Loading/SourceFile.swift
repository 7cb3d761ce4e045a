#if canImport(Glibc)
import Glibc
#endif

/// One note as read from disk: decoded, BOM stripped, line endings made `\n`,
/// and not yet interpreted.
public struct SourceFile: Sendable {
    public let kind: NoteKind
    public let slug: String
    /// Path as the user knows it (the content folder as given, joined with the
    /// relative path), used in every diagnostic about this file.
    public let path: String
    public let text: String
    /// Why the file could not be read (not UTF-8, too large, a broken link…),
    /// for a note whose name is a valid slug: it stands in for the note, so
    /// the parse stage marks it unreadable and notes naming it are not told
    /// again that it does not exist. `text` is empty then.
    public var loadProblem: Diagnostic? = nil
}

/// Makes file bytes into text the way editors expect: UTF-8 with or without a
/// byte order mark, `\n` or `\r\n` line endings. Anything else is an error
/// that says where the first bad byte is.
enum SourceText {
    static func decode(_ bytes: [UInt8], path: String) -> Result<String, Diagnostic> {
        var bytes = bytes[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if let bad = firstInvalidUTF8(bytes) {
            let prefix = bytes[bytes.startIndex..<bad]
            let line = prefix.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            let lineStart = prefix.lastIndex(of: 0x0A).map { $0 + 1 } ?? bytes.startIndex
            let column = String(decoding: bytes[lineStart..<bad], as: UTF8.self).unicodeScalars.count + 1
            return .failure(Diagnostic(
                .error, file: path, line: line, column: column,
                "the file is not valid UTF-8 (byte 0x\(String(bytes[bad], radix: 16, uppercase: true)))",
                hint: "save it as UTF-8"))
        }
        if bytes.contains(0) {
            return .failure(Diagnostic(.error, file: path, "the file contains a NUL byte", hint: "save it as plain UTF-8 text"))
        }
        var text = String(decoding: bytes, as: UTF8.self)
        if text.utf8.contains(0x0D) {
            text = text.replacingAll("\r\n", with: "\n").replacingAll("\r", with: "\n")
        }
        return .success(text)
    }

    /// The index of the first byte that does not start or continue a valid
    /// UTF-8 sequence, or nil when all are valid.
    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int? {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let lead = bytes[index]
            let length: Int
            switch lead {
            case 0x00...0x7F: index += 1; continue
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return index
            }
            guard index + length <= bytes.endIndex else { return index }
            let second = bytes[index + 1]
            var secondRange: ClosedRange<UInt8> = 0x80...0xBF
            if lead == 0xE0 { secondRange = 0xA0...0xBF }
            if lead == 0xED { secondRange = 0x80...0x9F }
            if lead == 0xF0 { secondRange = 0x90...0xBF }
            if lead == 0xF4 { secondRange = 0x80...0x8F }
            guard secondRange.contains(second) else { return index }
            for offset in 2..<length where !(0x80...0xBF).contains(bytes[index + offset]) {
                return index
            }
            index += length
        }
        return nil
    }
}

extension String {
    /// Literal replacement on UTF-8 bytes, without Foundation's NSString
    /// bridge or the generic collection search (both slow on long text).
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var text = self, target = target
        return text.withUTF8 { src in
            target.withUTF8 { needle in
                var out: [UInt8] = []
                var start = 0, i = 0
                let first = needle[0], last = src.count - needle.count
                while i <= last {
                    if src[i] == first, memcmp(src.baseAddress! + i, needle.baseAddress!, needle.count) == 0 {
                        if out.isEmpty { out.reserveCapacity(src.count + 64) }
                        out.append(contentsOf: UnsafeBufferPointer(rebasing: src[start..<i]))
                        out += replacement.utf8
                        i += needle.count
                        start = i
                    } else {
                        i += 1
                    }
                }
                guard start > 0 else { return self }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: src[start...]))
                return String(decoding: out, as: UTF8.self)
            }
        }
    }
}
