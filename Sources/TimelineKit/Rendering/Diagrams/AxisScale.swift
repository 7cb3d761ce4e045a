/// A span of days mapped onto the axis, with ticks at readable intervals.
struct Domain {
    let start: Int
    let end: Int

    init(start: Int, end: Int) {
        self.start = start
        self.end = max(end, start + 1)
    }

    var days: Int { end - start }

    /// Day number → x.
    func scale(from x0: Double, to x1: Double) -> (Int) -> Double {
        let perDay = (x1 - x0) / Double(days)
        return { x0 + Double($0 - start) * perDay }
    }

    /// Days for short spans (every 1, 2, 7 or 14 days), months up to a few
    /// years, years beyond; a month or year boundary is a major tick.
    func ticks(_ scale: (Int) -> Double) -> [TimeAxis.Tick] {
        var ticks: [TimeAxis.Tick] = []
        if days <= 120 {
            let step = [1, 2, 7, 14].first { days / $0 <= 12 } ?? 14
            var day = start
            if step >= 7 { while CivilCalendar.weekday(fromDayNumber: day) != 1 { day += 1 } }  // Mondays
            while day < end {
                let civil = CivilCalendar.civil(fromDayNumber: day)
                let month = String(CivilCalendar.monthNames[civil.month - 1].prefix(3))
                ticks.append(.init(x: scale(day), label: "\(civil.day) \(month)", major: civil.day == 1))
                day += step
            }
        } else if days <= 366 * 4 {
            let first = CivilCalendar.civil(fromDayNumber: start)
            var (year, month) = first.day == 1 ? (first.year, first.month) : Self.next(first.year, first.month)
            let step = days <= 400 ? 1 : 3
            while case let day = CivilCalendar.dayNumber(year: year, month: month, day: 1), day < end {
                let name = String(CivilCalendar.monthNames[month - 1].prefix(3))
                ticks.append(.init(x: scale(day), label: month == 1 || ticks.isEmpty ? "\(name) \(year)" : name, major: month == 1))
                for _ in 0..<step { (year, month) = Self.next(year, month) }
            }
        } else {
            let first = CivilCalendar.civil(fromDayNumber: start)
            let years = days / 365
            let step = [1, 2, 5, 10, 25, 50, 100].first { years / $0 <= 12 } ?? 100
            var year = first.month == 1 && first.day == 1 ? first.year : first.year + 1
            year = (year + step - 1) / step * step
            while case let day = CivilCalendar.dayNumber(year: year, month: 1, day: 1), day < end {
                ticks.append(.init(x: scale(day), label: String(year), major: true))
                year += step
            }
        }
        return ticks
    }

    static func next(_ year: Int, _ month: Int) -> (Int, Int) {
        month == 12 ? (year + 1, 1) : (year, month + 1)
    }
}

/// The bucket a histogram counts events in.
enum BinUnit {
    case day, month, year

    static func choose(for domain: Domain) -> BinUnit {
        if domain.days <= 150 { return .day }
        if domain.days <= 366 * 20 { return .month }
        return .year
    }

    var name: String {
        switch self {
        case .day: return "day"
        case .month: return "month"
        case .year: return "year"
        }
    }

    /// Bins are numbered: day numbers, months since year 0, or years.
    func bin(of day: Int) -> Int {
        let civil = CivilCalendar.civil(fromDayNumber: day)
        switch self {
        case .day: return day
        case .month: return civil.year * 12 + civil.month - 1
        case .year: return civil.year
        }
    }

    func start(of bin: Int) -> Int {
        switch self {
        case .day: return bin
        case .month: return CivilCalendar.dayNumber(year: bin / 12, month: bin % 12 + 1, day: 1)
        case .year: return CivilCalendar.dayNumber(year: bin, month: 1, day: 1)
        }
    }

    func label(of bin: Int) -> String {
        switch self {
        case .day:
            let c = CivilCalendar.civil(fromDayNumber: bin)
            return PartialDate(year: c.year, month: c.month, day: c.day).display
        case .month: return PartialDate(year: bin / 12, month: bin % 12 + 1).display
        case .year: return String(bin)
        }
    }
}

extension CivilCalendar {
    /// 0 = Sunday … 6 = Saturday.
    static func weekday(fromDayNumber n: Int) -> Int { ((n % 7) + 7 + 4) % 7 }
}
