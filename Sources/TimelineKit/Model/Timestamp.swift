/// A moment in UTC, to the second, as the machine-readable formats write
/// it. Days become their midnight in UTC, as version 1 wrote them.
struct Timestamp: Sendable, Hashable, Comparable {
    /// Seconds since 1970-01-01T00:00:00Z.
    let seconds: Int

    init(seconds: Int) { self.seconds = seconds }

    init(day: PartialDate) {
        let first = day.firstDay
        seconds = CivilCalendar.dayNumber(year: first.year, month: first.month!, day: first.day!) * 86_400
    }

    /// When an event last happened: its end's moment, else midnight UTC of its last day.
    init(lastOf date: EventDate) {
        if let end = date.endSeconds ?? (date.end == nil ? date.startSeconds : nil) {
            self.init(seconds: end)
        } else {
            self.init(day: date.lastDay)
        }
    }

    static func < (a: Timestamp, b: Timestamp) -> Bool { a.seconds < b.seconds }

    private var parts: (date: PartialDate, hour: Int, minute: Int, second: Int) {
        let day = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = seconds - day * 86_400
        let c = CivilCalendar.civil(fromDayNumber: day)
        return (PartialDate(year: c.year, month: c.month, day: c.day), rest / 3_600, rest % 3_600 / 60, rest % 60)
    }

    /// RFC 3339: `2025-12-03T00:00:00Z`.
    var rfc3339: String {
        let p = parts
        return p.date.isoString + "T" + PartialDate.pad(p.hour, 2) + ":" + PartialDate.pad(p.minute, 2) + ":"
            + PartialDate.pad(p.second, 2) + "Z"
    }

    /// iCalendar's UTC form: `20251203T000000Z`.
    var iCalendar: String {
        rfc3339.replacingAll("-", with: "").replacingAll(":", with: "")
    }

    /// The sitemap's W3C datetime: the day alone at midnight, else the moment.
    var w3c: String {
        let p = parts
        return p.hour == 0 && p.minute == 0 && p.second == 0 ? p.date.isoString : rfc3339
    }
}
