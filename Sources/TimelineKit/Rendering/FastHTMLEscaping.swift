import Mustache

/// swift-mustache's own HTML escaping walks every character through a
/// dictionary; profiling showed it among the largest costs of a build. This
/// escapes the same five characters (`& < > " '`) on UTF-8 bytes and returns
/// text without them untouched. Templates opt in with
/// `{{%CONTENT_TYPE: HTML}}`; without it they get the library's escaping,
/// which gives the same bytes, only slower.
struct FastHTMLEscaping: MustacheContentType {
    func escapeText(_ text: String) -> String {
        guard text.utf8.contains(where: Self.needsEscape) else { return text }
        var copy = text
        return copy.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 32)
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "&"): out.append(contentsOf: Self.amp)
                case UInt8(ascii: "<"): out.append(contentsOf: Self.lt)
                case UInt8(ascii: ">"): out.append(contentsOf: Self.gt)
                case UInt8(ascii: "\""): out.append(contentsOf: Self.quot)
                case UInt8(ascii: "'"): out.append(contentsOf: Self.apos)
                default: out.append(byte)
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }

    private static let amp = Array("&amp;".utf8), lt = Array("&lt;".utf8), gt = Array("&gt;".utf8)
    private static let quot = Array("&quot;".utf8), apos = Array("&#39;".utf8)

    /// Registers it under the name templates use; once per process.
    static let registered: Void = MustacheContentTypes.register(FastHTMLEscaping(), named: "HTML")
}
