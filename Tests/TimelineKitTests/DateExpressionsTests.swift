import Foundation
import Testing
@testable import TimelineKit

/// One sentence, the day it was published, and the one date it should state.
struct StatedDate: CustomTestStringConvertible, Sendable {
    let sentence: String
    let published: String
    let phrase: String
    let kind: DateMention.Kind
    /// The date as `EventDate.isoString` writes it.
    let iso: String

    init(_ sentence: String, _ published: String, _ phrase: String, _ kind: DateMention.Kind, _ iso: String) {
        self.sentence = sentence
        self.published = published
        self.phrase = phrase
        self.kind = kind
        self.iso = iso
    }

    var testDescription: String { "\"\(phrase)\" published \(published)" }
}

/// 2025-12-03, a Wednesday: the day both shipped articles were published.
private let wednesday = "2025-12-03"

@Suite struct DateExpressionsTests {
    static let absolute: [StatedDate] = [
        // Month names, with and without a year.
        StatedDate("They met in Moscow on March 15, 2024.", wednesday, "March 15, 2024", .absolute, "2024-03-15"),
        StatedDate("It was signed on 15 March 2024 in Geneva.", wednesday, "15 March 2024", .absolute, "2024-03-15"),
        StatedDate("Signed on 15 March, 2024, in Geneva.", wednesday, "15 March, 2024", .absolute, "2024-03-15"),
        StatedDate("Signed March 15 2024 in Geneva.", wednesday, "March 15 2024", .absolute, "2024-03-15"),
        StatedDate("On 2 December, 2000 people marched.", wednesday, "2 December", .absolute, "2025-12-02"),
        StatedDate("Talks resumed on March 15.", wednesday, "March 15", .absolute, "2025-03-15"),
        StatedDate("Talks resumed on 15 March.", wednesday, "15 March", .absolute, "2025-03-15"),
        StatedDate("The envoys met on 2 December in Moscow.", wednesday, "2 December", .absolute, "2025-12-02"),
        StatedDate("They met on December 2nd.", wednesday, "December 2nd", .absolute, "2025-12-02"),
        StatedDate("They met on the 2nd December.", wednesday, "2nd December", .absolute, "2025-12-02"),
        // Up to a week after publication is this year; later is last year's.
        StatedDate("A meeting is set for 10 December.", wednesday, "10 December", .absolute, "2025-12-10"),
        StatedDate("It began on 11 December.", wednesday, "11 December", .absolute, "2024-12-11"),
        StatedDate("The plan was drafted in December 2025.", wednesday, "December 2025", .absolute, "2025-12"),
        StatedDate("Fighting intensified in May 2022 and after.", wednesday, "May 2022", .absolute, "2022-05"),
        // Abbreviations take their full stop.
        StatedDate("Filed Sept. 30, 2025, in Kyiv.", wednesday, "Sept. 30, 2025", .absolute, "2025-09-30"),
        StatedDate("Filed Sep 30 in Kyiv.", wednesday, "Sep 30", .absolute, "2025-09-30"),
        StatedDate("Talks on Dec. 2 went on.", wednesday, "Dec. 2", .absolute, "2025-12-02"),
        StatedDate("Due by Jan. 5, 2026.", wednesday, "Jan. 5, 2026", .absolute, "2026-01-05"),
        StatedDate("Published in Feb. 2025.", wednesday, "Feb. 2025", .absolute, "2025-02"),
        // A weekday before a full date belongs to it.
        StatedDate("Putin received them on Tuesday, December 2, in the Kremlin.", wednesday,
                   "Tuesday, December 2", .absolute, "2025-12-02"),
        StatedDate("On Tuesday, December 2, 2025, the envoys met.", wednesday,
                   "Tuesday, December 2, 2025", .absolute, "2025-12-02"),
        StatedDate("In the Kremlin on the evening of Tuesday 2 December.", wednesday,
                   "Tuesday 2 December", .absolute, "2025-12-02"),
        // ISO dates and ranges.
        StatedDate("The file is dated 2025-12-02.", wednesday, "2025-12-02", .absolute, "2025-12-02"),
        StatedDate("Held 2025-11-29/2025-11-30 in Florida.", wednesday,
                   "2025-11-29/2025-11-30", .absolute, "2025-11-29/2025-11-30"),
        // Bare years, only after a word that makes them years.
        StatedDate("The war began in 2022.", wednesday, "in 2022", .absolute, "2022"),
        StatedDate("In 2024 the talks stalled.", wednesday, "In 2024", .absolute, "2024"),
        StatedDate("Sanctions have applied since 2014, officials said.", wednesday, "since 2014", .absolute, "2014"),
        StatedDate("The deal runs until 2030.", wednesday, "until 2030", .absolute, "2030"),
        StatedDate("A deal is expected by 2026.", wednesday, "by 2026", .absolute, "2026"),
        StatedDate("By the end of 2023 the front had frozen.", wednesday, "of 2023", .absolute, "2023"),
        StatedDate("Plans drafted in early 2025 were shelved.", wednesday, "early 2025", .absolute, "2025"),
        StatedDate("Late 2024 saw new talks.", wednesday, "Late 2024", .absolute, "2024"),
        StatedDate("By mid-2024 the lines had barely moved.", wednesday, "mid-2024", .absolute, "2024"),
        // Year boundaries: published on 2 January 2026, a Friday.
        StatedDate("Talks were held on December 28.", "2026-01-02", "December 28", .absolute, "2025-12-28"),
        StatedDate("Talks are set for January 5.", "2026-01-02", "January 5", .absolute, "2026-01-05"),
        StatedDate("Talks were held on 28 December.", "2025-12-30", "28 December", .absolute, "2025-12-28"),
        StatedDate("Talks will be held on 2 January.", "2025-12-28", "2 January", .absolute, "2026-01-02"),
        StatedDate("Talks began on 5 January.", "2025-12-28", "5 January", .absolute, "2025-01-05"),
        // Leap years: 29 February without a year is the latest that existed.
        StatedDate("The draft dates from February 29.", "2024-03-01", "February 29", .absolute, "2024-02-29"),
        StatedDate("The draft dates from February 29.", "2025-03-01", "February 29", .absolute, "2024-02-29"),
        StatedDate("The draft dates from 29 February.", "2023-06-01", "29 February", .absolute, "2020-02-29"),
        StatedDate("The draft dates from February 29, 2024.", wednesday, "February 29, 2024", .absolute, "2024-02-29"),
        StatedDate("Filed on 2024-02-29.", wednesday, "2024-02-29", .absolute, "2024-02-29"),
    ]

    static let relative: [StatedDate] = [
        StatedDate("Officials met today in Geneva.", wednesday, "today", .relative, "2025-12-03"),
        StatedDate("Yesterday, officials met.", wednesday, "Yesterday", .relative, "2025-12-02"),
        StatedDate("They will meet tomorrow.", wednesday, "tomorrow", .relative, "2025-12-04"),
        StatedDate("Today's talks ran late.", wednesday, "Today", .relative, "2025-12-03"),
        // A weekday is the most recent one; on that weekday, the day itself.
        StatedDate("The meeting lasted five hours on Tuesday.", wednesday, "on Tuesday", .relative, "2025-12-02"),
        StatedDate("Putin met the envoys Tuesday night.", wednesday, "Tuesday", .relative, "2025-12-02"),
        StatedDate("The envoys arrived last Tuesday.", wednesday, "last Tuesday", .relative, "2025-12-02"),
        StatedDate("He spoke on Thursday.", wednesday, "on Thursday", .relative, "2025-11-27"),
        StatedDate("He spoke on Wednesday.", wednesday, "on Wednesday", .relative, "2025-12-03"),
        StatedDate("He spoke last Wednesday.", wednesday, "last Wednesday", .relative, "2025-11-26"),
        StatedDate("On Sunday, the delegations met.", wednesday, "On Sunday", .relative, "2025-11-30"),
        StatedDate("The talks of Friday's session.", "2026-01-02", "Friday", .relative, "2026-01-02"),
        StatedDate("On Monday the talks began.", "2026-01-02", "On Monday", .relative, "2025-12-29"),
        // Weeks run Monday to Sunday.
        StatedDate("Delegations met this week.", wednesday, "this week", .relative, "2025-12-01/2025-12-07"),
        StatedDate("Delegations met earlier this week.", wednesday, "earlier this week", .relative, "2025-12-01/2025-12-07"),
        StatedDate("Delegations met last week.", wednesday, "last week", .relative, "2025-11-24/2025-11-30"),
        StatedDate("Delegations met last week.", "2026-01-02", "last week", .relative, "2025-12-22/2025-12-28"),
        StatedDate("Delegations meet this week.", "2026-01-02", "this week", .relative, "2025-12-29/2026-01-04"),
        // Weekends: the last one over before publication.
        StatedDate("Officials gathered in Florida over the weekend.", wednesday,
                   "over the weekend", .relative, "2025-11-29/2025-11-30"),
        StatedDate("Meetings in Florida over the preceding weekend.", wednesday,
                   "over the preceding weekend", .relative, "2025-11-29/2025-11-30"),
        StatedDate("Talks at the weekend were cordial.", wednesday, "at the weekend", .relative, "2025-11-29/2025-11-30"),
        StatedDate("Talks last weekend were cordial.", wednesday, "last weekend", .relative, "2025-11-29/2025-11-30"),
        StatedDate("Talks this weekend were cordial.", wednesday, "this weekend", .relative, "2025-11-29/2025-11-30"),
        StatedDate("Talks over the weekend were cordial.", "2025-12-01", "over the weekend", .relative, "2025-11-29/2025-11-30"),
        StatedDate("Talks over the weekend ended.", "2025-11-30", "over the weekend", .relative, "2025-11-22/2025-11-23"),
        // Only "this weekend" on a weekend day is the weekend under way.
        StatedDate("Talks this weekend are tense.", "2025-11-29", "this weekend", .relative, "2025-11-29/2025-11-30"),
        StatedDate("Talks this weekend are tense.", "2025-11-30", "this weekend", .relative, "2025-11-29/2025-11-30"),
        StatedDate("Talks last weekend were tense.", "2025-11-30", "last weekend", .relative, "2025-11-22/2025-11-23"),
        // Months and years, at their precision.
        StatedDate("The plan presented last month.", wednesday, "last month", .relative, "2025-11"),
        StatedDate("The plan presented last month.", "2026-01-02", "last month", .relative, "2025-12"),
        StatedDate("Talks resumed this month.", wednesday, "this month", .relative, "2025-12"),
        StatedDate("Talks resumed earlier this month.", wednesday, "earlier this month", .relative, "2025-12"),
        StatedDate("Talks failed last year.", wednesday, "last year", .relative, "2024"),
        StatedDate("Talks failed last year.", "2026-01-02", "last year", .relative, "2025"),
        StatedDate("Talks resumed this year.", wednesday, "this year", .relative, "2025"),
        StatedDate("Talks resumed earlier this year.", wednesday, "earlier this year", .relative, "2025"),
        // Days ago, in digits or words.
        StatedDate("He resigned three days ago.", wednesday, "three days ago", .relative, "2025-11-30"),
        StatedDate("He resigned 3 days ago.", wednesday, "3 days ago", .relative, "2025-11-30"),
        StatedDate("He resigned one day ago.", wednesday, "one day ago", .relative, "2025-12-02"),
        StatedDate("He resigned Ten days ago.", wednesday, "Ten days ago", .relative, "2025-11-23"),
        StatedDate("He resigned 40 days ago.", wednesday, "40 days ago", .relative, "2025-10-24"),
        StatedDate("Filed two days ago.", "2024-03-01", "two days ago", .relative, "2024-02-28"),
        StatedDate("Filed yesterday.", "2024-03-01", "yesterday", .relative, "2024-02-29"),
        StatedDate("Filed yesterday.", "2026-01-01", "yesterday", .relative, "2025-12-31"),
    ]

    @Test(arguments: absolute + relative)
    func findsTheDateStated(_ example: StatedDate) throws {
        let published = try PartialDate.parse(example.published)
        let mentions = DateExpressions.find(in: example.sentence, published: published)
        let mention = try #require(mentions.count == 1 ? mentions.first : nil, "found \(mentions.map(\.phrase))")
        #expect(mention.phrase == example.phrase)
        #expect(mention.kind == example.kind)
        #expect(mention.date.isoString == example.iso)
        #expect(!mention.date.approximate)
        let start = example.sentence.utf8.index(example.sentence.utf8.startIndex, offsetBy: mention.offset)
        #expect(example.sentence[start...].hasPrefix(example.phrase))
    }

    @Test(arguments: [
        // Numbers that count things.
        "the 28-point plan", "cut to 20 points", "a 19-point framework", "some 2000 troops", "a total of 2000 troops",
        "by 1999 votes", "rose by 15%", "a $2024 fee", "ticket #15 March", "in 20 days", "at 10:15 March",
        // Years outside 1900–2100, joined to other numbers, or without a word that makes them years.
        "in 1850", "in 2150", "the 2024 budget", "in 2024-25", "since 2014/15",
        // Lowercase month and weekday names are other words.
        "may 5 people", "march 15 protesters", "they may 2024",
        // Days that do not exist, numbers glued to dates.
        "on February 30", "on 31 June 2025", "on 15-16 March", "on March 15.5", "on 2025-02-30", "on 2025-12-3",
        // "the last" is the past, not a calendar unit; "the weekend" alone is no date.
        "over the last month", "in the last year", "the last week of talks", "after the weekend talks",
        "the last Tuesday of the month",
        // Words that merely contain date words.
        "Marchers gathered", "the Mayday call", "Super Tuesdays", "todays", "a yesterdays man",
    ])
    func findsNothingIn(_ sentence: String) throws {
        let mentions = DateExpressions.find(in: sentence, published: try PartialDate.parse(wednesday))
        #expect(mentions.map(\.phrase) == [])
    }

    @Test func findsSeveralInTextOrderWithUTF8Offsets() throws {
        let text = "Зеленський said on Tuesday that talks begun on 2 December 2025 would go on; yesterday’s meeting ran late."
        let mentions = DateExpressions.find(in: text, published: try PartialDate.parse(wednesday))
        #expect(mentions.map(\.phrase) == ["on Tuesday", "2 December 2025", "yesterday"])
        #expect(mentions.map(\.offset) == [26, 57, 86])
        #expect(mentions.map(\.kind) == [.relative, .absolute, .relative])
        #expect(mentions.map(\.date.display) == ["2 December 2025", "2 December 2025", "2 December 2025"])
    }

    @Test func prefersTheLongestPhrase() throws {
        let published = try PartialDate.parse(wednesday)
        #expect(DateExpressions.find(in: "on Tuesday, December 2, 2025", published: published).map(\.phrase)
            == ["Tuesday, December 2, 2025"])
        #expect(DateExpressions.find(in: "in March 2024", published: published).map(\.phrase) == ["March 2024"])
        #expect(DateExpressions.find(in: "over the last weekend", published: published).map(\.phrase)
            == ["over the last weekend"])
    }

    @Test func rangesDisplayAsReadersExpect() throws {
        let published = try PartialDate.parse(wednesday)
        let displays = DateExpressions.find(in: "over the weekend, last week, last month", published: published)
            .map(\.date.display)
        #expect(displays == ["29\u{2013}30 November 2025", "24\u{2013}30 November 2025", "November 2025"])
    }

    /// Every date four of the shipped articles state, read by hand: the
    /// 28-point and 20-point plans and "20 points" are not dates, "the weekend
    /// talks" names no weekend, and one article's "March 15, 2024" is its known error.
    @Test func findsExactlyTheDatesInTheShippedArticles() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let (loaded, loadProblems) = ContentLoader.load(from: root.appendingPathComponent("Content").path)
        #expect(loadProblems.filter { $0.severity == .error } == [])
        let articles = loaded.files.filter { $0.kind == .article }
        let (site, parseProblems) = SiteParser.parse(LoadedContent(
            settingsPath: loaded.settingsPath, settingsText: loaded.settingsText, files: articles))
        #expect(parseProblems.filter { $0.severity == .error } == [])
        let handRead: Set = ["kushner-witkoff-meet-putin", "moscow-talks-five-hours", "novaya-gazeta-no-breakthrough",
                             "the-journal-zelenskyy-in-dublin"]
        let found = try #require(site).articles.filter { handRead.contains($0.source.slug) }.map { article in
            (article.source.slug, article.published.isoString,
             DateExpressions.find(in: article.source.body, published: article.published)
                .map { "\($0.phrase) → \($0.date.isoString)" })
        }
        #expect(found.map(\.0) == ["kushner-witkoff-meet-putin", "moscow-talks-five-hours", "novaya-gazeta-no-breakthrough",
                                   "the-journal-zelenskyy-in-dublin"])
        #expect(found.map(\.1) == [wednesday, wednesday, wednesday, "2025-12-02"])
        #expect(found[0].2 == [
            "March 15, 2024 → 2024-03-15",
            "over the preceding weekend → 2025-11-29/2025-11-30",
        ])
        #expect(found[1].2 == [
            "on Tuesday → 2025-12-02",
            "over the weekend → 2025-11-29/2025-11-30",
            "last month → 2025-11",
            "on Tuesday → 2025-12-02",
        ])
        #expect(found[2].2 == [
            "on Tuesday → 2025-12-02",
            "Wednesday → 2025-12-03",
            "on Sunday → 2025-11-30",
        ])
        // "this morning", "this afternoon" and "at 2pm" name times, not dates.
        #expect(found[3].2 == [])
    }
}

