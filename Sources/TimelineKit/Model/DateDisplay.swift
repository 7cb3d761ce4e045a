/// Dates as readers expect them in British news style: "2 December 2025",
/// "November 2025", "29–30 November 2025", "c. November 2025".
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
        let text = end.map { Self.displayRange(start, $0) } ?? start.display
        return approximate ? "c. " + text : text
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
