/// Maps a request's raw path to a file of the built site. Decoding happens
/// once, here; anything that could climb out (`..`, encoded or not), a NUL or
/// a backslash is refused before any lookup.
enum RequestPath {
    enum Resolution: Equatable {
        /// A site file, e.g. `events/moscow-meeting/index.html`.
        case file(String)
        /// A folder asked for without its trailing slash: redirect there.
        case redirect(String)
        case notFound
        case badRequest
    }

    static let maximumLength = 4096

    static func resolve(_ raw: String, in files: [String: [UInt8]]) -> Resolution {
        guard raw.utf8.count <= maximumLength, raw.hasPrefix("/"), let decoded = percentDecoded(raw) else { return .badRequest }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        for segment in segments {
            if segment == ".." || segment == "." || segment.contains("\\") || segment.contains("\0") { return .badRequest }
        }
        var path = segments.joined(separator: "/")
        if path.contains("//") { return .notFound }
        if path.isEmpty || path.hasSuffix("/") { path += "index.html" }
        if files[path] != nil { return .file(path) }
        if files[path + "/index.html"] != nil { return .redirect(raw + "/") }
        return .notFound
    }

    /// `%XX` decoding of a path; nil for a malformed escape or invalid UTF-8.
    static func percentDecoded(_ text: String) -> String? {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else { bytes.append(byte); continue }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else { return nil }
            bytes.append(high << 4 | low)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}

/// The Content-Type for each kind of file a site holds.
enum MediaType {
    static func of(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        if name == "feed.xml" { return "application/atom+xml; charset=utf-8" }
        let ext = name.split(separator: ".").last.map { $0.lowercased() } ?? ""
        switch ext {
        case "html", "htm": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js", "mjs": return "text/javascript; charset=utf-8"
        case "json": return name == "feed.json" ? "application/feed+json; charset=utf-8" : "application/json; charset=utf-8"
        case "xml": return "application/xml; charset=utf-8"
        case "ics": return "text/calendar; charset=utf-8"
        case "txt": return "text/plain; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "avif": return "image/avif"
        case "ico": return "image/x-icon"
        case "woff2": return "font/woff2"
        case "woff": return "font/woff"
        case "pdf": return "application/pdf"
        case "webmanifest": return "application/manifest+json"
        default: return "application/octet-stream"
        }
    }
}
