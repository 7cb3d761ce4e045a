import Testing
@testable import TimelineKit

@Suite struct PartialDateTests {
    @Test(arguments: [
        ("2025", PartialDate(year: 2025), PartialDate.Precision.year),
        ("2025-11", PartialDate(year: 2025, month: 11), .month),
        ("2025-11-30", PartialDate(year: 2025, month: 11, day: 30), .day),
    ])
    func parsesEachPrecision(text: String, expected: PartialDate, precision: PartialDate.Precision) throws {
        let date = try PartialDate.parse(text)
        #expect(date == expected)
        #expect(date.precision == precision)
        #expect(date.isoString == text)
    }

    @Test func aDayWithoutAMonthIsDropped() {
        let date = PartialDate(year: 2025, day: 3)
        #expect(date.day == nil)
        #expect(date.precision == .year)
    }

    @Test func isoStringPadsYearMonthAndDay() {
        #expect(PartialDate(year: 33, month: 4, day: 5).isoString == "0033-04-05")
    }

    @Test(arguments: ["2024-02-29", "2000-02-29"])
    func february29thExistsInLeapYears(text: String) throws {
        #expect(try PartialDate.parse(text) == PartialDate(year: Int(text.prefix(4))!, month: 2, day: 29))
    }

    @Test(arguments: ["2025-02-29", "1900-02-29"])
    func february29thIsRefusedInCommonYears(text: String) {
        let error = #expect(throws: DateParseError.self) { try PartialDate.parse(text) }
        #expect(error?.description == "invalid date '\(text)': day 29 does not exist in that month (it has 28 days)")
    }

    @Test(arguments: [(2024, true), (2025, false), (1900, false), (2000, true), (2100, false), (2400, true)])
    func leapYears(year: Int, isLeap: Bool) {
        #expect(CivilCalendar.isLeap(year) == isLeap)
    }

    @Test(arguments: [
        (PartialDate(year: 2024), PartialDate(year: 2024, month: 1, day: 1), PartialDate(year: 2024, month: 12, day: 31)),
        (PartialDate(year: 2024, month: 2), PartialDate(year: 2024, month: 2, day: 1), PartialDate(year: 2024, month: 2, day: 29)),
        (PartialDate(year: 2025, month: 2), PartialDate(year: 2025, month: 2, day: 1), PartialDate(year: 2025, month: 2, day: 28)),
        (PartialDate(year: 2025, month: 11, day: 30), PartialDate(year: 2025, month: 11, day: 30), PartialDate(year: 2025, month: 11, day: 30)),
    ])
    func firstAndLastDayCovered(date: PartialDate, first: PartialDate, last: PartialDate) {
        #expect(date.firstDay == first)
        #expect(date.lastDay == last)
    }

    @Test func coarserDatesSortBeforeFinerOnesOnTheSameFirstDay() {
        let dates = [
            PartialDate(year: 2025, month: 11, day: 2),
            PartialDate(year: 2025, month: 11, day: 1),
            PartialDate(year: 2025, month: 11),
            PartialDate(year: 2025),
            PartialDate(year: 2024, month: 12, day: 31),
        ]
        #expect(dates.sorted().map(\.isoString) == ["2024-12-31", "2025", "2025-11", "2025-11-01", "2025-11-02"])
    }

    @Test(arguments: [(1970, 1, 1, 0), (2000, 3, 1, 11017), (1969, 12, 31, -1), (2025, 12, 2, 20424)])
    func dayNumbersRoundTrip(year: Int, month: Int, day: Int, number: Int) {
        #expect(CivilCalendar.dayNumber(year: year, month: month, day: day) == number)
        let civil = CivilCalendar.civil(fromDayNumber: number)
        #expect([civil.year, civil.month, civil.day] == [year, month, day])
    }

    @Test(arguments: [(1970, 1, 1, 4), (2025, 11, 30, 0), (2025, 12, 2, 2), (2000, 2, 29, 2)])
    func weekdays(year: Int, month: Int, day: Int, weekday: Int) {
        #expect(CivilCalendar.weekday(year: year, month: month, day: day) == weekday)
    }
}
