/// When an event happened: one partial date, or a range of two, possibly an
/// estimate. Parsed from the `date` field's exact text.
public struct EventDate: Sendable, Hashable, Comparable {
    public let start: PartialDate
    /// Present only for ranges; never before `start`.
    public let end: PartialDate?
    public var approximate: Bool

    public init(start: PartialDate, end: PartialDate? = nil, approximate: Bool = false) {
        self.start = start
        self.end = end
        self.approximate = approximate
    }

    public var isRange: Bool { end != nil }

    /// The last day the event covers, inclusive.
    public var lastDay: PartialDate { (end ?? start).lastDay }

    /// By start, then precision; a range sorts after a single date on the same start.
    public static func < (a: EventDate, b: EventDate) -> Bool {
        if a.start != b.start { return a.start < b.start }
        switch (a.end, b.end) {
        case (nil, nil): return false
        case (nil, _): return true
        case (_, nil): return false
        case let (x?, y?): return x < y
        }
    }

    /// The text the editor wrote, normalised: `2025-11-29/2025-11-30`.
    public var isoString: String {
        guard let end else { return start.isoString }
        return start.isoString + "/" + end.isoString
    }
}

/// Why a `date` field could not be read; the message says what would be right.
public enum DateParseError: Error, Sendable, Equatable, CustomStringConvertible {
    case malformed(String)
    case monthOutOfRange(String, Int)
    case dayOutOfRange(String, day: Int, daysInMonth: Int)
    case reversedRange(String)
    /// `2025-1-5`: a real date written without leading zeros.
    case unpadded(String, suggestion: String)
    /// `02/12/2025`: day and month before the year; what it means either way.
    case dayMonthYear(String, dayFirst: String?, monthFirst: String?)

    public var description: String {
        switch self {
        case .malformed(let text):
            return "invalid date '\(text)' (write YYYY-MM-DD, YYYY-MM, YYYY or a range YYYY-MM-DD/YYYY-MM-DD)"
        case let .monthOutOfRange(text, month):
            return "invalid date '\(text)': there is no month \(month) (months run from 01 to 12)"
        case let .dayOutOfRange(text, day, days):
            return "invalid date '\(text)': day \(day) does not exist in that month (it has \(days) days)"
        case .reversedRange(let text):
            return "invalid date range '\(text)': it ends before it starts (write the earlier date first)"
        case let .unpadded(text, suggestion):
            return "invalid date '\(text)': months and days take two digits (did you mean '\(suggestion)'?)"
        case let .dayMonthYear(text, dayFirst, monthFirst):
            let first = text.prefix { $0.isNumber }
            let meaning: String
            switch (dayFirst, monthFirst) {
            case let (day?, month?) where day != month:
                meaning = "'\(day)' if \(first) is the day, '\(month)' if it is the month"
            case let (day?, _): meaning = "did you mean '\(day)'?"
            case let (nil, month?): meaning = "did you mean '\(month)'?"
            case (nil, nil): meaning = "YYYY-MM-DD"
            }
            return "invalid date '\(text)': write the year first, as YYYY-MM-DD (\(meaning))"
        }
    }
}

extension EventDate {
    /// Parses `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or two of them joined by `/`.
    /// A malformed date that is plainly a real one written another way
    /// (`2025-1-5`, `02/12/2025`) is refused with that date suggested.
    public static func parse(_ text: String, approximate: Bool = false) throws(DateParseError) -> EventDate {
        do {
            return try parseStrictly(text, approximate: approximate)
        } catch {
            guard case .malformed = error else { throw error }
            throw Self.suggestion(for: text) ?? error
        }
    }

    /// The better-written date behind a malformed one, as the error to report.
    static func suggestion(for text: String) -> DateParseError? {
        let digits: (Substring) -> Bool = { !$0.isEmpty && $0.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }
        // Day, month and year: 02/12/2025, 2.12.2025, 02-12-2025.
        let fields = text.split(omittingEmptySubsequences: false) { $0 == "/" || $0 == "." || $0 == "-" }
        if fields.count == 3, fields[2].utf8.count == 4, fields[0].utf8.count <= 2, fields[1].utf8.count <= 2,
           fields.allSatisfy(digits) {
            func iso(month: Substring, day: Substring) -> String? {
                let candidate = "\(fields[2])-\(pad(month))-\(pad(day))"
                return (try? PartialDate.parse(candidate)) == nil ? nil : candidate
            }
            let dayFirst = iso(month: fields[1], day: fields[0])
            let monthFirst = iso(month: fields[0], day: fields[1])
            guard dayFirst != nil || monthFirst != nil else { return nil }
            return .dayMonthYear(text, dayFirst: dayFirst, monthFirst: monthFirst)
        }
        // Missing leading zeros: 2025-1-5, 2025-1, 2025-1-5/2025-1-7.
        var padded: [String] = []
        for part in text.split(separator: "/", omittingEmptySubsequences: false) {
            let fields = part.split(separator: "-", omittingEmptySubsequences: false)
            guard (1...3).contains(fields.count), fields[0].utf8.count == 4, fields.allSatisfy(digits),
                  fields.dropFirst().allSatisfy({ $0.utf8.count <= 2 })
            else { return nil }
            padded.append(([String(fields[0])] + fields.dropFirst().map(pad)).joined(separator: "-"))
        }
        let suggestion = padded.joined(separator: "/")
        guard suggestion != text, (try? parseStrictly(suggestion)) != nil else { return nil }
        return .unpadded(text, suggestion: suggestion)
    }

    private static func pad(_ field: Substring) -> String {
        field.utf8.count == 1 ? "0" + field : String(field)
    }

    static func parseStrictly(_ text: String, approximate: Bool = false) throws(DateParseError) -> EventDate {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2 else { throw .malformed(text) }
        let start = try PartialDate.parse(String(parts[0]), wholeText: text)
        guard parts.count == 2 else { return EventDate(start: start, approximate: approximate) }
        let end = try PartialDate.parse(String(parts[1]), wholeText: text)
        guard end.lastDay >= start.firstDay, end != start else {
            if end == start { return EventDate(start: start, approximate: approximate) }
            throw .reversedRange(text)
        }
        return EventDate(start: start, end: end, approximate: approximate)
    }
}

extension PartialDate {
    /// Parses one `YYYY[-MM[-DD]]` with four-digit year and two-digit fields.
    public static func parse(_ text: String, wholeText: String? = nil) throws(DateParseError) -> PartialDate {
        let whole = wholeText ?? text
        let fields = text.split(separator: "-", omittingEmptySubsequences: false)
        let widths = [4, 2, 2]
        guard (1...3).contains(fields.count) else { throw .malformed(whole) }
        var numbers: [Int] = []
        for (index, field) in fields.enumerated() {
            guard field.utf8.count == widths[index], field.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
                  let value = Int(field)
            else { throw .malformed(whole) }
            numbers.append(value)
        }
        let year = numbers[0]
        guard year >= 1 else { throw .malformed(whole) }
        var month: Int?
        var day: Int?
        if numbers.count > 1 {
            guard (1...12).contains(numbers[1]) else { throw .monthOutOfRange(whole, numbers[1]) }
            month = numbers[1]
        }
        if numbers.count > 2, let month {
            let days = CivilCalendar.daysIn(month: month, year: year)
            guard (1...days).contains(numbers[2]) else {
                throw .dayOutOfRange(whole, day: numbers[2], daysInMonth: days)
            }
            day = numbers[2]
        }
        return PartialDate(year: year, month: month, day: day)
    }
}
