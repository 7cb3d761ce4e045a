import Testing
@testable import TimelineKit

@Suite struct ICalendarTests {
    @Test func textEscapesBackslashSemicolonCommaAndNewline() {
        #expect(ICalendar.text("a\\b;c,d\ne\r") == "a\\\\b\\;c\\,d\\ne")
    }

    /// 75 octets a line at most; continuation lines start with a space; a
    /// multi-byte character is never split.
    @Test func longLinesFoldAtSeventyFiveOctetsBetweenCharacters() {
        let line = "SUMMARY:" + String(repeating: "Київ ", count: 20)
        let folded = ICalendar.fold(line)
        let parts = folded.components(separatedBy: "\r\n")
        #expect(parts.count > 1)
        #expect(parts.allSatisfy { $0.utf8.count <= 75 })
        #expect(parts.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        #expect(parts.first! + parts.dropFirst().map { String($0.dropFirst()) }.joined() == line)
        #expect(ICalendar.fold("SHORT:x") == "SHORT:x")
    }

    @Test(arguments: [(0.00001, "0.00001"), (55.752, "55.752"), (-33.8688, "-33.8688"), (37.0, "37"), (-0.0000001, "0")])
    func coordinatesAreDecimalsNeverExponents(value: Double, text: String) {
        #expect(ICalendar.decimal(value) == text)
    }

    @Test(arguments: [("2025-11-30", "20251201"), ("2025-12-31", "20260101"), ("2024-02-28", "20240229")])
    func theDayAfterCrossesMonthsAndYears(day: String, next: String) throws {
        #expect(ICalendar.compact(ICalendar.dayAfter(try PartialDate.parse(day))) == next)
    }
}

@Suite struct FeedItemTests {
    /// Updated on the latest of the event's last day and its sources'
    /// publication: never the build clock.
    @Test func datesComeFromTheContent() throws {
        let (chronology, _) = try link([
            article("early", body: "Words.", published: "2025-11-20"),
            article("late", body: "Words.", published: "2025-12-03"),
            event("talks", date: "2025-11-29/2025-11-30", "sources: [early, late]"),
            event("plan", date: "2025-11", "sources: [early]"),
            event("alone", date: "2025-12-05"),
        ])
        let (bodies, _) = NoteBodies.render(chronology)
        let items = FeedItem.all(chronology, bodies: bodies)
        #expect(items.map(\.event.source.slug) == ["alone", "talks", "plan"])
        #expect(items.map(\.published.w3c) == ["2025-12-05", "2025-11-20", "2025-11-20"])
        #expect(items.map(\.updated.w3c) == ["2025-12-05", "2025-12-03", "2025-11-30"])
        #expect(items[0].id == "tag:timeline.invalid,2000:test/events/alone/")
        #expect(items[0].updated.rfc3339 == "2025-12-05T00:00:00Z")
    }
}
