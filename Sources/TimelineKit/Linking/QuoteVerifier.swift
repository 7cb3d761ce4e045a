/// Holds quotes and claims to their sources: the words must occur in the
/// article's body, compared after folding white space runs to one space and
/// typographic quotes to ASCII, so an editor's straight quotes match a
/// publisher's curly ones and a line break does not hide a match.
public struct QuoteVerifier: Sendable {
    private var foldedBodies: [String: [UInt8]] = [:]

    public init(articles: [Article]) {
        for article in articles {
            foldedBodies[article.source.slug] = Self.fold(article.source.body)
        }
    }

    /// True when `words` occur in the article with that slug.
    public func verify(_ words: String, in articleSlug: String) -> Bool {
        guard let body = foldedBodies[articleSlug] else { return false }
        let needle = Self.fold(words)
        guard !needle.isEmpty else { return false }
        return Self.contains(body, needle)
    }

    /// Folded UTF-8: `“ ”` to `"`, `‘ ’` to `'`, each white space run to one space, trimmed.
    public static func fold(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(0x20); pendingSpace = false }
            switch scalar {
            case "\u{201C}", "\u{201D}", "\u{201E}", "\u{201F}": out.append(UInt8(ascii: "\""))
            case "\u{2018}", "\u{2019}", "\u{201A}", "\u{201B}": out.append(UInt8(ascii: "'"))
            default: out.append(contentsOf: String(scalar).utf8)
            }
        }
        return out
    }

    /// A match must not start or end inside a word: "ice" is not in "police".
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= haystack.count else { return false }
        let first = needle[0]
        let needsStartBoundary = isWordByte(first), needsEndBoundary = isWordByte(needle[needle.count - 1])
        var i = 0
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first, haystack[i..<(i + needle.count)].elementsEqual(needle) {
                let end = i + needle.count
                let startsWord = !needsStartBoundary || i == 0 || !isWordByte(haystack[i - 1])
                let endsWord = !needsEndBoundary || end == haystack.count || !isWordByte(haystack[end])
                if startsWord && endsWord { return true }
            }
            i += 1
        }
        return false
    }

    /// Letters and digits, ASCII or not (any byte of a multi-byte character).
    private static func isWordByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
    }
}
