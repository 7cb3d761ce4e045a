/// Times and zones: every time of an event gets the offset of its zone, so
/// it is a moment that sorts by its instant.
extension EventDate {
    /// True when a time has no offset yet: it needs a zone.
    public var lacksOffset: Bool { startTime.map { $0.offset == nil } == true || endTime.map { $0.offset == nil } == true }

    /// Gives each time without an offset `zone`'s, checks each written
    /// offset against it, and that a range still runs forward.
    public func resolved(in zone: Zone) throws(DateParseError) -> EventDate {
        let text = isoString
        var date = self
        date.startTime = try Self.resolve(start, startTime, in: zone, text)
        if let end { date.endTime = try Self.resolve(end, endTime, in: zone, text) }
        if let from = date.startSeconds, let to = date.endSeconds, to < from { throw .reversedRange(text) }
        return date
    }

    private static func resolve(_ day: PartialDate, _ time: ClockTime?, in zone: Zone, _ text: String)
        throws(DateParseError) -> ClockTime?
    {
        guard var time, let d = day.day, let m = day.month else { return time }
        let local = CivilCalendar.dayNumber(year: day.year, month: m, day: d) * 86_400 + time.hour * 3_600 + time.minute * 60
        if let written = time.offset {
            let actual = zone.offset(atSeconds: local - written * 60)
            guard actual == written else {
                throw .offsetDisagreesWithZone(text, written: written, zone: zone.identifier, zoneOffset: actual)
            }
            return time
        }
        guard let offset = zone.offset(atLocalSeconds: local) else { throw .timeSkippedByZone(text, zone: zone.identifier) }
        time.offset = offset
        return time
    }

    /// Seconds since 1970 UTC at which a day (or month, or year) begins in
    /// `zone`: where a date without a time sorts.
    static func firstSecond(of day: PartialDate, in zone: Zone) -> Int {
        let first = day.firstDay
        let local = CivilCalendar.dayNumber(year: first.year, month: first.month!, day: first.day!) * 86_400
        return local - (zone.offset(atLocalSeconds: local) ?? zone.offset(atSeconds: local)) * 60
    }

    /// Where the event sorts: its start instant, or the first second of its
    /// day in `zone` (the site's) when it has no time.
    public func startInstant(dayZone zone: Zone) -> Int { startSeconds ?? Self.firstSecond(of: start, in: zone) }

    /// Where a range's end sorts, by the same rule: its moment, or the first
    /// second of the period it names.
    public func endInstant(dayZone zone: Zone) -> Int? {
        guard let end else { return nil }
        return endSeconds ?? Self.firstSecond(of: end, in: zone)
    }
}
