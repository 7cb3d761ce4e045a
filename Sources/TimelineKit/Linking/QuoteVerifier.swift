/// Holds quotes and claims to their sources: the words must occur in the
/// article's body, compared after folding white space runs to one space and
/// typographic quotes to ASCII, so an editor's straight quotes match a
/// publisher's curly ones and a line break does not hide a match. An
/// excerpt's passages are searched one by one: words that run from one
/// passage into the next were never written together.
public struct QuoteVerifier: Sendable {
    /// Each article's body and its folded passages (one for a whole article), by slug.
    private var foldedBodies: [String: (body: String, excerpt: Bool, passages: [[UInt8]])] = [:]

    /// What a search found.
    public enum Finding: Sendable, Equatable {
        case found
        case notFound
        /// Only across the `[…]` between two passages of an excerpt.
        case acrossPassages
    }

    /// Folds every article's body, taking the folding from `previous` for
    /// bodies it already folded: a session's rebuild folds only edited articles.
    public init(articles: [Article], reusing previous: QuoteVerifier? = nil) {
        for article in articles {
            let slug = article.source.slug, body = article.source.body
            if let earlier = previous?.foldedBodies[slug], earlier.body == body, earlier.excerpt == article.excerpt {
                foldedBodies[slug] = earlier
            } else {
                let passages = article.excerpt ? Self.passages(of: body) : [body]
                foldedBodies[slug] = (body, article.excerpt, passages.map(Self.fold))
            }
        }
    }

    /// True when `words` occur in the article with that slug.
    public func verify(_ words: String, in articleSlug: String) -> Bool {
        find(words, in: articleSlug) == .found
    }

    public func find(_ words: String, in articleSlug: String) -> Finding {
        guard let passages = foldedBodies[articleSlug]?.passages else { return .notFound }
        let needle = Self.fold(words)
        guard !needle.isEmpty else { return .notFound }
        if passages.contains(where: { Self.contains($0, needle) }) { return .found }
        guard passages.count > 1 else { return .notFound }
        return Self.contains(Array(passages.joined(separator: [0x20])), needle) ? .acrossPassages : .notFound
    }

    /// An excerpt's passages: the text between lines holding only `[…]` or `[...]`.
    public static func passages(of body: String) -> [String] {
        var passages: [String] = [], current: [Substring] = []
        for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = String(line).trimmingSpaces
            if trimmed == "[…]" || trimmed == "[...]" {
                passages.append(current.joined(separator: "\n"))
                current = []
            } else {
                current.append(line)
            }
        }
        passages.append(current.joined(separator: "\n"))
        return passages
    }

    /// Folded UTF-8: `“ ”` to `"`, `‘ ’` to `'`, each white space run to one space, trimmed.
    public static func fold(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            // ASCII needs no lookup in the Unicode tables, which was most of the cost.
            if scalar.value < 0x80 {
                let byte = UInt8(scalar.value)
                if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                    pendingSpace = !out.isEmpty
                    continue
                }
                if pendingSpace { out.append(0x20); pendingSpace = false }
                out.append(byte)
                continue
            }
            if scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(0x20); pendingSpace = false }
            switch scalar {
            case "\u{201C}", "\u{201D}", "\u{201E}", "\u{201F}": out.append(UInt8(ascii: "\""))
            case "\u{2018}", "\u{2019}", "\u{201A}", "\u{201B}": out.append(UInt8(ascii: "'"))
            default: UTF8.encode(scalar) { out.append($0) }
            }
        }
        return out
    }

    /// A match must not start or end inside a word: "ice" is not in "police".
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= haystack.count else { return false }
        let first = needle[0]
        let needsStartBoundary = isWordCharacter(startingAt: 0, in: needle)
        let needsEndBoundary = isWordCharacter(endingAt: needle.count, in: needle)
        var i = 0
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first, haystack[i..<(i + needle.count)].elementsEqual(needle) {
                let end = i + needle.count
                let startsWord = !needsStartBoundary || i == 0 || !isWordCharacter(endingAt: i, in: haystack)
                let endsWord = !needsEndBoundary || end == haystack.count || !isWordCharacter(startingAt: end, in: haystack)
                if startsWord && endsWord { return true }
            }
            i += 1
        }
        return false
    }

    /// Whether the character whose UTF-8 starts at `index` is a letter or
    /// a digit: "«" and "—" are not, "ї" is.
    private static func isWordCharacter(startingAt index: Int, in bytes: [UInt8]) -> Bool {
        let lead = bytes[index]
        if lead < 0x80 { return isWordByte(lead) }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        guard index + length <= bytes.count,
              let scalar = String(decoding: bytes[index..<(index + length)], as: UTF8.self).unicodeScalars.first else { return true }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// Whether the character whose UTF-8 ends just before `index` is a letter or a digit.
    private static func isWordCharacter(endingAt index: Int, in bytes: [UInt8]) -> Bool {
        var start = index - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return isWordCharacter(startingAt: start, in: bytes)
    }

    /// ASCII letters and digits.
    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
    }
}
