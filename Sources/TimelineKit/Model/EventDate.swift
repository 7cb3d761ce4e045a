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
        }
    }
}

extension EventDate {
    /// Parses `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or two of them joined by `/`.
    public static func parse(_ text: String, approximate: Bool = false) throws(DateParseError) -> EventDate {
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
