import Testing
@testable import TimelineKit

/// Times of day, offsets and IANA zones: how they parse, how events of one
/// day order by their instants, and how pages write them.
@Suite struct TimesAndZonesTests {
    @Test func aMomentKeepsItsTimeAndOffset() throws {
        let date = try EventDate.parse("2025-12-02T18:00+03:00")
        #expect(date.start == PartialDate(year: 2025, month: 12, day: 2))
        #expect(date.startTime == ClockTime(hour: 18, minute: 0, offset: 180))
        #expect(date.isoString == "2025-12-02T18:00+03:00")
        #expect(date.startSeconds == 1_764_687_600)  // 15:00 UTC
    }

    @Test func utcIsWrittenZ() throws {
        let date = try EventDate.parse("2025-12-02T15:00Z")
        #expect(date.startTime?.offset == 0)
        #expect(date.startISO == "2025-12-02T15:00Z")
        #expect(date.startSeconds == 1_764_687_600)
    }

    @Test func aRangeOfMomentsAndAMixedRange() throws {
        let moments = try EventDate.parse("2025-11-23T10:00+01:00/2025-11-23T19:00+01:00")
        #expect(moments.endSeconds! - moments.startSeconds! == 9 * 3_600)
        let mixed = try EventDate.parse("2025-11-23T10:00+01:00/2025-11-24")
        #expect(mixed.endTime == nil)
        #expect(mixed.endISO == "2025-11-24")
    }

    @Test func aNegativeOffset() throws {
        let date = try EventDate.parse("2025-11-30T21:30-05:00")
        #expect(date.startTime?.offset == -300)
        #expect(date.startISO == "2025-11-30T21:30-05:00")
    }

    @Test func aZoneGivesTheOffsetOnThatDate() throws {
        let zurich = try #require(Zone(identifier: "Europe/Zurich"))
        let winter = try EventDate.parse("2025-11-23T10:00").resolved(in: zurich)
        #expect(winter.startTime?.offset == 60)
        let summer = try EventDate.parse("2025-07-23T10:00").resolved(in: zurich)
        #expect(summer.startTime?.offset == 120)
    }

    /// Across the change to summer time the clocks skip 02:00-03:00 in
    /// Zurich; 01:59 is at +01:00 and 03:00 at +02:00, one minute apart.
    @Test func acrossADaylightSavingChange() throws {
        let zurich = try #require(Zone(identifier: "Europe/Zurich"))
        let before = try EventDate.parse("2025-03-30T01:59").resolved(in: zurich)
        let after = try EventDate.parse("2025-03-30T03:00").resolved(in: zurich)
        #expect(before.startTime?.offset == 60)
        #expect(after.startTime?.offset == 120)
        #expect(after.startSeconds! - before.startSeconds! == 60)
        #expect(throws: DateParseError.timeSkippedByZone("2025-03-30T02:30", zone: "Europe/Zurich")) {
            try EventDate.parse("2025-03-30T02:30").resolved(in: zurich)
        }
    }

    @Test func aWrittenOffsetMustAgreeWithTheZone() throws {
        let moscow = try #require(Zone(identifier: "Europe/Moscow"))
        #expect(try EventDate.parse("2025-12-02T18:00+03:00").resolved(in: moscow).startTime?.offset == 180)
        #expect(throws: DateParseError.offsetDisagreesWithZone("2025-12-02T18:00+02:00", written: 120, zone: "Europe/Moscow", zoneOffset: 180)) {
            try EventDate.parse("2025-12-02T18:00+02:00").resolved(in: moscow)
        }
    }

    @Test func onlyIANANamesAreZones() {
        #expect(Zone(identifier: "Europe/Kyiv") != nil)
        #expect(Zone(identifier: "UTC") != nil)
        #expect(Zone(identifier: "EST") == nil)
        #expect(Zone(identifier: "GMT+3") == nil)
        #expect(Zone(identifier: "europe/moscow") == nil)
        #expect(Zone.suggestion(for: "Europe/Kyv") == "Europe/Kyiv")
    }

    @Test func zonesAreNamedInTheSiteLanguage() throws {
        let moscow = try #require(Zone(identifier: "Europe/Moscow"))
        #expect(moscow.name(language: "en") == "Moscow time")
        #expect(moscow.name(language: "en-GB") == "Moscow time")
        #expect(moscow.name(language: "uk") == "час: Москва")
        #expect(Zone.utc.name(language: "en") == "UTC")
    }

    // MARK: Order

    /// On 2 December 2025 Zelenskyy spoke in Dublin in the afternoon and
    /// the Moscow talks began that evening: by title, "Putin…" would come
    /// before "Zelenskyy…" the wrong way round; by instant it cannot.
    @Test func eventsOfOneDayInDifferentZonesSortByInstant() throws {
        let (chronology, problems) = try link([
            event("moscow", title: "A Moscow meeting", date: "2025-12-02T18:00", "timezone: Europe/Moscow"),
            event("dublin", title: "Z Dublin news conference", date: "2025-12-02T14:30", "timezone: Europe/Dublin"),
        ])
        #expect(problems == [])
        // Dublin 14:30 is 14:30 UTC; Moscow 18:00 is 15:00 UTC.
        #expect(chronology.events.map(\.source.slug) == ["dublin", "moscow"])
    }

    /// 23:30 in New York on 1 December is 04:30 UTC on 2 December: after a
    /// 02:00 UTC event dated the 2nd, though its own date is the 1st.
    @Test func acrossMidnightUTC() throws {
        let (chronology, _) = try link([
            event("kyiv", title: "A", date: "2025-12-02T04:00+02:00"),
            event("washington", title: "B", date: "2025-12-01T23:30", "timezone: America/New_York"),
            event("early", title: "C", date: "2025-12-02T01:00Z"),
        ])
        #expect(chronology.events.map(\.source.slug) == ["early", "kyiv", "washington"])
    }

    @Test func aDayWithoutATimeComesBeforeThatDaysMomentsThenByOrder() throws {
        let (chronology, _) = try link([
            event("evening", title: "A", date: "2025-12-02T18:00Z"),
            event("second", title: "B", date: "2025-12-02", "order: 2"),
            event("first", title: "Z", date: "2025-12-02", "order: 1"),
            event("month", title: "Y", date: "2025-12"),
        ])
        #expect(chronology.events.map(\.source.slug) == ["month", "first", "second", "evening"])
    }

    /// Days begin in the site's zone: in Kyiv 2 December begins at 22:00 UTC
    /// on the 1st, so a 23:00 UTC moment on the 1st falls on the 2nd's side.
    @Test func daysBeginInTheSitesZone() throws {
        let files = [
            event("late", title: "A", date: "2025-12-01T23:00Z"),
            event("day", title: "B", date: "2025-12-02"),
        ]
        let (utc, _) = try link(files)
        #expect(utc.events.map(\.source.slug) == ["late", "day"])
        let (kyiv, _) = try link(files, settings: "title: Test\ntimezone: Europe/Kyiv\n")
        #expect(kyiv.events.map(\.source.slug) == ["day", "late"])
    }

    @Test func aTimeWithoutAnOffsetTakesTheSitesZone() throws {
        let (chronology, problems) = try link([event("talks", date: "2025-12-02T18:00")],
                                              settings: "title: Test\ntimezone: Europe/Moscow\n")
        #expect(problems == [])
        #expect(chronology.events[0].date.startISO == "2025-12-02T18:00+03:00")
        #expect(chronology.events[0].date.display == "2 December 2025, 18:00 Moscow time")
    }

    @Test func aTimeWithNeitherOffsetNorZoneIsAnError() throws {
        let (_, problems) = try link([event("talks", date: "2025-12-02T18:00")])
        #expect(problems == [
            "Content/events/talks.md:3:7: '2025-12-02T18:00' has a time but no UTC offset and no zone (add the offset, as in 18:00+03:00, or set timezone on the event or in site.yml)",
        ])
    }

    // MARK: Display

    @Test(arguments: [
        ("2025-12-02T18:00", "timezone: Europe/Moscow", "2 December 2025, 18:00 Moscow time"),
        ("2025-12-02T18:00+03:00", "", "2 December 2025, 18:00 UTC+3"),
        ("2025-12-02T15:00Z", "", "2 December 2025, 15:00 UTC"),
        ("2025-11-30T21:30-05:00", "", "30 November 2025, 21:30 UTC-5"),
        ("2025-11-23T10:00/2025-11-23T19:00", "timezone: Europe/Zurich", "23 November 2025, 10:00\u{2013}19:00 Switzerland time"),
        ("2025-11-23T10:00/2025-11-24T09:00", "timezone: Europe/Zurich",
         "23 November 2025, 10:00 \u{2013} 24 November 2025, 09:00 Switzerland time"),
        ("2025-11-23T10:00/2025-11-25", "timezone: Europe/Zurich", "23 November 2025, 10:00 Switzerland time \u{2013} 25 November 2025"),
        ("2025-11-23/2025-11-24T09:00", "timezone: Europe/Zurich", "23 November 2025 \u{2013} 24 November 2025, 09:00 Switzerland time"),
    ])
    func pagesShowTheLocalTimeAndTheZone(written: String, more: String, shown: String) throws {
        let (chronology, problems) = try link([event("talks", date: written, more)])
        #expect(problems == [])
        #expect(chronology.events[0].date.display == shown)
    }

    @Test func timestampsForTheFormats() throws {
        let (chronology, _) = try link([event("talks", date: "2025-12-02T18:00", "timezone: Europe/Moscow")])
        let (bodies, _) = NoteBodies.render(chronology)
        let item = try #require(FeedItem.all(chronology, bodies: bodies).first)
        #expect(item.updated.rfc3339 == "2025-12-02T15:00:00Z")
        #expect(ICalendar.when(chronology.events[0].date, dayZone: .utc) == ["DTSTART:20251202T150000Z"])
        let day = try EventDate.parse("2025-12-02")
        #expect(ICalendar.when(day, dayZone: .utc) == ["DTSTART;VALUE=DATE:20251202", "DTEND;VALUE=DATE:20251203"])
        let mixed = try EventDate.parse("2025-11-23T10:00+01:00/2025-11-24")
        #expect(ICalendar.when(mixed, dayZone: .utc) == ["DTSTART:20251123T090000Z", "DTEND:20251125T000000Z"])
    }
}
