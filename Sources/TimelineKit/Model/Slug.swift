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

    /// The nearest valid slug to a bad name, for "did you mean": lowercased,
    /// runs of anything else turned into one hyphen.
    public static func suggestion(for text: String) -> String {
        var result = ""
        var pendingHyphen = false
        for scalar in text.lowercased().unicodeScalars {
            let v = scalar.value
            if (v >= 97 && v <= 122) || (v >= 48 && v <= 57) {
                if pendingHyphen && !result.isEmpty { result += "-" }
                pendingHyphen = false
                result.unicodeScalars.append(scalar)
            } else {
                pendingHyphen = true
            }
        }
        return result
    }
}
