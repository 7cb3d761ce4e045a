/// A date an article states in its text: "on Tuesday", "March 15, 2024",
/// "over the weekend", resolved to the calendar against the day the article
/// was published, so an editor can see which day a report means (and spot a
/// source that contradicts itself).
public struct DateMention: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Names its date outright: "15 March 2024", "December 2025", "2025-12-02".
        /// A day and month without a year still count: the year is only filled in.
        case absolute
        /// Means a date only relative to publication: "yesterday", "last month".
        case relative
    }

    /// The words exactly as the text has them.
    public let phrase: String
    /// Where the phrase starts, in UTF-8 bytes from the start of the text.
    public let offset: Int
    public let kind: Kind
    /// What the phrase means, only as precise as the phrase: "last month" is a
    /// month, "over the weekend" a two-day range.
    public let date: EventDate

    public init(phrase: String, offset: Int, kind: Kind, date: EventDate) {
        self.phrase = phrase
        self.offset = offset
        self.kind = kind
        self.date = date
    }
}

/// Finds the dates an article states, without regular expressions or
/// Foundation's date parsing: the text is cut into words, numbers and
/// punctuation (`DateToken`), and small matchers (DateExpressionPatterns.swift)
/// try each position, keeping the longest match that starts there. Matches
/// never overlap and come in text order.
///
/// How phrases resolve against `published` (P):
/// - "today", "yesterday", "tomorrow": P, P − 1, P + 1.
/// - "Tuesday", "on Tuesday": P itself when P is a Tuesday, otherwise the
///   most recent Tuesday before P (news reports look back). "last Tuesday" is
///   always before P: a week earlier when P is a Tuesday. A weekday after
///   "next", "every", "this", "the" and the like is not matched: it is not
///   the one before publication.
/// - "this week" / "earlier this week": Monday to Sunday of P's week;
///   "last week" the week before.
/// - "over the weekend", "at the weekend", "over the preceding weekend",
///   "last weekend": the most recent Saturday–Sunday that ended before P.
///   "this weekend" is the same, except on a Saturday or Sunday, where it is
///   the weekend P falls in.
/// - "this month", "earlier this month", "last month", "this year",
///   "earlier this year", "last year": the month or year, at that precision.
///   After "the" ("over the last month") "last" means "the past", not a
///   calendar unit, and nothing is matched.
/// - "three days ago", "3 days ago" (one to ten in words, any number in digits).
/// - A day and month without a year ("2 December", "March 15"): the most
///   recent such date not later than a week after P.
/// - A bare year needs a word before it that makes it one: "in 2024",
///   "since 2014", "until", "by", "of", "early", "late", "mid-2024". Only
///   1900–2100, and after a preposition not when a lowercase word follows
///   that makes it a count ("of 2000 troops"; "in 2024 the talks" is a year).
/// - Month and weekday names must be capitalised ("may" is a verb, "march"
///   too); the other words are matched in any case. Numbers joined to other
///   numbers ("15-16", "2024-25", "15.5", "15%") are not dates.
public enum DateExpressions {
    public static func find(in text: String, published: PartialDate) -> [DateMention] {
        let tokens = DateToken.tokenize(text)
        let first = published.firstDay
        let matcher = DatePatterns(
            tokens: tokens,
            published: CivilCalendar.dayNumber(year: first.year, month: first.month!, day: first.day!))
        var mentions: [DateMention] = []
        var index = 0
        while index < tokens.count {
            guard DatePatterns.canStart(tokens[index]), let match = matcher.longestMatch(at: index) else {
                index += 1
                continue
            }
            let start = tokens[index].start
            let end = tokens[match.end - 1].end
            let phrase = String(decoding: text.utf8.dropFirst(start).prefix(end - start), as: UTF8.self)
            mentions.append(DateMention(phrase: phrase, offset: start, kind: match.kind, date: match.date))
            index = match.end
        }
        return mentions
    }
}

/// One run of letters and digits, or one punctuation character, with where it
/// is in the text. White space only separates tokens; `spaced` remembers it,
/// because "Sept." and "2025-12-02" are written without spaces and
/// "15-16" must not be read as a day.
struct DateToken: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// Letters, possibly with digits ("March", "15th").
        case word
        /// ASCII digits only.
        case number
        /// One character that is neither white space nor a letter or digit.
        case symbol
    }

    let kind: Kind
    let text: String
    /// `text` lowercased, for matching words in any case.
    let lower: String
    /// UTF-8 offsets of the first byte and one past the last.
    let start: Int
    let end: Int
    /// White space, or the start of the text, comes right before it.
    let spaced: Bool

    /// Starts with an uppercase letter: "March", "MARCH", not "march".
    var isCapitalized: Bool {
        guard let first = text.unicodeScalars.first else { return false }
        return first.properties.isUppercase
    }

    /// The value of a number token, if it has at most `digits` digits.
    func number(maxDigits digits: Int) -> Int? {
        guard kind == .number, text.utf8.count <= digits else { return nil }
        return Int(text)
    }

    static func tokenize(_ text: String) -> [DateToken] {
        var tokens: [DateToken] = []
        var run = String.UnicodeScalarView()
        var runStart = 0
        var offset = 0
        var spaced = true

        func flushRun() {
            guard !run.isEmpty else { return }
            let word = String(run)
            let isNumber = run.allSatisfy { $0.value >= 48 && $0.value <= 57 }
            tokens.append(DateToken(kind: isNumber ? .number : .word, text: word, lower: word.lowercased(),
                                    start: runStart, end: offset, spaced: spaced))
            run = String.UnicodeScalarView()
            spaced = false
        }

        for scalar in text.unicodeScalars {
            let width = UTF8.width(scalar)
            if isWordScalar(scalar) {
                if run.isEmpty { runStart = offset }
                run.append(scalar)
            } else {
                flushRun()
                if scalar.properties.isWhitespace {
                    spaced = true
                } else {
                    let symbol = String(scalar)
                    tokens.append(DateToken(kind: .symbol, text: symbol, lower: symbol,
                                            start: offset, end: offset + width, spaced: spaced))
                    spaced = false
                }
            }
            offset += width
        }
        flushRun()
        return tokens
    }

    /// Letters, digits of any script and combining marks belong to a word, so
    /// "Marché" or "March́" is one word and never "March".
    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        // Most prose is ASCII, and Unicode's property tables cost a lookup
        // per scalar (about 1% of a 10,000-event build).
        if scalar.isASCII {
            let byte = UInt8(scalar.value)
            return (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
        }
        let properties = scalar.properties
        if properties.isAlphabetic || properties.numericType != nil { return true }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }
}
