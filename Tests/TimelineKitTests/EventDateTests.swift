import Testing
@testable import TimelineKit

@Suite struct EventDateTests {
    @Test(arguments: [
        ("2025", PartialDate(year: 2025), nil),
        ("2025-11", PartialDate(year: 2025, month: 11), nil),
        ("2025-11-30", PartialDate(year: 2025, month: 11, day: 30), nil),
        ("2025-11-29/2025-11-30", PartialDate(year: 2025, month: 11, day: 29), PartialDate(year: 2025, month: 11, day: 30)),
    ] as [(String, PartialDate, PartialDate?)])
    func parsesEveryForm(text: String, start: PartialDate, end: PartialDate?) throws {
        let date = try EventDate.parse(text)
        #expect(date.start == start)
        #expect(date.end == end)
        #expect(date.isRange == (end != nil))
        #expect(date.isoString == text)
        #expect(!date.approximate)
    }

    @Test func keepsTheApproximateFlag() throws {
        #expect(try EventDate.parse("2025-11", approximate: true).approximate)
    }

    @Test func aRangeFromADayToTheSameDayIsThatDay() throws {
        let date = try EventDate.parse("2025-11-30/2025-11-30")
        #expect(date == EventDate(start: PartialDate(year: 2025, month: 11, day: 30)))
    }

    @Test(arguments: [
        ("2025-13-01", "invalid date '2025-13-01': there is no month 13 (months run from 01 to 12)"),
        ("2025-00", "invalid date '2025-00': there is no month 0 (months run from 01 to 12)"),
        ("2025-02-30", "invalid date '2025-02-30': day 30 does not exist in that month (it has 28 days)"),
        ("2025-11-31", "invalid date '2025-11-31': day 31 does not exist in that month (it has 30 days)"),
        ("2025-11-00", "invalid date '2025-11-00': day 0 does not exist in that month (it has 30 days)"),
        ("2025-12-02/2025-11-30",
         "invalid date range '2025-12-02/2025-11-30': it ends before it starts (write the earlier date first)"),
        ("02/12/2025", "invalid date '02/12/2025': write the year first, as YYYY-MM-DD ('2025-12-02' if 02 is the day, '2025-02-12' if it is the month)"),
        ("25.12.2025", "invalid date '25.12.2025': write the year first, as YYYY-MM-DD (did you mean '2025-12-25'?)"),
        ("45/13/2025", "invalid date '45/13/2025' (write YYYY-MM-DD, YYYY-MM, YYYY or a range YYYY-MM-DD/YYYY-MM-DD)"),
        ("2025-1-5", "invalid date '2025-1-5': months and days take two digits (did you mean '2025-01-05'?)"),
        ("2025-1-5/2025-1-7", "invalid date '2025-1-5/2025-1-7': months and days take two digits (did you mean '2025-01-05/2025-01-07'?)"),
        ("2025-2-30", "invalid date '2025-2-30' (write YYYY-MM-DD, YYYY-MM, YYYY or a range YYYY-MM-DD/YYYY-MM-DD)"),
        ("25-11-30", "invalid date '25-11-30' (write YYYY-MM-DD, YYYY-MM, YYYY or a range YYYY-MM-DD/YYYY-MM-DD)"),
        ("", "invalid date '' (write YYYY-MM-DD, YYYY-MM, YYYY or a range YYYY-MM-DD/YYYY-MM-DD)"),
        ("2025-11-30/", "invalid date '2025-11-30/' (write YYYY-MM-DD, YYYY-MM, YYYY or a range YYYY-MM-DD/YYYY-MM-DD)"),
        ("0000", "invalid date '0000' (write YYYY-MM-DD, YYYY-MM, YYYY or a range YYYY-MM-DD/YYYY-MM-DD)"),
        ("２０２５", "invalid date '２０２５' (write YYYY-MM-DD, YYYY-MM, YYYY or a range YYYY-MM-DD/YYYY-MM-DD)"),
    ])
    func refusesInvalidDatesSayingWhy(text: String, message: String) {
        let error = #expect(throws: DateParseError.self) { try EventDate.parse(text) }
        #expect(error?.description == message)
    }

    @Test func anErrorInARangeQuotesTheWholeRange() {
        #expect(throws: DateParseError.dayOutOfRange("2025-11-29/2025-11-31", day: 31, daysInMonth: 30)) {
            try EventDate.parse("2025-11-29/2025-11-31")
        }
    }

    @Test func aSingleDateSortsBeforeARangeWithTheSameStart() throws {
        let day = try EventDate.parse("2025-11-29")
        let range = try EventDate.parse("2025-11-29/2025-11-30")
        let longer = try EventDate.parse("2025-11-29/2025-12-01")
        #expect(day < range)
        #expect(range < longer)
        #expect(!(range < day))
    }

    @Test func aRangeCoversThroughItsLastDay() throws {
        #expect(try EventDate.parse("2025-11-29/2025-12").lastDay == PartialDate(year: 2025, month: 12, day: 31))
    }
}
