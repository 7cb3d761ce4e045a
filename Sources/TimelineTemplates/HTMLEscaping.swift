/// HTML escaping as swift-mustache does it (String.swift): `&` `<` `>` `"` `'`
/// become `&amp;` `&lt;` `&gt;` `&quot;` `&#39;`, but only when the character
/// stands alone. swift-mustache compares whole `Character`s, so a `<` that forms
/// one grapheme cluster with a following combining mark (or a preceding
/// prepended mark) is left as it is. We work on bytes and check the
/// neighbouring scalar only when it is not ASCII, which keeps the common case
/// a tight byte loop.
enum HTMLEscaping {
    static func append(escaping string: String, to out: inout [UInt8]) {
        let done: Void? = string.utf8.withContiguousStorageIfAvailable { append(escaping: $0, to: &out) }
        if done == nil {
            var copy = string
            copy.makeContiguousUTF8()
            copy.utf8.withContiguousStorageIfAvailable { append(escaping: $0, to: &out) }
        }
    }

    static func append(escaping bytes: [UInt8], to out: inout [UInt8]) {
        bytes.withUnsafeBufferPointer { append(escaping: $0, to: &out) }
    }

    /// Whether a byte is one of `& < > " '`.
    @inline(__always)
    private static func isSpecial(_ b: UInt8) -> Bool {
        // '"' 0x22, '&' 0x26, '\'' 0x27, '<' 0x3C, '>' 0x3E
        b <= 0x3E && (b == 0x22 || b == 0x26 || b == 0x27 || b == 0x3C || b == 0x3E)
    }

    static func append(escaping bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        let n = bytes.count
        var i = 0
        while i < n, !isSpecial(bytes[i]) { i += 1 }
        if i == n {
            out.append(contentsOf: bytes)
            return
        }
        var runStart = 0
        while i < n {
            let b = bytes[i]
            let entity: StaticString
            switch b {
            case UInt8(ascii: "&"): entity = "&amp;"
            case UInt8(ascii: "<"): entity = "&lt;"
            case UInt8(ascii: ">"): entity = "&gt;"
            case UInt8(ascii: "\""): entity = "&quot;"
            case UInt8(ascii: "'"): entity = "&#39;"
            default:
                i += 1
                continue
            }
            if joinsNeighbour(bytes, at: i) {
                i += 1
                continue
            }
            if runStart < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i])) }
            entity.withUTF8Buffer { out.append(contentsOf: $0) }
            i += 1
            runStart = i
        }
        if runStart < n { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<n])) }
    }

    /// Whether the ASCII character at `i` is part of a larger grapheme cluster.
    private static func joinsNeighbour(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        let c = Unicode.Scalar(bytes[i])
        if i + 1 < bytes.count, bytes[i + 1] >= 0x80, let next = scalar(in: bytes, from: i + 1) {
            if formsOneCharacter(c, next) { return true }
        }
        if i > 0, bytes[i - 1] >= 0x80 {
            var start = i - 1
            while start > 0, i - start < 4, bytes[start] & 0xC0 == 0x80 { start -= 1 }
            if let previous = scalar(in: bytes, from: start), formsOneCharacter(previous, c) { return true }
        }
        return false
    }

    private static func scalar(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Unicode.Scalar? {
        var iterator = bytes[start...].makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let s) = decoder.decode(&iterator) { return s }
        return nil
    }

    private static func formsOneCharacter(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Bool {
        var s = String()
        s.unicodeScalars.append(a)
        s.unicodeScalars.append(b)
        return s.count == 1
    }
}
