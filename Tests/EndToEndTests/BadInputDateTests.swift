import Foundation
import Testing

/// Every way a date can be wrong, reported at the value with what it should
/// be (see BadInputTests.swift). The Geneva meeting's `date: 2025-11-23` is
/// replaced on line 3; its value starts in column 7.
@Suite struct BadInputDateTests {
    struct DateCase: Sendable, CustomTestStringConvertible {
        let written: String
        let message: String
        var testDescription: String { written }
    }

    static let cases: [DateCase] = [
        DateCase(written: "2025-13-01", message: "invalid date '2025-13-01': there is no month 13 (months run from 01 to 12)"),
        DateCase(written: "2025-00-10", message: "invalid date '2025-00-10': there is no month 0 (months run from 01 to 12)"),
        DateCase(written: "2025-02-30", message: "invalid date '2025-02-30': day 30 does not exist in that month (it has 28 days)"),
        DateCase(written: "2025-02-29", message: "invalid date '2025-02-29': day 29 does not exist in that month (it has 28 days)"),
        DateCase(written: "2025-11-31", message: "invalid date '2025-11-31': day 31 does not exist in that month (it has 30 days)"),
        DateCase(written: "2025-11-00", message: "invalid date '2025-11-00': day 0 does not exist in that month (it has 30 days)"),
        DateCase(written: "2025-12-02/2025-11-30",
                 message: "invalid date range '2025-12-02/2025-11-30': it ends before it starts (write the earlier date first)"),
        DateCase(written: "2025/2024", message: "invalid date range '2025/2024': it ends before it starts (write the earlier date first)"),
        DateCase(written: "2025-11-29/2025-11-31",
                 message: "invalid date '2025-11-29/2025-11-31': day 31 does not exist in that month (it has 30 days)"),
        DateCase(written: "02/12/2025",
                 message: "invalid date '02/12/2025': write the year first, as YYYY-MM-DD ('2025-12-02' if 02 is the day, '2025-02-12' if it is the month)"),
        DateCase(written: "25.12.2025", message: "invalid date '25.12.2025': write the year first, as YYYY-MM-DD (did you mean '2025-12-25'?)"),
        DateCase(written: "2025-1-5", message: "invalid date '2025-1-5': months and days take two digits (did you mean '2025-01-05'?)"),
        DateCase(written: "20251123", message: "invalid date '20251123' (write YYYY-MM-DD, YYYY-MM, YYYY or a range YYYY-MM-DD/YYYY-MM-DD)"),
        DateCase(written: "0000-01-01", message: "invalid date '0000-01-01' (write YYYY-MM-DD, YYYY-MM, YYYY or a range YYYY-MM-DD/YYYY-MM-DD)"),
        DateCase(written: "2025-11-23/", message: "invalid date '2025-11-23/' (write YYYY-MM-DD, YYYY-MM, YYYY or a range YYYY-MM-DD/YYYY-MM-DD)"),
        DateCase(written: "23 November 2025", message: "invalid date '23 November 2025' (write YYYY-MM-DD, YYYY-MM, YYYY or a range YYYY-MM-DD/YYYY-MM-DD)"),
    ]

    @Test(arguments: cases)
    func anInvalidEventDateIsRefused(_ date: DateCase) throws {
        let run = try BadInput.run([.replace("Content/events/geneva-meeting.md", "date: 2025-11-23", with: "date: \(date.written)")])
        BadInput.expectRefused(run, ["Content/events/geneva-meeting.md:3:7: \(date.message)", stopped(at: "parse")])
    }

    /// Documents and articles read dates the same way.
    @Test func documentAndArticleDatesAreCheckedToo() throws {
        let run = try BadInput.run([
            .replace("Content/documents/draft-two.md", "date: 2025-11-23", with: "date: 2025-11-31"),
            .replace("Content/articles/wire-report.md", "published: 2025-11-24", with: "published: 24/11/2025"),
        ])
        BadInput.expectRefused(run, [
            "Content/articles/wire-report.md:3:12: invalid date '24/11/2025': write the year first, as YYYY-MM-DD (did you mean '2025-11-24'?)",
            "Content/documents/draft-two.md:3:7: invalid date '2025-11-31': day 31 does not exist in that month (it has 30 days)",
            stopped(at: "parse", errors: 2),
        ])
    }
}
