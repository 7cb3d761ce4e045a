import Testing
@testable import TimelineKit

@Suite struct LinkerTests {
    static let articleBody = "Ushakov said the talks were \u{201C}constructive, very useful\nand substantive\u{201D}."

    /// A small valid site; each test adds the one note that is wrong.
    static let base: [SourceFile] = [
        person("vladimir-putin"), person("yuri-ushakov"), place("moscow"), document("28-point-plan"),
        article("moscow-talks", body: articleBody),
    ]

    @Test func aValidSiteLinksWithoutProblems() throws {
        let (chronology, problems) = try link(Self.base + [event("talks", """
            place: moscow
            people: [vladimir-putin]
            documents: [28-point-plan]
            sources: [moscow-talks]
            quotes:
              - {by: yuri-ushakov, text: "\\"constructive, very useful and substantive\\"", source: moscow-talks}
            """)])
        #expect(problems == [])
        #expect(chronology.events.map(\.source.slug) == ["talks"])
    }

    @Test func anUnknownPersonIsReportedWithTheNearestSlug() throws {
        let (_, problems) = try link(Self.base + [event("talks", "people: [vladimir-puttin]")])
        #expect(problems == [
            "Content/events/talks.md:4:10: unknown person 'vladimir-puttin' in people (did you mean 'vladimir-putin'?)",
        ])
    }

    @Test func anUnknownPersonUnlikeAnyOtherSaysWhereToCreateIt() throws {
        let (_, problems) = try link(Self.base + [event("talks", "people: [donald-trump]")])
        #expect(problems == [
            "Content/events/talks.md:4:10: unknown person 'donald-trump' in people (create people/donald-trump.md or fix the slug)",
        ])
    }

    @Test(arguments: [
        ("place: geneva", "Content/events/talks.md:4:8: unknown place 'geneva' in place (create places/geneva.md or fix the slug)"),
        ("documents: [20-point-plan]",
         "Content/events/talks.md:4:13: unknown document '20-point-plan' in documents (did you mean '28-point-plan'?)"),
        ("sources: [reuters-report]",
         "Content/events/talks.md:4:11: unknown article 'reuters-report' in sources (create articles/reuters-report.md or fix the slug)"),
    ])
    func unknownPlacesDocumentsAndArticlesAreReported(line: String, message: String) throws {
        let (_, problems) = try link(Self.base + [event("talks", line)])
        #expect(problems == [message])
    }

    @Test func aQuoteAbsentFromItsSourceIsAnError() throws {
        let (_, problems) = try link(Self.base + [event("talks", """
            quotes:
              - by: yuri-ushakov
                text: "constructive and useful"
                source: moscow-talks
            """)])
        #expect(problems == [
            "Content/events/talks.md:6:11: quote not found in article 'moscow-talks': \"constructive and useful\""
                + " (copy the words exactly as articles/moscow-talks.md has them)",
        ])
    }

    @Test func aLongMissingQuoteIsShortenedInTheMessage() throws {
        let long = String(repeating: "word ", count: 30)
        let (_, problems) = try link(Self.base + [event("talks", """
            quotes:
              - {by: yuri-ushakov, text: "\(long)", source: moscow-talks}
            """)])
        let excerpt = String(long.prefix(77)) + "..."
        #expect(problems == [
            "Content/events/talks.md:5:30: quote not found in article 'moscow-talks': \"\(excerpt)\""
                + " (copy the words exactly as articles/moscow-talks.md has them)",
        ])
    }

    @Test(arguments: [(80, 80), (81, 80), (200, 80)])
    func excerptsKeepMessagesToEightyCharacters(length: Int, shown: Int) {
        let text = String(repeating: "é", count: length)
        let excerpt = Linker.excerpt(text)
        #expect(excerpt.unicodeScalars.count == shown)
        #expect(excerpt == (length <= 80 ? text : String(repeating: "é", count: 77) + "..."))
    }

    @Test func aQuoteFromAnUnknownArticleIsReportedOnceAsUnknown() throws {
        let (_, problems) = try link(Self.base + [event("talks", """
            quotes:
              - {by: yuri-ushakov, text: "anything", source: moscow-talk}
            """)])
        #expect(problems == [
            "Content/events/talks.md:5:50: unknown article 'moscow-talk' in quotes (did you mean 'moscow-talks'?)",
        ])
    }

    @Test func aClaimAbsentFromItsSourceIsAnError() throws {
        let (_, problems) = try link(Self.base + [event("talks", """
            disputes:
              - about: "How the talks went"
                claims:
                  - {source: moscow-talks, says: "very useful and substantive"}
                  - {source: moscow-talks, says: "a failure"}
            """)])
        #expect(problems == [
            "Content/events/talks.md:8:38: claim not found in article 'moscow-talks': \"a failure\""
                + " (copy the words exactly as articles/moscow-talks.md has them)",
        ])
    }

    @Test func anUnknownSupersededDocumentIsReported() throws {
        let (_, problems) = try link(Self.base + [document("20-point-plan", supersedes: "19-point-plan")])
        #expect(problems == [
            "Content/documents/20-point-plan.md:3:13: unknown document '19-point-plan' in supersedes"
                + " (did you mean '20-point-plan'?)",
        ])
    }

    @Test(arguments: [
        (note(.person, "yuri-ushakov", "role: Aide"),
         "Content/people/yuri-ushakov.md:2:1: missing required field 'name' (add 'name: ...')"),
        (SourceFile(kind: .person, slug: "yuri-ushakov", path: "Content/people/yuri-ushakov.md", text: "---\nname: Yuri\n"),
         "Content/people/yuri-ushakov.md:1:1: front matter is not closed (add a line '---' after the last field)"),
    ])
    func aNoteThatFailedToParseIsNotReportedAgainWhereItIsNamed(broken: SourceFile, parseProblem: String) throws {
        let (site, parseProblems) = parseSite([broken, event("talks", "people: [yuri-ushakov]")])
        #expect(parseProblems == [parseProblem])
        let (_, problems) = Linker.link(try #require(site), includeDrafts: false)
        #expect(problems == [])
    }

    @Test func draftsAreLeftOutAndNotCheckedByDefault() throws {
        let (chronology, problems) = try link(Self.base + [event("talks"), event("draft", "draft: true\npeople: [nobody]")])
        #expect(chronology.events.map(\.source.slug) == ["talks"])
        #expect(problems == [])
    }

    @Test func draftsAreIncludedAndCheckedWhenAskedFor() throws {
        let files = Self.base + [event("talks"), event("draft", "draft: true\npeople: [nobody]")]
        let (chronology, problems) = try link(files, includeDrafts: true)
        #expect(chronology.events.map(\.source.slug) == ["draft", "talks"])
        #expect(problems == [
            "Content/events/draft.md:5:10: unknown person 'nobody' in people (create people/nobody.md or fix the slug)",
        ])
    }

    @Test func aSupersedesCycleOfTwoIsReportedOnce() throws {
        let (_, problems) = try link([document("a", supersedes: "b"), document("b", supersedes: "a")])
        #expect(problems.first
            == "Content/documents/a.md:3:13: 'supersedes' forms a cycle: a → b → a (the oldest document must not supersede anything)")
        #expect(problems.count == 1)
    }

    @Test func aSupersedesCycleOfThreeIsReportedOnce() throws {
        let (_, problems) = try link([
            document("a", supersedes: "c"), document("b", supersedes: "a"), document("c", supersedes: "b"),
        ])
        #expect(problems.first
            == "Content/documents/a.md:3:13: 'supersedes' forms a cycle: a → c → b → a (the oldest document must not supersede anything)")
        #expect(problems.count == 1)
    }
}
