import Foundation

/// Makes a slug from a title in any language the story is written about:
/// "Talks in Київ" → "talks-in-kyiv", "Zelenskyy's plan" → "zelenskyys-plan",
/// "Genève" → "geneve".
///
/// Cyrillic is romanised by one of two systems, chosen per title because
/// Ukrainian and Russian spell the same letters differently (и is "y" in
/// Ukrainian, "i" in Russian):
/// - Ukrainian, the national system (Cabinet of Ministers resolution 55,
///   2010), when the title shows it is Ukrainian: the letters і ї є ґ, an
///   apostrophe inside a Cyrillic word, or a soft sign before к after с, ц or
///   з (Зеленський, Донецьк, where Russian writes Зеленский, Донецк).
///   "Київ" → "kyiv", "Зеленський" → "zelenskyi".
/// - Russian otherwise, a simplified BGN/PCGN system as English-language news
///   spells names: "Путин" → "putin", "Сергей" → "sergey", "Горбачёв" →
///   "gorbachev". So a Ukrainian name without any of those signs comes out in
///   its Russian spelling: "Борис Посланник" → "boris-poslannik".
///
/// Latin letters lose their accents (é → e, ü → u) and the few that do not
/// decompose are spelt out (ß → ss, ł → l, ø → o, æ → ae). Apostrophes vanish;
/// every other run of characters becomes one hyphen.
public enum Transliteration {
    public enum CyrillicSystem: Sendable, Equatable {
        case ukrainian
        case russian
    }

    /// Slugs longer than this are cut at a hyphen: a file name, not a headline.
    public static let maximumSlugLength = 60

    /// A valid slug, or "" when the title has no letter or digit it can spell.
    public static func slug(from title: String, maximumLength: Int = maximumSlugLength) -> String {
        let text = title.precomposedStringWithCanonicalMapping.lowercased()
        let scalars = Array(text.unicodeScalars)
        let system = system(for: text)
        var slug = ""
        var pendingHyphen = false
        var index = 0

        func append(_ letters: String) {
            if pendingHyphen && !slug.isEmpty { slug += "-" }
            pendingHyphen = false
            slug += letters
        }

        while index < scalars.count {
            let scalar = scalars[index]
            defer { index += 1 }
            if isApostrophe(scalar) { continue }
            let wordStart = index == 0 || !(isLetter(scalars[index - 1]) || isApostrophe(scalars[index - 1]))
            if let letters = cyrillic(scalar, previous: index > 0 ? scalars[index - 1] : nil,
                                      atWordStart: wordStart, system: system) {
                if !letters.isEmpty { append(letters) }
            } else if let letters = latin(scalar) {
                append(letters)
            } else if scalar.properties.generalCategory == .nonspacingMark {
                continue  // an accent left over from a letter already spelt
            } else {
                pendingHyphen = true
            }
        }
        return shortened(slug, to: maximumLength)
    }

    /// Which system romanises the Cyrillic in `text`: the whole title decides,
    /// so every word of it is spelt the same way.
    public static func system(for text: String) -> CyrillicSystem {
        let lowered = text.lowercased()
        let scalars = Array(lowered.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            if "іїєґ".unicodeScalars.contains(scalar) { return .ukrainian }
            if isApostrophe(scalar), index > 0, index + 1 < scalars.count,
               isCyrillic(scalars[index - 1]), isCyrillic(scalars[index + 1]) {
                return .ukrainian
            }
        }
        // Ukrainian keeps the soft sign where Russian drops it: Зеленський and
        // Зеленский, Донецьк and Донецк.
        if ["ськ", "цьк", "зьк"].contains(where: { lowered.contains($0) }) { return .ukrainian }
        return .russian
    }

    // MARK: Cyrillic

    /// The Latin spelling of one lowercase Cyrillic letter ("" for the signs
    /// that are dropped), or nil when `scalar` is not Cyrillic.
    static func cyrillic(_ scalar: Unicode.Scalar, previous: Unicode.Scalar?, atWordStart: Bool,
                         system: CyrillicSystem) -> String? {
        guard isCyrillic(scalar) else { return nil }
        let spelt: String?
        switch system {
        case .ukrainian:
            if let (initial, elsewhere) = ukrainianPositional[scalar] { return atWordStart ? initial : elsewhere }
            // зг is "zgh", so it cannot be read back as ж ("zh").
            if scalar == "г" { return previous == "з" ? "gh" : "h" }
            spelt = ukrainian[scalar] ?? common[scalar]
        case .russian:
            spelt = russian[scalar] ?? common[scalar]
        }
        if let spelt { return spelt }
        // Letters of other Cyrillic alphabets with an accent (ў, ѓ, ќ): the base letter's spelling.
        let base = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.first!
        guard base != scalar else { return "" }
        return cyrillic(base, previous: previous, atWordStart: atWordStart, system: system)
    }

    /// Letters both systems spell alike.
    static let common: [Unicode.Scalar: String] = [
        "а": "a", "б": "b", "в": "v", "д": "d", "е": "e", "ж": "zh", "з": "z", "к": "k", "л": "l",
        "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f",
        "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ъ": "",
    ]

    static let ukrainian: [Unicode.Scalar: String] = [
        "ґ": "g", "и": "y", "і": "i",
        // Russian letters in a Ukrainian title, spelt as Russian would.
        "ы": "y", "э": "e", "ё": "e",
    ]

    /// Ukrainian letters spelt one way at the start of a word, another inside it.
    static let ukrainianPositional: [Unicode.Scalar: (String, String)] = [
        "є": ("ye", "ie"), "ї": ("yi", "i"), "й": ("y", "i"), "ю": ("yu", "iu"), "я": ("ya", "ia"),
    ]

    static let russian: [Unicode.Scalar: String] = [
        "г": "g", "и": "i", "й": "y", "ы": "y", "э": "e", "ё": "e", "ю": "yu", "я": "ya",
        // Ukrainian letters in a Russian title, spelt as Ukrainian would inside a word.
        "ґ": "g", "і": "i", "ї": "i", "є": "ie",
    ]

    // MARK: Latin

    /// The ASCII spelling of a letter or digit, or nil for anything else.
    static func latin(_ scalar: Unicode.Scalar) -> String? {
        let value = scalar.value
        if (value >= 97 && value <= 122) || (value >= 48 && value <= 57) { return String(scalar) }
        if value < 128 { return nil }
        if let spelt = latinLetters[scalar] { return spelt }
        guard scalar.properties.isAlphabetic else { return nil }
        // é is e + U+0301: keep the base letter when it is plain ASCII.
        let base = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.first!
        guard base != scalar, base.value < 128, let letter = latin(base) else { return nil }
        return letter
    }

    /// Latin letters with no decomposition to an ASCII letter.
    static let latinLetters: [Unicode.Scalar: String] = [
        "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th",
        "ı": "i", "ħ": "h", "ŋ": "ng", "ĸ": "q", "ŀ": "l", "ſ": "s",
    ]

    // MARK: Characters

    /// Straight and typographic apostrophes, dropped so "Zelenskyy's" stays one word.
    static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "'" || scalar == "\u{2019}" || scalar == "\u{02BC}" || scalar == "\u{2018}" || scalar == "`"
    }

    static func isCyrillic(_ scalar: Unicode.Scalar) -> Bool {
        (0x0400...0x04FF).contains(scalar.value)
    }

    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.generalCategory == .nonspacingMark
    }

    /// Cuts a long slug at its last hyphen within `length` characters, or at
    /// `length` when one word is longer.
    static func shortened(_ slug: String, to length: Int) -> String {
        guard slug.utf8.count > length else { return slug }
        let head = slug.prefix(length)
        if slug.dropFirst(length).first == "-" { return String(head) }
        guard let hyphen = head.lastIndex(of: "-") else { return String(head) }
        return String(head[..<hyphen])
    }
}
