/// What one matcher found at a token: where the phrase ends (one past its last
/// token) and what it means.
struct DateMatch: Sendable, Equatable {
    let end: Int
    let kind: DateMention.Kind
    let date: EventDate
}

/// The phrases `DateExpressions` knows, one matcher per form, each trying the
/// tokens from one position. The rules they follow are listed on
/// `DateExpressions`.
struct DatePatterns {
    let tokens: [DateToken]
    /// The publication day, as a `CivilCalendar` day number.
    let published: Int

    /// The longest phrase starting at `index`; on a tie, the first matcher's.
    /// Only a number or one of these words can begin a date phrase; checking
    /// first spares the ten patterns for every other word of an article.
    static func canStart(_ token: DateToken) -> Bool {
        switch token.kind {
        case .number: return true
        case .symbol: return false
        case .word:
            if token.lower.utf8.first.map({ $0 >= 48 && $0 <= 57 }) == true { return true }
            return starters.contains(token.lower)
        }
    }

    static let starters: Set<String> = Set(monthNames.keys).union(monthAbbreviations.keys).union(weekdayNames.keys)
        .union(dayWords.keys).union(smallNumbers.keys).union(yearPrepositions)
        .union(["early", "late", "mid", "on", "last", "this", "over", "at", "earlier"])

    func longestMatch(at index: Int) -> DateMatch? {
        let candidates = [
            dateWithMonthName(at: index), isoDate(at: index), monthAndYear(at: index), qualifiedYear(at: index),
            dayWord(at: index), weekday(at: index), week(at: index), weekend(at: index),
            monthOrYear(at: index), daysAgo(at: index),
        ]
        var best: DateMatch?
        for case let candidate? in candidates where candidate.end > (best?.end ?? index) {
            best = candidate
        }
        return best
    }

    // MARK: Absolute dates

    /// "March 15, 2024", "15 March 2024", "Dec. 2", "2 December",
    /// "Tuesday, December 2", "Tuesday 2 December 2025".
    func dateWithMonthName(at index: Int) -> DateMatch? {
        var next = index
        if weekdayName(at: next) != nil {
            next += 1
            if isSymbol(next, ",") { next += 1 }
        }
        let month: Int, day: Int, afterDate: Int
        if let (m, afterMonth) = monthName(at: next), let (d, afterDay) = dayNumber(at: afterMonth) {
            (month, day, afterDate) = (m, d, afterDay)
        } else if let (d, afterDay) = dayNumber(at: next), let (m, afterMonth) = monthName(at: afterDay) {
            (month, day, afterDate) = (m, d, afterMonth)
        } else {
            return nil
        }
        var yearAt = afterDate
        if isSymbol(yearAt, ",") { yearAt += 1 }
        // "On 2 December, 2000 people marched": after a comma, a count.
        if let year = fourDigitYear(at: yearAt), yearAt == afterDate || !isCounted(yearAt) {
            guard day <= CivilCalendar.daysIn(month: month, year: year) else { return nil }
            return DateMatch(end: yearAt + 1, kind: .absolute, date: Self.day(year: year, month: month, day: day))
        }
        guard let year = mostRecentYear(month: month, day: day) else { return nil }
        return DateMatch(end: afterDate, kind: .absolute, date: Self.day(year: year, month: month, day: day))
    }

    /// "2025-12-02", or a range "2025-11-29/2025-11-30", written without
    /// spaces; a day that does not exist ("2025-02-30") is not a date.
    func isoDate(at index: Int) -> DateMatch? {
        guard !isJoinedBefore(index), let start = isoDay(at: index) else { return nil }
        if isSymbol(index + 5, "/", adjacent: true), token(index + 6)?.spaced == false,
           let end = isoDay(at: index + 6), !isJoinedAfter(index + 10) {
            guard let range = try? EventDate.parse(start + "/" + end), range.isRange else { return nil }
            return DateMatch(end: index + 11, kind: .absolute, date: range)
        }
        guard !isJoinedAfter(index + 4), let date = try? EventDate.parse(start) else { return nil }
        return DateMatch(end: index + 5, kind: .absolute, date: date)
    }

    /// The text of `YYYY-MM-DD` written as five adjacent tokens, unchecked.
    private func isoDay(at index: Int) -> String? {
        guard number(index, digits: 4, adjacent: false),
              isSymbol(index + 1, "-", adjacent: true), number(index + 2, digits: 2, adjacent: true),
              isSymbol(index + 3, "-", adjacent: true), number(index + 4, digits: 2, adjacent: true)
        else { return nil }
        return tokens[index...(index + 4)].map(\.text).joined()
    }

    /// "December 2025", "Sept. 2024": a month. Not after a day that month
    /// lacks ("31 June 2025"): that is a mistake, not a month.
    func monthAndYear(at index: Int) -> DateMatch? {
        guard let (month, afterMonth) = monthName(at: index), let year = fourDigitYear(at: afterMonth),
              dayNumber(at: index - 1) == nil
        else { return nil }
        return DateMatch(end: afterMonth + 1, kind: .absolute, date: EventDate(start: PartialDate(year: year, month: month)))
    }

    /// "in 2024", "since 2014", "early 2025", "mid-2024": a year, only with a
    /// word before it that makes the number one.
    func qualifiedYear(at index: Int) -> DateMatch? {
        let yearAt: Int
        var mayCount = false
        if isWord(index, Self.yearPrepositions), token(index + 1)?.spaced == true {
            yearAt = index + 1
            mayCount = true
        } else if isWord(index, ["early", "late"]), token(index + 1)?.spaced == true {
            yearAt = index + 1
        } else if isWord(index, ["mid"]), isSymbol(index + 1, "-", adjacent: true), token(index + 2)?.spaced == false {
            yearAt = index + 2
        } else {
            return nil
        }
        guard let year = fourDigitYear(at: yearAt), (1900...2100).contains(year), !(mayCount && isCounted(yearAt))
        else { return nil }
        return DateMatch(end: yearAt + 1, kind: .absolute, date: EventDate(start: PartialDate(year: year)))
    }

    // MARK: Relative dates

    /// "today", "yesterday", "tomorrow".
    func dayWord(at index: Int) -> DateMatch? {
        guard let word = token(index), word.kind == .word, let shift = Self.dayWords[word.lower] else { return nil }
        return DateMatch(end: index + 1, kind: .relative, date: Self.day(published + shift))
    }

    /// "Tuesday", "on Tuesday", "last Tuesday". A weekday that begins a full
    /// date ("on Tuesday, December 2") is left to `dateWithMonthName`.
    func weekday(at index: Int) -> DateMatch? {
        var nameAt = index
        var strictlyBefore = false
        if isWord(index, ["on"]) {
            nameAt += 1
        } else if isWord(index, ["last"]), !followsThe(index) {
            nameAt += 1
            strictlyBefore = true
        }
        guard let weekday = weekdayName(at: nameAt), dateWithMonthName(at: nameAt) == nil else { return nil }
        // "next Tuesday", "every Tuesday", "the last Tuesday of the month": not the one before publication.
        if nameAt == index, index > 0, tokens[index - 1].kind == .word,
           Self.weekdayDeterminers.contains(tokens[index - 1].lower) {
            return nil
        }
        var back = (Self.weekday(published) - weekday + 7) % 7
        if back == 0 && strictlyBefore { back = 7 }
        return DateMatch(end: nameAt + 1, kind: .relative, date: Self.day(published - back))
    }

    /// "this week", "earlier this week", "last week": Monday to Sunday.
    func week(at index: Int) -> DateMatch? {
        guard let (which, unitAt) = thisOrLast(at: index), isWord(unitAt, ["week"]) else { return nil }
        let monday = published - (Self.weekday(published) + 6) % 7 - (which == .last ? 7 : 0)
        return DateMatch(end: unitAt + 1, kind: .relative, date: Self.days(monday, monday + 6))
    }

    /// "over the weekend", "at the weekend", "over the preceding weekend",
    /// "this weekend", "last weekend": Saturday and Sunday.
    func weekend(at index: Int) -> DateMatch? {
        var wordAt: Int
        var this = false
        if isWord(index, ["over", "at"]), isWord(index + 1, ["the"]) {
            wordAt = index + 2
            if isWord(wordAt, Self.weekendAdjectives) { wordAt += 1 }
        } else if isWord(index, ["this"]) {
            wordAt = index + 1
            this = true
        } else if isWord(index, ["last"]), !followsThe(index) {
            wordAt = index + 1
        } else {
            return nil
        }
        guard isWord(wordAt, ["weekend"]) else { return nil }
        let weekday = Self.weekday(published)
        let sunday: Int
        switch weekday {
        case 6 where this: sunday = published + 1
        case 0 where this: sunday = published
        case 0: sunday = published - 7
        default: sunday = published - weekday
        }
        return DateMatch(end: wordAt + 1, kind: .relative, date: Self.days(sunday - 1, sunday))
    }

    /// "this month", "earlier this month", "last month", and the same with
    /// "year": at the precision of the unit.
    func monthOrYear(at index: Int) -> DateMatch? {
        guard let (which, unitAt) = thisOrLast(at: index) else { return nil }
        let today = CivilCalendar.civil(fromDayNumber: published)
        let date: PartialDate
        if isWord(unitAt, ["month"]) {
            let months = today.year * 12 + (today.month - 1) - (which == .last ? 1 : 0)
            date = PartialDate(year: months / 12, month: months % 12 + 1)
        } else if isWord(unitAt, ["year"]) {
            date = PartialDate(year: today.year - (which == .last ? 1 : 0))
        } else {
            return nil
        }
        return DateMatch(end: unitAt + 1, kind: .relative, date: EventDate(start: date))
    }

    /// "three days ago", "3 days ago", "one day ago".
    func daysAgo(at index: Int) -> DateMatch? {
        guard let count = token(index) else { return nil }
        let days: Int
        if let value = count.number(maxDigits: 3), !isJoinedBefore(index), !isJoinedAfter(index) {
            days = value
        } else if count.kind == .word, let value = Self.smallNumbers[count.lower] {
            days = value
        } else {
            return nil
        }
        guard isWord(index + 1, ["day", "days"]), isWord(index + 2, ["ago"]) else { return nil }
        return DateMatch(end: index + 3, kind: .relative, date: Self.day(published - days))
    }

    // MARK: Pieces of phrases

    private enum Which { case this, last }

    /// "this", "earlier this" or "last" (not after "the"), and where the unit
    /// word after them is.
    private func thisOrLast(at index: Int) -> (Which, Int)? {
        if isWord(index, ["this"]) { return (.this, index + 1) }
        if isWord(index, ["earlier"]), isWord(index + 1, ["this"]) { return (.this, index + 2) }
        if isWord(index, ["last"]), !followsThe(index) { return (.last, index + 1) }
        return nil
    }

    /// A capitalised month name or abbreviation; an abbreviation takes its
    /// full stop with it ("Sept."). Returns the month and the next index.
    private func monthName(at index: Int) -> (Int, Int)? {
        guard let word = token(index), word.kind == .word, word.isCapitalized else { return nil }
        if let month = Self.monthNames[word.lower] { return (month, index + 1) }
        guard let month = Self.monthAbbreviations[word.lower] else { return nil }
        return (month, isSymbol(index + 1, ".", adjacent: true) ? index + 2 : index + 1)
    }

    /// A capitalised weekday name, as `CivilCalendar.weekday` numbers it.
    private func weekdayName(at index: Int) -> Int? {
        guard let word = token(index), word.kind == .word, word.isCapitalized else { return nil }
        return Self.weekdayNames[word.lower]
    }

    /// A day of the month, 1 to 31: "2", "02", "2nd", "15th".
    private func dayNumber(at index: Int) -> (Int, Int)? {
        guard let word = token(index), !isJoinedBefore(index), !isJoinedAfter(index) else { return nil }
        var digits = word.lower
        if word.kind == .word {
            guard let suffix = Self.ordinalSuffixes.first(where: { digits.hasSuffix($0) }) else { return nil }
            digits = String(digits.dropLast(suffix.count))
            guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        } else if word.kind != .number {
            return nil
        }
        guard digits.utf8.count <= 2, let day = Int(digits), (1...31).contains(day) else { return nil }
        return (day, index + 1)
    }

    /// A four-digit number standing on its own, after white space.
    private func fourDigitYear(at index: Int) -> Int? {
        guard let year = token(index), year.kind == .number, year.text.utf8.count == 4, year.text.first != "0",
              !isJoinedAfter(index)
        else { return nil }
        return Int(year.text)
    }

    /// "of 2000 troops": a lowercase word that is not a function word
    /// follows, so the number counts something rather than naming a year.
    private func isCounted(_ index: Int) -> Bool {
        guard let next = token(index + 1), next.kind == .word, next.spaced,
              let first = next.text.unicodeScalars.first, first.properties.isLowercase
        else { return false }
        return !Self.functionWords.contains(next.lower)
    }

    /// Glued to what comes before: "3-15", "1.5", "$2024", "#15".
    private func isJoinedBefore(_ index: Int) -> Bool {
        guard index > 0, !tokens[index].spaced else { return false }
        let previous = tokens[index - 1]
        guard previous.kind == .symbol else { return true }
        if Self.prefixSymbols.contains(previous.text) { return true }
        guard Self.joiners.contains(previous.text), index > 1, !previous.spaced else { return false }
        return tokens[index - 2].kind != .symbol
    }

    /// Glued to what comes after: "15-16", "2024-25", "15.5", "15%", "15:00".
    private func isJoinedAfter(_ index: Int) -> Bool {
        guard let next = token(index + 1), !next.spaced else { return false }
        guard next.kind == .symbol else { return true }
        if Self.suffixSymbols.contains(next.text) { return true }
        guard Self.joiners.contains(next.text), let after = token(index + 2), !after.spaced else { return false }
        return after.kind != .symbol
    }

    private func token(_ index: Int) -> DateToken? {
        index >= 0 && index < tokens.count ? tokens[index] : nil
    }

    private func isWord(_ index: Int, _ words: Set<String>) -> Bool {
        guard let word = token(index), word.kind == .word else { return false }
        return words.contains(word.lower)
    }

    private func isSymbol(_ index: Int, _ symbol: String, adjacent: Bool = false) -> Bool {
        guard let token = token(index), token.kind == .symbol, token.text == symbol else { return false }
        return !adjacent || !token.spaced
    }

    private func number(_ index: Int, digits: Int, adjacent: Bool) -> Bool {
        guard let token = token(index), token.kind == .number, token.text.utf8.count == digits else { return false }
        return !adjacent || !token.spaced
    }

    /// "the last week" means the past seven days, not last calendar week.
    private func followsThe(_ index: Int) -> Bool {
        index > 0 && tokens[index - 1].kind == .word && tokens[index - 1].lower == "the"
    }

    // MARK: Calendar

    /// The year that puts a day and month without a year most recently on or
    /// before a week after publication; nil for a day no year has (30 February).
    private func mostRecentYear(month: Int, day: Int) -> Int? {
        let limit = published + 7
        let latest = CivilCalendar.civil(fromDayNumber: limit).year
        // Eight years back always reaches a 29 February, even across 2100.
        for year in stride(from: latest, through: latest - 8, by: -1)
        where day <= CivilCalendar.daysIn(month: month, year: year)
            && CivilCalendar.dayNumber(year: year, month: month, day: day) <= limit {
            return year
        }
        return nil
    }

    private static func weekday(_ dayNumber: Int) -> Int {
        let date = CivilCalendar.civil(fromDayNumber: dayNumber)
        return CivilCalendar.weekday(year: date.year, month: date.month, day: date.day)
    }

    private static func day(_ dayNumber: Int) -> EventDate {
        EventDate(start: partial(dayNumber))
    }

    private static func day(year: Int, month: Int, day: Int) -> EventDate {
        EventDate(start: PartialDate(year: year, month: month, day: day))
    }

    private static func days(_ first: Int, _ last: Int) -> EventDate {
        EventDate(start: partial(first), end: partial(last))
    }

    private static func partial(_ dayNumber: Int) -> PartialDate {
        let date = CivilCalendar.civil(fromDayNumber: dayNumber)
        return PartialDate(year: date.year, month: date.month, day: date.day)
    }

    // MARK: Words

    static let monthNames: [String: Int] = Dictionary(
        uniqueKeysWithValues: CivilCalendar.monthNames.enumerated().map { ($1.lowercased(), $0 + 1) })

    static let monthAbbreviations: [String: Int] = [
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
        "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
    ]

    /// 0 = Sunday, as `CivilCalendar.weekday`.
    static let weekdayNames: [String: Int] = [
        "sunday": 0, "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
    ]

    static let dayWords: [String: Int] = ["yesterday": -1, "today": 0, "tomorrow": 1]

    static let smallNumbers: [String: Int] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    ]

    static let ordinalSuffixes = ["st", "nd", "rd", "th"]

    /// Prepositions that make a following number a year, unless a word
    /// after it makes the number a count.
    static let yearPrepositions: Set<String> = ["in", "since", "until", "by", "of"]

    static let weekdayDeterminers: Set<String> = [
        "a", "coming", "each", "every", "following", "last", "next", "that", "the", "this",
    ]

    static let weekendAdjectives: Set<String> = ["preceding", "previous", "past", "last"]

    /// Symbols that join two numbers into one quantity or range.
    static let joiners: Set<String> = ["-", "\u{2010}", "\u{2011}", "\u{2013}", "\u{2014}", "/", ":", ".", ",", "+"]
    /// A number right after these is money or a count, not a date.
    static let prefixSymbols: Set<String> = ["$", "€", "£", "#", "№", "+", "±"]
    static let suffixSymbols: Set<String> = ["%", "°", "‰"]

    /// Words that may follow a year ("in 2024 the talks…"); any other
    /// lowercase word makes the number a count ("of 2000 troops").
    static let functionWords: Set<String> = [
        "a", "after", "again", "ago", "already", "also", "amid", "an", "and", "are", "as", "at", "before", "but",
        "by", "during", "for", "from", "had", "has", "have", "he", "her", "his", "in", "into", "is", "it", "its",
        "may", "might", "nor", "of", "on", "onwards", "or", "over", "said", "she", "since", "so", "than", "that",
        "the", "their", "then", "there", "these", "they", "this", "those", "through", "to", "under", "until",
        "was", "we", "were", "when", "where", "which", "while", "who", "will", "with", "would", "yet",
    ]
}
