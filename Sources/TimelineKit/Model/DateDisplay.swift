/// Dates as readers expect them in British news style: "2 December 2025",
/// "November 2025", "29–30 November 2025", "c. November 2025", and with times
/// "2 December 2025, 18:00 Moscow time".
extension PartialDate {
    public var display: String {
        switch (month, day) {
        case let (m?, d?): return "\(d) \(CivilCalendar.monthNames[m - 1]) \(year)"
        case let (m?, nil): return "\(CivilCalendar.monthNames[m - 1]) \(year)"
        default: return String(year)
        }
    }
}

extension EventDate {
    public var display: String {
        let text = hasTime ? displayWithTimes : end.map { Self.displayRange(start, $0) } ?? start.display
        return approximate ? "c. " + text : text
    }

    /// "2 December 2025, 18:00 Moscow time"; "23 November 2025, 10:00–19:00
    /// Switzerland time"; "23 November 2025, 10:00 – 24 November 2025, 09:00
    /// Switzerland time". The zone is named once, after the last time.
    private var displayWithTimes: String {
        let zone = zoneLabel.map { " " + $0 } ?? ""
        let dash = "\u{2013}"
        func point(_ day: PartialDate, _ time: ClockTime?) -> String {
            time.map { day.display + ", " + $0.clock } ?? day.display
        }
        guard let end else { return point(start, startTime) + zone }
        if end == start, let from = startTime, let to = endTime {
            return start.display + ", " + from.clock + dash + to.clock + zone
        }
        let first = point(start, startTime) + (endTime == nil ? zone : "")
        return first + " " + dash + " " + point(end, endTime) + (endTime == nil ? "" : zone)
    }

    /// Shares the parts both ends have in common: "29–30 November 2025",
    /// "29 November – 2 December 2025", "30 December 2025 – 2 January 2026".
    static func displayRange(_ a: PartialDate, _ b: PartialDate) -> String {
        let dash = "\u{2013}"
        if a.precision == .day, b.precision == .day, a.year == b.year {
            let monthA = CivilCalendar.monthNames[a.month! - 1]
            if a.month == b.month { return "\(a.day!)\(dash)\(b.day!) \(monthA) \(a.year)" }
            return "\(a.day!) \(monthA) \(dash) \(b.day!) \(CivilCalendar.monthNames[b.month! - 1]) \(a.year)"
        }
        if a.precision == .month, b.precision == .month, a.year == b.year {
            return "\(CivilCalendar.monthNames[a.month! - 1])\(dash)\(CivilCalendar.monthNames[b.month! - 1]) \(a.year)"
        }
        if a.precision == .year, b.precision == .year { return "\(a.year)\(dash)\(b.year)" }
        return "\(a.display) \(dash) \(b.display)"
    }
}
