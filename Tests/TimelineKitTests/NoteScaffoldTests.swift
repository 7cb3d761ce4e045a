import Foundation
import Testing
@testable import TimelineKit

@Suite struct NoteScaffoldTests {
    @Test func eventHasEveryFieldAndItsDate() throws {
        let text = NoteScaffold.text(for: .event, title: "Talks in Київ", date: try EventDate.parse("2025-12-04"))
        #expect(text == """
            ---
            title: "Talks in Київ"
            date: "2025-12-04"          # or YYYY-MM, YYYY, or a range YYYY-MM-DD/YYYY-MM-DD
            # approximate: true         # the date is an estimate
            # timezone: Europe/Kyiv     # its zone, for a time such as 2025-12-02T18:00
            # order: 0                  # lower first among events of one day without a time
            # key: true                 # one of the few key moments, in the digest
            # place: SLUG               # a file in places/
            people: []                  # files in people/, e.g. [vladimir-putin]
            documents: []               # files in documents/
            sources: []                 # files in articles/ that report it
            tags: []                    # lowercase words with hyphens, e.g. [talks]
            # status: reported          # or confirmed, disputed
            quotes: []                  # - {by: PERSON, text: "...", source: ARTICLE}
            disputes: []                # - {about: "...", claims: [{source: ARTICLE, says: "..."}, ...], finding: {text: "...", sources: [ARTICLE]}}
            # draft: true               # left out unless built with --drafts
            # media:
            #   - src: media/NAME.jpg   # a JPEG, PNG, WebP or GIF in Content/media/, or a YouTube, Vimeo, Bluesky, X, Mastodon or DocumentCloud https address
            #     alt: "..."            # what the picture shows, for readers who cannot see it ("" if decorative)
            #     caption: "..."
            #     credit: "Photo: NAME / AGENCY"
            #     license: CC BY 4.0    # when it has one
            ---

            What happened, in your own words.

            """)
    }

    @Test func eventKeepsARangeAsWritten() throws {
        let text = NoteScaffold.text(for: .event, title: "Florida talks", date: try EventDate.parse("2025-11-29/2025-11-30"))
        #expect(text.contains("\ndate: \"2025-11-29/2025-11-30\"  # or YYYY-MM"))
    }

    @Test func article() throws {
        let text = NoteScaffold.text(for: .article, title: "Envoys meet", date: try EventDate.parse("2025-12-03"))
        #expect(text == """
            ---
            title: "Envoys meet"
            published: "2025-12-03"     # the day it was published
            # outlet: NAME              # the publisher
            # author: NAME              # the byline
            # url: https://...          # the original's address
            # excerpt: true             # the text holds only the passages relied on, split by […] lines
            # archived: https://...     # an archived copy
            # language: ru              # its language, when not the site's
            ---

            The article's text, verbatim: quotes in events are checked against it.

            """)
    }

    @Test func person() {
        #expect(NoteScaffold.text(for: .person, title: "Борис Посланник", date: nil) == """
            ---
            name: "Борис Посланник"
            # role: ROLE                # e.g. "Special envoy"
            # country: COUNTRY
            # aliases: []               # other spellings sources use, e.g. [Zelensky]
            # media:
            #   - src: media/NAME.jpg   # a JPEG, PNG, WebP or GIF in Content/media/, or a YouTube, Vimeo, Bluesky, X, Mastodon or DocumentCloud https address
            #     alt: "..."            # what the picture shows, for readers who cannot see it ("" if decorative)
            #     caption: "..."
            #     credit: "Photo: NAME / AGENCY"
            #     license: CC BY 4.0    # when it has one
            ---

            Who they are, in a sentence or two.

            """)
    }

    @Test func place() {
        #expect(NoteScaffold.text(for: .place, title: "Kyiv", date: nil) == """
            ---
            name: "Kyiv"
            # country: COUNTRY
            # coordinates: [LAT, LON]   # in degrees, e.g. [50.4501, 30.5234]
            # aliases: []               # other spellings sources use, e.g. [Kiev]
            # media:
            #   - src: media/NAME.jpg   # a JPEG, PNG, WebP or GIF in Content/media/, or a YouTube, Vimeo, Bluesky, X, Mastodon or DocumentCloud https address
            #     alt: "..."            # what the picture shows, for readers who cannot see it ("" if decorative)
            #     caption: "..."
            #     credit: "Photo: NAME / AGENCY"
            #     license: CC BY 4.0    # when it has one
            ---

            Where it is and why it matters here, in a sentence or two.

            """)
    }

    @Test func documentWithAndWithoutADate() throws {
        #expect(NoteScaffold.text(for: .document, title: "20-point plan", date: nil) == """
            ---
            title: "20-point plan"
            # date: YYYY-MM-DD          # or YYYY-MM, YYYY, or a range YYYY-MM-DD/YYYY-MM-DD
            # points: N                 # how many points it has
            # supersedes: SLUG          # the file in documents/ it replaces
            # media:
            #   - src: media/NAME.jpg   # a JPEG, PNG, WebP or GIF in Content/media/, or a YouTube, Vimeo, Bluesky, X, Mastodon or DocumentCloud https address
            #     alt: "..."            # what the picture shows, for readers who cannot see it ("" if decorative)
            #     caption: "..."
            #     credit: "Photo: NAME / AGENCY"
            #     license: CC BY 4.0    # when it has one
            ---

            What the document is and what it proposes, in a few sentences.

            """)
        let dated = NoteScaffold.text(for: .document, title: "20-point plan", date: try EventDate.parse("2025-12"))
        #expect(dated.contains("\ndate: \"2025-12\"             # or YYYY-MM, YYYY"))
    }

    /// Every scaffold goes through the real parse stage without a word of complaint,
    /// and the title comes back exactly, whatever it contains.
    @Test(arguments: NoteKind.allCases)
    func everyScaffoldParsesAsItIs(kind: NoteKind) throws {
        let title = "He said \"no\" \\ 2025: [yes] # not a comment"
        let date: EventDate? = kind == .event || kind == .article ? try EventDate.parse("2025-12-04") : nil
        let file = SourceFile(kind: kind, slug: "new-note", path: notePath(kind, "new-note"),
                              text: NoteScaffold.text(for: kind, title: title, date: date))
        let site = try makeSite([file])
        let titles = site.articles.map(\.title) + site.events.map(\.title) + site.people.map(\.name)
            + site.places.map(\.name) + site.documents.map(\.title)
        #expect(titles == [title])
        if kind == .event {
            #expect(site.events.first?.date.isoString == "2025-12-04")
            #expect(site.events.first?.status == .reported)
        }
    }

    @Test func quotesEscapeWhatYAMLWouldReadOtherwise() {
        #expect(NoteScaffold.quoted("a \"b\" \\ c") == "\"a \\\"b\\\" \\\\ c\"")
        #expect(NoteScaffold.quoted("bell\u{7}") == "\"bell\\x07\"")
        #expect(NoteScaffold.oneLine("  Talks\nin\t Kyiv  ") == "Talks in Kyiv")
    }

    @Test(arguments: [
        (NoteKind.event, nil as String?, "--date: an event needs a date (pass --date YYYY-MM-DD, YYYY-MM, YYYY or YYYY-MM-DD/YYYY-MM-DD)"),
        (.article, nil, "--date: an article needs the day it was published (pass --date YYYY-MM-DD)"),
        (.article, "2025-12", "--date: an article's date is the day it was published, not '2025-12' (write YYYY-MM-DD)"),
        (.event, "2025-02-30", "--date: invalid date '2025-02-30': day 30 does not exist in that month (it has 28 days)"),
        (.event, "4 December", "--date: invalid date '4 December' (write YYYY-MM-DD, YYYY-MM, YYYY or a range YYYY-MM-DD/YYYY-MM-DD)"),
        (.document, "2025-13", "--date: invalid date '2025-13': there is no month 13 (months run from 01 to 12)"),
        (.person, "2025-12-04", "--date: a person has no date (leave out --date)"),
        (.place, "2025", "--date: a place has no date (leave out --date)"),
    ])
    func refusesAMissingOrWrongDate(kind: NoteKind, date: String?, message: String) {
        #expect(throws: NoteScaffold.Failure.self) { try NoteScaffold.validatedDate(date, for: kind) }
        do {
            _ = try NoteScaffold.validatedDate(date, for: kind)
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func acceptsEveryDateFormItsKindAllows() throws {
        #expect(try NoteScaffold.validatedDate(" 2025-11-29/2025-11-30 ", for: .event)?.isoString == "2025-11-29/2025-11-30")
        #expect(try NoteScaffold.validatedDate("2025", for: .event)?.isoString == "2025")
        #expect(try NoteScaffold.validatedDate("2025-12-03", for: .article)?.isoString == "2025-12-03")
        #expect(try NoteScaffold.validatedDate(nil, for: .document) == nil)
        #expect(try NoteScaffold.validatedDate(nil, for: .person) == nil)
    }

    // MARK: Creating files

    /// A content folder with an events/ folder, removed when the test ends.
    final class Scratch {
        let root: String
        var content: String { root + "/Content" }

        init() throws {
            root = FileManager.default.temporaryDirectory.path + "/timeline-scaffold-" + UUID().uuidString
            try FileManager.default.createDirectory(atPath: content + "/events", withIntermediateDirectories: true)
        }

        deinit { try? FileManager.default.removeItem(atPath: root) }

        func read(_ relative: String) throws -> String {
            try String(contentsOfFile: content + "/" + relative, encoding: .utf8)
        }

        func write(_ relative: String, _ text: String) throws {
            try Data(text.utf8).write(to: URL(fileURLWithPath: content + "/" + relative))
        }
    }

    @Test func createsTheNoteUnderItsSlugThenNumbersTheNext() throws {
        let scratch = try Scratch()
        let paths = try (1...3).map { _ in
            try NoteScaffold.create(.event, title: "Talks in Київ", date: "2025-12-04", contentPath: scratch.content)
        }
        #expect(paths == ["events/talks-in-kyiv.md", "events/talks-in-kyiv-2.md", "events/talks-in-kyiv-3.md"]
            .map { scratch.content + "/" + $0 })
        let expected = NoteScaffold.text(for: .event, title: "Talks in Київ", date: try EventDate.parse("2025-12-04"))
        for name in ["talks-in-kyiv.md", "talks-in-kyiv-2.md", "talks-in-kyiv-3.md"] {
            #expect(try scratch.read("events/" + name) == expected)
        }
    }

    @Test func neverTouchesAnExistingFile() throws {
        let scratch = try Scratch()
        try scratch.write("events/talks-in-kyiv.md", "mine\n")
        try FileManager.default.createSymbolicLink(atPath: scratch.content + "/events/talks-in-kyiv-2.md",
                                                   withDestinationPath: scratch.root + "/nowhere.md")
        let path = try NoteScaffold.create(.event, title: "Talks in Kyiv", date: "2025-12-04", contentPath: scratch.content)
        #expect(path == scratch.content + "/events/talks-in-kyiv-3.md")
        #expect(try scratch.read("events/talks-in-kyiv.md") == "mine\n")
        // The dangling link was not followed to create its target.
        #expect(!FileManager.default.fileExists(atPath: scratch.root + "/nowhere.md"))
    }

    @Test func makesTheKindsFolderAndKeepsATrailingSlash() throws {
        let scratch = try Scratch()
        let path = try NoteScaffold.create(.person, title: "Борис Посланник", date: nil, contentPath: scratch.content + "/")
        #expect(path == scratch.content + "/people/boris-poslannik.md")
        #expect(try scratch.read("people/boris-poslannik.md").hasPrefix("---\nname: \"Борис Посланник\"\n"))
    }

    @Test func reportsWhatCannotBeCreated() throws {
        let scratch = try Scratch()
        let cases: [(NoteKind, String, String?, String, String)] = [
            (.event, "★★★", "2025-12-04", scratch.content,
             "TITLE: cannot make a file name from '★★★' (use at least one letter or digit)"),
            (.person, " \n ", nil, scratch.content, "TITLE: the title is empty (give the note a title, e.g. \"Talks in Geneva\")"),
            (.place, "Kyiv", nil, scratch.root + "/Missing",
             scratch.root + "/Missing: content folder not found (run this where Content/ is, or pass --content DIR)"),
        ]
        for (kind, title, date, content, message) in cases {
            do {
                let path = try NoteScaffold.create(kind, title: title, date: date, contentPath: content)
                Issue.record("created \(path)")
            } catch {
                #expect(error.description == message)
            }
        }
        try scratch.write("places", "not a folder")
        do {
            _ = try NoteScaffold.create(.place, title: "Kyiv", date: nil, contentPath: scratch.content)
            Issue.record("created a place inside a file")
        } catch {
            #expect(error == .cannotCreate(path: scratch.content + "/places", reason: "exists and is not a folder"))
        }
    }
}
