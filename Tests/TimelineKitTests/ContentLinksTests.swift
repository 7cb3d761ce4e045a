import Testing
@testable import TimelineKit

@Suite struct ContentLinksTests {
    static func links() throws -> ContentLinks {
        let (chronology, _) = try link([
            document("28-point-plan"), person("vladimir-putin"), place("moscow"),
            article("moscow-talks", body: "text"), event("moscow-meeting"), event("geneva-talks"),
            event("secret-talks", "draft: true"),
        ])
        return ContentLinks(chronology: chronology)
    }

    @Test(arguments: [
        ("../documents/28-point-plan.md", NoteKind.event, "documents/28-point-plan/index.html"),
        ("../people/vladimir-putin.md", .event, "people/vladimir-putin/index.html"),
        ("geneva-talks.md", .event, "events/geneva-talks/index.html"),
        ("./geneva-talks.md", .event, "events/geneva-talks/index.html"),
        ("../events/moscow-meeting.md", .place, "events/moscow-meeting/index.html"),
        ("../articles/moscow-talks.md", .document, "articles/moscow-talks/index.html"),
        ("moscow.md", .place, "places/moscow/index.html"),
        ("../documents/28-point-plan.md#points", .event, "documents/28-point-plan/index.html#points"),
        ("../events/../documents/28-point-plan.md", .event, "documents/28-point-plan/index.html"),
    ])
    func resolvesRelativePathsToPages(destination: String, from: NoteKind, page: String) throws {
        #expect(try Self.links().resolve(destination, from: from) == .page(page))
    }

    @Test(arguments: [
        "https://example.org/plan.md", "mailto:editor@example.org", "#section", "/documents/28-point-plan.md",
        "", "../assets/map.png", "../documents/28-point-plan.html", "../documents/28-point-plan.md?x=1",
    ])
    func leavesOtherDestinationsAlone(destination: String) throws {
        #expect(try Self.links().resolve(destination, from: .event) == .notContent)
    }

    @Test func aMissingNoteIsReportedWithTheNearestSlug() throws {
        #expect(try Self.links().resolve("../people/vladimir-puttin.md", from: .event)
            == .missing(kind: .person, slug: "vladimir-puttin", suggestion: "vladimir-putin"))
    }

    @Test func aMissingNoteUnlikeAnyOtherHasNoSuggestion() throws {
        #expect(try Self.links().resolve("../places/kyiv.md", from: .event)
            == .missing(kind: .place, slug: "kyiv", suggestion: nil))
    }

    /// A draft left out of the build is named as such, not as missing.
    @Test func aDraftHasNoPageToLinkTo() throws {
        #expect(try Self.links().resolve("secret-talks.md", from: .event) == .draft(slug: "secret-talks"))
    }

    @Test func aNoteThatFailedToParseIsNotReportedAgainAsMissing() throws {
        let (site, _) = parseSite([note(.person, "yuri-ushakov", "role: Aide")])
        let (chronology, _) = Linker.link(try #require(site), includeDrafts: false)
        #expect(ContentLinks(chronology: chronology).resolve("../people/yuri-ushakov.md", from: .event)
            == .page("people/yuri-ushakov/index.html"))
    }

    @Test(arguments: [
        "../elsewhere/note.md", "../../../etc/passwd.md", "../documents/drafts/plan.md", "../site.md",
    ])
    func aPathOutsideTheNoteFoldersIsNotANote(destination: String) throws {
        #expect(try Self.links().resolve(destination, from: .event)
            == .missing(kind: nil, slug: destination, suggestion: nil))
    }
}
