import Testing
@testable import TimelineKit

/// Notes of each kind through `FrontMatter` and `NoteParser`, as the parse stage runs them.
@Suite struct NoteParserTests {
    /// The parsed note (nil when refused) and every message about it.
    func parse<Note>(_ file: SourceFile, _ parser: (FieldReader, NoteSource) -> Note?) throws -> (Note?, [String]) {
        let (frontMatter, problems) = FrontMatter.parse(file)
        #expect(problems == [])
        let f = try #require(frontMatter).fields
        let source = NoteSource(slug: file.slug, file: file.path, body: frontMatter!.body, bodyLine: frontMatter!.bodyLine)
        let note = parser(f, source)
        return (note, f.diagnostics.map(\.description))
    }

    @Test func readsAnEventWithEveryField() throws {
        let file = event("moscow-meeting", title: "Moscow meeting", date: "2025-12-02", """
            approximate: true
            place: moscow
            people: [steve-witkoff, vladimir-putin]
            documents: [28-point-plan]
            sources: [moscow-talks]
            tags: [talks, diplomacy]
            status: confirmed
            quotes:
              - {by: yuri-ushakov, text: "much work to be done", source: moscow-talks}
            disputes:
              - about: When
                claims:
                  - {source: a, says: "Tuesday"}
                  - {source: b, says: "March"}
            draft: true
            """)
        let (parsed, problems) = try parse(file, NoteParser.event)
        #expect(problems == [])
        let e = try #require(parsed)
        #expect(e.title == "Moscow meeting")
        #expect(e.date.display == "c. 2 December 2025")
        #expect(e.place?.slug == "moscow")
        #expect(e.people.map(\.slug) == ["steve-witkoff", "vladimir-putin"])
        #expect(e.documents.map(\.slug) == ["28-point-plan"])
        #expect(e.sources.map(\.slug) == ["moscow-talks"])
        #expect(e.tags == ["talks", "diplomacy"])
        #expect(e.status == .confirmed)
        #expect(e.quotes.map(\.text) == ["much work to be done"])
        // A quote is located at its text, where a misquote is to be fixed.
        #expect(e.quotes.first?.location == SourceLocation(file: notePath(.event, "moscow-meeting"), line: 12, column: 30))
        #expect(e.disputes.map(\.about) == ["When"])
        #expect(e.disputes.first?.claims.map(\.source.slug) == ["a", "b"])
        #expect(e.draft)
    }

    @Test func anEventIsReportedByDefaultAndNotADraft() throws {
        let (parsed, _) = try parse(event("talks"), NoteParser.event)
        #expect(parsed?.status == .reported)
        #expect(parsed?.draft == false)
        #expect(parsed?.date.approximate == false)
    }

    @Test func anEventWithoutTitleOrDateIsRefusedWithBothProblems() throws {
        let (parsed, problems) = try parse(note(.event, "talks", "place: moscow"), NoteParser.event)
        #expect(parsed == nil)
        #expect(problems == [
            "Content/events/talks.md:2:1: missing required field 'title' (add 'title: ...')",
            "Content/events/talks.md:2:1: missing required field 'date' (add 'date: YYYY-MM-DD')",
        ])
    }

    @Test func anUnknownStatusIsReportedAtItsField() throws {
        let (_, problems) = try parse(event("talks", "status: rumoured"), NoteParser.event)
        #expect(problems == ["Content/events/talks.md:4:1: unknown status 'rumoured' (use confirmed, reported or disputed)"])
    }

    @Test func aQuoteMissingItsSpeakerIsReported() throws {
        let (parsed, problems) = try parse(event("talks", "quotes:\n  - text: \"hi\"\n    source: a"), NoteParser.event)
        #expect(parsed?.quotes.isEmpty == true)
        #expect(problems == [
            "Content/events/talks.md:5:5: quote is missing 'by' (a quote is {by: PERSON, text: \"...\", source: ARTICLE})",
        ])
    }

    @Test func aDisputeNeedsTwoClaims() throws {
        let (_, problems) = try parse(
            event("talks", "disputes:\n  - about: When\n    claims:\n      - {source: a, says: \"Tuesday\"}"), NoteParser.event)
        #expect(problems == [
            "Content/events/talks.md:5:5: a dispute needs at least two claims (add what the other source says)",
        ])
    }

    @Test func misspelledEventFieldsAreWarnedAbout() throws {
        let (parsed, problems) = try parse(event("talks", "poeple: [a]"), NoteParser.event)
        #expect(parsed != nil)
        #expect(problems == ["Content/events/talks.md:4:1: warning: unknown field 'poeple' (did you mean 'people'?)"])
    }

    @Test func anArticleIsPublishedOnOneDay() throws {
        let (parsed, problems) = try parse(article("moscow-talks", body: "", published: "2025-12"), NoteParser.article)
        #expect(parsed != nil)
        #expect(problems == ["Content/articles/moscow-talks.md:3:1: 'published' must be one day, YYYY-MM-DD"])
    }

    @Test(arguments: ["javascript:alert(1)", "ftp://example.org/a", "https://", "https://exa mple.org"])
    func anArticleURLMustBeAWebAddress(url: String) throws {
        let file = note(.article, "a", "title: A\npublished: 2025-12-02\nurl: \"\(url)\"")
        let (parsed, problems) = try parse(file, NoteParser.article)
        #expect(parsed?.url == nil)
        #expect(problems == ["Content/articles/a.md:4:1: 'url' must be an http or https address (e.g. https://example.org/story)"])
    }

    @Test func readsAPerson() throws {
        let (parsed, problems) = try parse(
            note(.person, "yuri-ushakov", "name: Yuri Ushakov\nrole: Aide\ncountry: Russia"), NoteParser.person)
        #expect(problems == [])
        #expect([parsed?.name, parsed?.role, parsed?.country] == ["Yuri Ushakov", "Aide", "Russia"])
    }

    @Test func readsAPlaceWithCoordinates() throws {
        let (parsed, problems) = try parse(note(.place, "moscow", "name: Moscow\ncoordinates: [55.7558, 37.6173]"), NoteParser.place)
        #expect(problems == [])
        #expect(parsed?.coordinates == Coordinates(latitude: 55.7558, longitude: 37.6173))
    }

    @Test func readsADocument() throws {
        let file = note(.document, "28-point-plan", "title: Plan\ndate: 2025-11\npoints: 28\nsupersedes: 19-point-framework")
        let (parsed, problems) = try parse(file, NoteParser.document)
        #expect(problems == [])
        #expect(parsed?.points == 28)
        #expect(parsed?.date?.isoString == "2025-11")
        #expect(parsed?.supersedes?.slug == "19-point-framework")
    }

    @Test func aDocumentCannotHaveNegativePoints() throws {
        let (_, problems) = try parse(note(.document, "plan", "title: Plan\npoints: -1"), NoteParser.document)
        #expect(problems == ["Content/documents/plan.md:3:1: 'points' must not be negative"])
    }

    @Test func aPersonNeedsAName() throws {
        let (parsed, problems) = try parse(note(.person, "nobody", "role: Aide"), NoteParser.person)
        #expect(parsed == nil)
        #expect(problems == ["Content/people/nobody.md:2:1: missing required field 'name' (add 'name: ...')"])
    }
}
