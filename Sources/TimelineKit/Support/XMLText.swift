/// Text escaped for XML content and attribute values. Characters XML 1.0
/// forbids (most C0 controls) are dropped, so no input makes a feed invalid.
enum XMLText {
    static func escape(_ text: String) -> String {
        var copy = text
        return copy.withUTF8 { src in
            // Most text needs nothing: hand it back without copying.
            guard src.contains(where: needsWork) else { return text }
            var out: [UInt8] = []
            out.reserveCapacity(src.count + 16)
            appendEscaped(src, into: &out)
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Appends the escaped bytes of `src` to `out`.
    static func appendEscaped(_ src: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        var start = 0, i = 0
        func flush() { if i > start { out.append(contentsOf: UnsafeBufferPointer(rebasing: src[start..<i])) } }
        while i < src.count {
            let byte = src[i]
            guard needsWork(byte) else { i += 1; continue }
            var replacement: StaticString?
            var length = 1
            switch byte {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "\""): replacement = "&quot;"
            case UInt8(ascii: "'"): replacement = "&apos;"
            case UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): i += 1; continue
            case 0xEF:
                // U+FFFE and U+FFFF (EF BF BE, EF BF BF) are not characters in XML.
                guard i + 2 < src.count, src[i + 1] == 0xBF, src[i + 2] == 0xBE || src[i + 2] == 0xBF else { i += 1; continue }
                replacement = ""
                length = 3
            default: replacement = ""  // another C0 control
            }
            flush()
            if let replacement { out.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount)) }
            i += length
            start = i
        }
        flush()
    }

    private static func needsWork(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == 0xEF
    }
}
