import Testing
@testable import TimelineKit

@Suite struct DateDisplayTests {
    @Test(arguments: [
        ("2025", "2025"),
        ("2025-11", "November 2025"),
        ("2025-11-30", "30 November 2025"),
        ("2025-01-05", "5 January 2025"),
        ("2025-11-29/2025-11-30", "29\u{2013}30 November 2025"),
        ("2025-11-29/2025-12-02", "29 November \u{2013} 2 December 2025"),
        ("2025-12-30/2026-01-02", "30 December 2025 \u{2013} 2 January 2026"),
        ("2025-11/2025-12", "November\u{2013}December 2025"),
        ("2025-12/2026-01", "December 2025 \u{2013} January 2026"),
        ("2024/2025", "2024\u{2013}2025"),
        ("2025-11/2025-12-02", "November 2025 \u{2013} 2 December 2025"),
    ])
    func displaysInNewsStyle(text: String, display: String) throws {
        #expect(try EventDate.parse(text).display == display)
    }

    @Test(arguments: [
        ("2025-11", "c. November 2025"),
        ("2025-11-29/2025-11-30", "c. 29\u{2013}30 November 2025"),
    ])
    func approximateDatesSaySo(text: String, display: String) throws {
        #expect(try EventDate.parse(text, approximate: true).display == display)
    }

    @Test func theRangeDashIsAnEnDash() throws {
        let display = try EventDate.parse("2025-11-29/2025-11-30").display
        #expect(display.unicodeScalars.map(\.value).contains(0x2013))
        #expect(!display.contains("-"))
    }
}
