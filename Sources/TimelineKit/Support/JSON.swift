/// A JSON value with keys kept in the order written, serialised the same way
/// every time. Strings escape `<`, `>`, `&` and U+2028/2029, so the output is
/// also safe inside an HTML `<script>` element (JSON-LD).
public indirect enum JSON: Sendable, Equatable {
    case string(String)
    case number(Double)
    case integer(Int)
    case bool(Bool)
    case null
    case array([JSON])
    case object([(String, JSON)])
    /// Already serialised, at the depth where it is placed: a part of a large
    /// file kept from an earlier build and spliced in as is.
    case raw([UInt8])

    public static func == (a: JSON, b: JSON) -> Bool { a.serialized() == b.serialized() }

    /// Compact, or with two-space indentation when `pretty`.
    public func serialized(pretty: Bool = false) -> String {
        var out: [UInt8] = []
        write(to: &out, pretty: pretty, indent: 0)
        return String(decoding: out, as: UTF8.self)
    }

    /// The serialised value as UTF-8, indented as if `indent` levels deep.
    func serializedBytes(pretty: Bool = false, indent: Int = 0) -> [UInt8] {
        var out: [UInt8] = []
        write(to: &out, pretty: pretty, indent: indent)
        return out
    }

    /// Appends the serialised value as UTF-8: whole files are assembled as
    /// bytes, and per-character `String` appends were most of their cost.
    func write(to out: inout [UInt8], pretty: Bool, indent: Int) {
        switch self {
        case .string(let s): Self.writeString(s, to: &out)
        case .number(let n): out += Self.format(n).utf8
        case .integer(let i): out += String(i).utf8
        case .bool(let b): out += (b ? "true" : "false").utf8
        case .null: out += "null".utf8
        case .raw(let bytes): out += bytes
        case .array(let items):
            guard !items.isEmpty else { out += "[]".utf8; return }
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                if pretty { Self.newline(&out, indent + 1) }
                item.write(to: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { Self.newline(&out, indent) }
            out.append(UInt8(ascii: "]"))
        case .object(let pairs):
            guard !pairs.isEmpty else { out += "{}".utf8; return }
            out.append(UInt8(ascii: "{"))
            for (i, (key, value)) in pairs.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                if pretty { Self.newline(&out, indent + 1) }
                Self.writeString(key, to: &out)
                out += (pretty ? ": " : ":").utf8
                value.write(to: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { Self.newline(&out, indent) }
            out.append(UInt8(ascii: "}"))
        }
    }

    static func newline(_ out: inout [UInt8], _ indent: Int) {
        out.append(UInt8(ascii: "\n"))
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * indent))
    }

    static func writeString(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { src in
            var start = 0, i = 0
            func flush(_ upTo: Int) { if upTo > start { out.append(contentsOf: UnsafeBufferPointer(rebasing: src[start..<upTo])) } }
            while i < src.count {
                let byte = src[i]
                var escape: String?
                var length = 1
                switch byte {
                case UInt8(ascii: "\""): escape = "\\\""
                case UInt8(ascii: "\\"): escape = "\\\\"
                case UInt8(ascii: "\n"): escape = "\\n"
                case UInt8(ascii: "\r"): escape = "\\r"
                case UInt8(ascii: "\t"): escape = "\\t"
                case UInt8(ascii: "<"): escape = "\\u003c"
                case UInt8(ascii: ">"): escape = "\\u003e"
                case UInt8(ascii: "&"): escape = "\\u0026"
                case 0xE2 where i + 2 < src.count && src[i + 1] == 0x80 && (src[i + 2] == 0xA8 || src[i + 2] == 0xA9):
                    escape = src[i + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                    length = 3
                case 0..<0x20:
                    let hex = String(byte, radix: 16)
                    escape = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: break
                }
                if let escape {
                    flush(i)
                    out += escape.utf8
                    start = i + length
                }
                i += length
            }
            flush(src.count)
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Shortest exact form for integers-as-doubles, fixed otherwise.
    static func format(_ n: Double) -> String {
        guard n.isFinite else { return "null" }
        if n == n.rounded(), abs(n) < 1e15 { return String(Int(n)) }
        return String(n)
    }
}

extension JSON {
    /// `.string(s)` or `.null`, for optional fields.
    static func optional(_ s: String?) -> JSON { s.map(JSON.string) ?? .null }
}
