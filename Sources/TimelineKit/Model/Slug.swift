/// A note's identity: its file name without `.md`, used as URL segment and as
/// the id other notes refer to it by. Lowercase `a-z`, `0-9` and single hyphens.
public enum Slug {
    public static func isValid(_ text: String) -> Bool {
        guard !text.isEmpty, text.utf8.first != UInt8(ascii: "-"), text.utf8.last != UInt8(ascii: "-") else {
            return false
        }
        var previousWasHyphen = false
        for byte in text.utf8 {
            let isHyphen = byte == UInt8(ascii: "-")
            let allowed = isHyphen || (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57)
            if !allowed || (isHyphen && previousWasHyphen) { return false }
            previousWasHyphen = isHyphen
        }
        return true
    }

    /// The nearest valid slug to a bad name, for "did you mean": the same
    /// transliteration `timeline new` uses ("Zürich" → "zurich", "Київ" → "kyiv").
    public static func suggestion(for text: String) -> String {
        Transliteration.slug(from: text, maximumLength: Int.max)
    }
}
