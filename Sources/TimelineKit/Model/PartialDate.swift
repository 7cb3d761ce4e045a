/// A calendar date known to a year, a month or a day, as editors write them:
/// `2025`, `2025-11`, `2025-11-30`. Keeping the precision lets the site say
/// "November 2025" rather than invent a day.
public struct PartialDate: Sendable, Hashable, Comparable {
    public enum Precision: Int, Sendable, Comparable {
        case year = 0
        case month = 1
        case day = 2

        public static func < (a: Precision, b: Precision) -> Bool { a.rawValue < b.rawValue }
    }

    public let year: Int
    public let month: Int?
    public let day: Int?

    public init(year: Int, month: Int? = nil, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = month == nil ? nil : day
    }

    public var precision: Precision {
        if day != nil { return .day }
        if month != nil { return .month }
        return .year
    }

    /// Coarser dates sort before finer ones on the same first day, so "November
    /// 2025" heads the events of 1 November.
    public static func < (a: PartialDate, b: PartialDate) -> Bool {
        (a.year, a.month ?? 0, a.day ?? 0, a.precision) < (b.year, b.month ?? 0, b.day ?? 0, b.precision)
    }

    /// The first day this date covers.
    public var firstDay: PartialDate {
        PartialDate(year: year, month: month ?? 1, day: day ?? 1)
    }

    /// The last day this date covers.
    public var lastDay: PartialDate {
        let m = month ?? 12
        return PartialDate(year: year, month: m, day: day ?? CivilCalendar.daysIn(month: m, year: year))
    }

    /// `2025`, `2025-11` or `2025-11-30`: the form the editor wrote.
    public var isoString: String {
        var text = Self.pad(year, 4)
        if let month { text += "-" + Self.pad(month, 2) }
        if let day { text += "-" + Self.pad(day, 2) }
        return text
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}

/// Proleptic Gregorian arithmetic without Foundation's time zones: an event
/// dated 2 December is 2 December everywhere.
public enum CivilCalendar {
    public static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (negative before), for day arithmetic.
    public static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// The civil date of a day number (inverse of `dayNumber`).
    public static func civil(fromDayNumber z0: Int) -> (year: Int, month: Int, day: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// 0 = Sunday … 6 = Saturday.
    public static func weekday(year: Int, month: Int, day: Int) -> Int {
        let n = dayNumber(year: year, month: month, day: day)
        return ((n % 7) + 7 + 4) % 7  // 1970-01-01 was a Thursday
    }
}
