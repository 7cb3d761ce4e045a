import Foundation
import Testing

/// The live-story fields written wrong (see BadInputTests.swift): each refused at
/// its line, and at the column of the faulty part when it is one. The
/// Geneva meeting's `date: 2025-11-23` is on line 3; its value starts in
/// column 7.
@Suite struct BadInputLiveStoryTests {
    static let geneva = "Content/events/geneva-meeting.md"
    static func date(_ written: String, zone: String? = nil) -> WorkspaceChange {
        .replace(geneva, "date: 2025-11-23", with: "date: \(written)" + (zone.map { "\ntimezone: \($0)" } ?? ""))
    }

    static let cases: [BadCase] = [
        BadCase("a time with no offset and no zone", [date("2025-11-23T10:00")], [
            "Content/events/geneva-meeting.md:3:7: '2025-11-23T10:00' has a time but no UTC offset and no zone (add the offset, as in 18:00+03:00, or set timezone on the event or in site.yml)",
            stopped(at: "link"),
        ]),
        BadCase("an unknown zone", [date("2025-11-23T10:00", zone: "Europe/Zurch")], [
            "Content/events/geneva-meeting.md:4:11: unknown time zone 'Europe/Zurch' (did you mean 'Europe/Zurich'?)",
            stopped(at: "parse"),
        ]),
        BadCase("an unknown site zone", [.replace("Content/site.yml", "author: Fixture Desk", with: "author: Fixture Desk\ntimezone: Mars/Olympus")], [
            "Content/site.yml:5:11: unknown time zone 'Mars/Olympus' (use an IANA name such as Europe/Kyiv or UTC)",
            stopped(at: "parse"),
        ]),
        BadCase("an offset the zone does not have", [date("2025-11-23T10:00+02:00", zone: "Europe/Zurich")], [
            "Content/events/geneva-meeting.md:3:7: '2025-11-23T10:00+02:00' has the offset +02:00, but Europe/Zurich is at +01:00 on that date (fix the offset or the timezone)",
            stopped(at: "parse"),
        ]),
        // In summer Zurich is at +02:00: the same offset is right in July.
        BadCase("winter time in summer", [date("2025-07-23T10:00+01:00", zone: "Europe/Zurich")], [
            "Content/events/geneva-meeting.md:3:7: '2025-07-23T10:00+01:00' has the offset +01:00, but Europe/Zurich is at +02:00 on that date (fix the offset or the timezone)",
            stopped(at: "parse"),
        ]),
        BadCase("a time on a month", [date("2025-11T10:00Z")], [
            "Content/events/geneva-meeting.md:3:14: invalid date '2025-11T10:00Z': a time needs a whole day (write YYYY-MM-DDTHH:MM)",
            stopped(at: "parse"),
        ]),
        BadCase("a time on a year", [date("2025T10:00Z")], [
            "Content/events/geneva-meeting.md:3:11: invalid date '2025T10:00Z': a time needs a whole day (write YYYY-MM-DDTHH:MM)",
            stopped(at: "parse"),
        ]),
        BadCase("hour 25", [date("2025-11-23T25:00+01:00")], [
            "Content/events/geneva-meeting.md:3:18: invalid time in '2025-11-23T25:00+01:00': there is no hour 25 (hours run from 00 to 23)",
            stopped(at: "parse"),
        ]),
        // Quoted, the column still points at the hour.
        BadCase("hour 25, quoted", [date("\"2025-11-23T25:00+01:00\"")], [
            "Content/events/geneva-meeting.md:3:19: invalid time in '2025-11-23T25:00+01:00': there is no hour 25 (hours run from 00 to 23)",
            stopped(at: "parse"),
        ]),
        BadCase("minute 60", [date("2025-11-23T10:60Z")], [
            "Content/events/geneva-meeting.md:3:21: invalid time in '2025-11-23T10:60Z': there is no minute 60 (minutes run from 00 to 59)",
            stopped(at: "parse"),
        ]),
        BadCase("a malformed offset", [date("2025-11-23T10:00+3")], [
            "Content/events/geneva-meeting.md:3:23: invalid UTC offset in '2025-11-23T10:00+3': write Z or +HH:MM / -HH:MM after the time, e.g. 18:00+03:00",
            stopped(at: "parse"),
        ]),
        // 10:00 in Zurich is 09:00 UTC; 10:30 in Moscow is 07:30 UTC.
        BadCase("a range that ends before it starts once offsets apply", [date("2025-11-23T10:00+01:00/2025-11-23T10:30+03:00")], [
            "Content/events/geneva-meeting.md:3:7: invalid date range '2025-11-23T10:00+01:00/2025-11-23T10:30+03:00': it ends before it starts (write the earlier date first)",
            stopped(at: "parse"),
        ]),
        BadCase("a range that ends before it starts in its zone", [
            .replace("Content/site.yml", "author: Fixture Desk", with: "author: Fixture Desk\ntimezone: Europe/Zurich"),
            date("2025-11-23T10:00/2025-11-23T09:00"),
        ], [
            "Content/events/geneva-meeting.md:3:7: invalid date range '2025-11-23T10:00/2025-11-23T09:00': it ends before it starts (write the earlier date first)",
            stopped(at: "link"),
        ]),
        BadCase("a time the clocks skip", [date("2025-03-30T02:30", zone: "Europe/Zurich")], [
            "Content/events/geneva-meeting.md:3:7: '2025-03-30T02:30' does not exist in Europe/Zurich: the clocks skip that hour (check the time)",
            stopped(at: "parse"),
        ]),
        BadCase("order: first", [.replace("Content/site.yml", "author: Fixture Desk", with: "author: Fixture Desk\norder: first")], [
            "Content/site.yml:5:8: unknown order 'first' (use oldest (the default: oldest first) or newest (newest first))",
            stopped(at: "parse"),
        ]),
        BadCase("a word for an event's order", [date("2025-11-23\norder: first")], [
            "Content/events/geneva-meeting.md:4:8: 'order' must be a whole number, found text",
            stopped(at: "parse"),
        ]),
        BadCase("key: maybe", [date("2025-11-23\nkey: maybe")], [
            "Content/events/geneva-meeting.md:4:6: 'key' must be true or false, found text",
            stopped(at: "parse"),
        ]),
        BadCase("a time on a publication", [.replace("Content/articles/wire-report.md", "published: 2025-11-24", with: "published: 2025-11-24T10:00Z")], [
            "Content/articles/wire-report.md:3:1: 'published' must be one day, YYYY-MM-DD",
            stopped(at: "parse"),
        ]),
    ]

    /// Excerpts and archives (the evening paper is an excerpt of two passages).
    static let excerptCases: [BadCase] = [
        BadCase("an excerpt without url", [.replace("Content/articles/evening-paper.md", "url: https://example.org/evening/talks-end\n", with: "")], [
            "Content/articles/evening-paper.md:5:1: an excerpt needs the 'url' of the original it quotes (add url: https://... so readers can read the whole report)",
            stopped(at: "parse"),
        ]),
        BadCase("an archived copy over http", [.replace("Content/articles/evening-paper.md", "archived: https://", with: "archived: http://")], [
            "Content/articles/evening-paper.md:7:11: 'archived' must be an https address (e.g. https://web.archive.org/web/2025/https://example.org/story)",
            stopped(at: "parse"),
        ]),
        BadCase("a claim across two passages", [.replace("Content/events/deal-claims.md", "says: 'a deal was \"premature\"'", with: "says: 'Talks ended on Monday. A spokesman said'")], [
            "Content/events/deal-claims.md:13:15: claim runs across two passages of the excerpt 'evening-paper': \"Talks ended on Monday. A spokesman said\" (the words on either side of […] were not written together; quote one passage)",
            stopped(at: "link"),
        ]),
    ]

    /// Findings: their sources must exist, and they must have some.
    static let findingCases: [BadCase] = [
        BadCase("a finding citing an unknown article", [.replace("Content/events/deal-claims.md", "        says: 'a deal was \"premature\"'\n",
                with: "        says: 'a deal was \"premature\"'\n    finding:\n      text: Settled.\n      sources: [evening-papr]\n")], [
            "Content/events/deal-claims.md:16:17: unknown article 'evening-papr' in a finding (did you mean 'evening-paper'?)",
            stopped(at: "link"),
        ]),
        BadCase("a finding without sources", [.replace("Content/events/deal-claims.md", "        says: 'a deal was \"premature\"'\n",
                with: "        says: 'a deal was \"premature\"'\n    finding:\n      text: Settled.\n")], [
            "Content/events/deal-claims.md:15:7: a finding needs the 'sources' it rests on (add sources: [ARTICLE])",
            stopped(at: "parse"),
        ]),
    ]

    /// Corrections and updates: dated, with text, and not before the report
    /// they correct (the Geneva meeting's source was published 24 November).
    static let changeCases: [BadCase] = [
        BadCase("a correction without a date", [date("2025-11-23\ncorrections:\n  - text: Fixed.")], [
            "Content/events/geneva-meeting.md:5:5: correction is missing 'date' (a correction is {date: YYYY-MM-DD, text: \"...\"})",
            stopped(at: "parse"),
        ]),
        BadCase("an update without text", [date("2025-11-23\nupdates:\n  - date: 2025-11-25")], [
            "Content/events/geneva-meeting.md:5:5: update is missing 'text' (an update is {date: YYYY-MM-DD, text: \"...\"})",
            stopped(at: "parse"),
        ]),
        BadCase("a correction dated before the first source", [date("2025-11-23\ncorrections:\n  - {date: 2025-11-20, text: Fixed.}")], [
            "Content/events/geneva-meeting.md:5:5: correction dated 20 November 2025, before the event's first source was published (24 November 2025) (date it when the correction was made)",
            stopped(at: "link"),
        ]),
        BadCase("a correction dated a month", [date("2025-11-23\ncorrections:\n  - {date: 2025-12, text: Fixed.}")], [
            "Content/events/geneva-meeting.md:5:12: a correction's date is one day or one moment (write YYYY-MM-DD or YYYY-MM-DDTHH:MM+03:00)",
            stopped(at: "parse"),
        ]),
    ]

    @Test(arguments: cases + excerptCases + findingCases + changeCases)
    func refused(_ bad: BadCase) throws {
        BadInput.expectRefused(try BadInput.run(bad.changes), bad.expected)
    }
}
