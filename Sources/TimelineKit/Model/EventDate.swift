/// When an event happened: one partial date, or a range of two, possibly an
/// estimate, each end possibly with a time of day. Parsed from the `date`
/// field's exact text.
public struct EventDate: Sendable, Hashable, Comparable {
    /// The day as written, on the clocks where it happened.
    public let start: PartialDate
    /// Present only for ranges; never before `start`.
    public let end: PartialDate?
    public var approximate: Bool
    /// Times of day; only on days (`start.precision == .day`).
    public internal(set) var startTime: ClockTime?
    public internal(set) var endTime: ClockTime?
    /// How pages name the zone of the times: "Moscow time", "UTC+3". Set
    /// when the event is linked, since it is in the site's language.
    public internal(set) var zoneLabel: String?

    public init(start: PartialDate, end: PartialDate? = nil, approximate: Bool = false,
                startTime: ClockTime? = nil, endTime: ClockTime? = nil) {
        self.start = start
        self.end = end
        self.approximate = approximate
        self.startTime = startTime
        self.endTime = endTime
    }

    public var isRange: Bool { end != nil }

    /// By day: start, then precision; a range sorts after a single date on
    /// the same start. (Documents sort so; events by `Chronology`'s reading
    /// order, which knows times and zones.)
    public static func < (a: EventDate, b: EventDate) -> Bool {
        if a.start != b.start { return a.start < b.start }
        switch (a.end, b.end) {
        case (nil, nil): return false
        case (nil, _): return true
        case (_, nil): return false
        case let (x?, y?): return x < y
        }
    }

    /// True when either end has a time of day.
    public var hasTime: Bool { startTime != nil || endTime != nil }

    /// The last day the event covers, inclusive.
    public var lastDay: PartialDate { (end ?? start).lastDay }

    /// The text the editor wrote, normalised: `2025-11-29/2025-11-30`,
    /// `2025-12-02T18:00+03:00`.
    public var isoString: String {
        guard let end else { return startISO }
        return startISO + "/" + (endISO ?? end.isoString)
    }

    /// The start for `<time datetime>` and JSON-LD: the day, or the full
    /// moment with its offset.
    public var startISO: String { Self.iso(start, startTime) }

    /// The end, when the date is a range.
    public var endISO: String? { end.map { Self.iso($0, endTime) } }

    private static func iso(_ day: PartialDate, _ time: ClockTime?) -> String {
        guard let time else { return day.isoString }
        return day.isoString + "T" + time.isoString
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
    /// `2025-11T10:00`: a time needs a whole day.
    case timeOnCoarseDate(String, at: Int)
    case malformedTime(String, at: Int)
    case hourOutOfRange(String, Int, at: Int)
    case minuteOutOfRange(String, Int, at: Int)
    case malformedOffset(String, at: Int)
    /// A written offset the event's zone does not have at that moment.
    case offsetDisagreesWithZone(String, written: Int, zone: String, zoneOffset: Int)
    /// A wall-clock time the zone skips (clocks going forward).
    case timeSkippedByZone(String, zone: String)
    /// A time with neither an offset nor a zone to take one from.
    case timeWithoutZone(String)

    /// Where in the text the fault is, counted in characters from 0; the
    /// column of a message is the value's column plus this.
    public var position: Int {
        switch self {
        case let .timeOnCoarseDate(_, at), let .malformedTime(_, at), let .hourOutOfRange(_, _, at),
             let .minuteOutOfRange(_, _, at), let .malformedOffset(_, at):
            return at
        default: return 0
        }
    }

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
        case .timeOnCoarseDate(let text, _):
            return "invalid date '\(text)': a time needs a whole day (write YYYY-MM-DDTHH:MM)"
        case .malformedTime(let text, _):
            return "invalid time in '\(text)': write the time as HH:MM after T, e.g. 2025-12-02T18:00+03:00"
        case let .hourOutOfRange(text, hour, _):
            return "invalid time in '\(text)': there is no hour \(hour) (hours run from 00 to 23)"
        case let .minuteOutOfRange(text, minute, _):
            return "invalid time in '\(text)': there is no minute \(minute) (minutes run from 00 to 59)"
        case .malformedOffset(let text, _):
            return "invalid UTC offset in '\(text)': write Z or +HH:MM / -HH:MM after the time, e.g. 18:00+03:00"
        case let .offsetDisagreesWithZone(text, written, zone, zoneOffset):
            return "'\(text)' has the offset \(ClockTime.isoOffset(written)), but \(zone) is at \(ClockTime.isoOffset(zoneOffset)) on that date (fix the offset or the timezone)"
        case let .timeSkippedByZone(text, zone):
            return "'\(text)' does not exist in \(zone): the clocks skip that hour (check the time)"
        case .timeWithoutZone(let text):
            return "'\(text)' has a time but no UTC offset and no zone (add the offset, as in 18:00+03:00, or set timezone on the event or in site.yml)"
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
        let (start, startTime) = try point(parts[0], in: text, at: 0)
        guard parts.count == 2 else { return EventDate(start: start, approximate: approximate, startTime: startTime) }
        let (end, endTime) = try point(parts[1], in: text, at: parts[0].count + 1)
        if end == start, endTime == startTime {
            return EventDate(start: start, approximate: approximate, startTime: startTime)
        }
        guard end.lastDay >= start.firstDay else { throw .reversedRange(text) }
        let date = EventDate(start: start, end: end, approximate: approximate, startTime: startTime, endTime: endTime)
        // Written offsets order the ends already; the rest once resolved.
        if let from = date.startSeconds, let to = date.endSeconds, to < from { throw .reversedRange(text) }
        return date
    }

    /// One end of a date: a day, and a time after `T` when there is one.
    private static func point(_ part: Substring, in text: String, at position: Int)
        throws(DateParseError) -> (PartialDate, ClockTime?)
    {
        guard let t = part.firstIndex(of: "T") else { return (try PartialDate.parse(String(part), wholeText: text), nil) }
        let day = try PartialDate.parse(String(part[..<t]), wholeText: text)
        let timeAt = position + part.distance(from: part.startIndex, to: t) + 1
        guard day.precision == .day else { throw .timeOnCoarseDate(text, at: timeAt - 1) }
        return (day, try ClockTime.parse(part[part.index(after: t)...], wholeText: text, at: timeAt))
    }
}

extension EventDate {
    /// Seconds since 1970 UTC of the start, when it is a moment whose offset is known.
    public var startSeconds: Int? { Self.seconds(start, startTime) }

    /// Seconds since 1970 UTC of the end, when it is a moment whose offset is known.
    public var endSeconds: Int? { end.flatMap { Self.seconds($0, endTime) } }

    static func seconds(_ day: PartialDate, _ time: ClockTime?) -> Int? {
        guard let time, let offset = time.offset, let d = day.day, let m = day.month else { return nil }
        return CivilCalendar.dayNumber(year: day.year, month: m, day: d) * 86_400
            + time.hour * 3_600 + time.minute * 60 - offset * 60
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
