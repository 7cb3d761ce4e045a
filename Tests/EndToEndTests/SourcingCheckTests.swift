import Foundation
import Testing

/// `timeline check`'s sourcing rules, which keep a shipped story honest: an
/// event cites a source, a source says where it can be read, and the people
/// and places an event names are named in what it cites.
@Suite struct SourcingCheckTests {
    private func warnings(_ workspace: Workspace) throws -> [String] {
        let outcome = try TimelineCLI.run(["check"], in: workspace.url)
        #expect(outcome.status == 0, "\(outcome.stdout)\(outcome.stderr)")
        return outcome.stdout.split(separator: "\n").map(String.init).filter { $0.contains(": warning: ") }
    }

    /// The fixture is sourced: none of the three rules fires on it, so each
    /// test below sees only what it planted.
    @Test func theFixtureIsSourced() throws {
        let found = try warnings(Workspace()).filter { $0.contains("mentions") && $0.contains("sources") || $0.contains("no url") }
        #expect(found == [])
    }

    @Test func anEventWithNoSourceIsReported() throws {
        let workspace = try Workspace()
        try workspace.write("Content/events/unsourced.md", "---\ntitle: Unsourced claim\ndate: 2025-11-26\n---\nSaid by nobody.\n")
        #expect(try warnings(workspace).contains(
            "Content/events/unsourced.md:2:1: warning: event has no source (add sources: [ARTICLE] naming an article that reports it)"))
    }

    @Test func anArticleWithoutAnAddressIsReported() throws {
        let workspace = try Workspace()
        try workspace.edit("Content/articles/wire-report.md", replacing: "url: https://example.org/wire/geneva\n", with: "")
        #expect(try warnings(workspace).contains(
            "Content/articles/wire-report.md:2:1: warning: article has no url (add url: https://... so readers can check the source)"))
    }

    /// A person in `people:`, a quoted person, a place and a person linked
    /// only from the body: each is reported at the line that names them when
    /// no cited article names them.
    @Test func aPersonOrPlaceNoSourceNamesIsReportedWhereItIsNamed() throws {
        let workspace = try Workspace()
        try workspace.write("Content/people/carla-aide.md", "---\nname: Carla Aide\n---\nAn aide.\n")
        try workspace.write("Content/people/dmitri-adviser.md", "---\nname: Dmitri Adviser\n---\nAn adviser.\n")
        try workspace.write("Content/places/lausanne.md", "---\nname: Lausanne, Vaud\n---\nA city.\n")
        try workspace.write("Content/events/aides-meet.md", """
            ---
            title: Aides meet
            date: 2025-11-23
            place: lausanne
            people: [anna-envoy, carla-aide]
            sources: [wire-report]
            ---
            With [Dmitri Adviser](../people/dmitri-adviser.md) and [Boris](../people/boris-envoy.md).
            """)
        let found = try warnings(workspace).filter { $0.contains("aides-meet") }
        #expect(found == [
            "Content/events/aides-meet.md:4:8: warning: none of this event's sources mentions Lausanne, Vaud (cite an article that names it, or add the spelling it uses to places/lausanne.md's aliases)",
            "Content/events/aides-meet.md:5:22: warning: none of this event's sources mentions Carla Aide (cite an article that names them, or add the spelling it uses to people/carla-aide.md's aliases)",
            "Content/events/aides-meet.md:8:1: warning: none of this event's sources mentions Dmitri Adviser (cite an article that names them, or add the spelling it uses to people/dmitri-adviser.md's aliases)",
        ])

        // A source that names them, in its own spelling and with accents,
        // possessives and line breaks, settles each.
        try workspace.edit("Content/articles/wire-report.md", replacing: "Anna Envoy led one delegation;",
                           with: "Anna Envoy led one delegation, with Cárla Aide's help and Mr Advisor, in LAUSANNE;")
        try workspace.edit("Content/people/dmitri-adviser.md", replacing: "name: Dmitri Adviser\n",
                           with: "name: Dmitri Adviser\naliases: [Advisor]\n")
        #expect(try warnings(workspace).filter { $0.contains("aides-meet") } == [])

        // A name that is only part of a word is not a mention.
        try workspace.edit("Content/articles/wire-report.md", replacing: "in LAUSANNE;", with: "in Lausanneville;")
        #expect(try warnings(workspace).filter { $0.contains("aides-meet") }.count == 1)
    }

    /// An article the event cites only for a finding or a claim counts.
    @Test func everyArticleTheEventCitesCounts() throws {
        let workspace = try Workspace()
        try workspace.write("Content/people/carla-aide.md", "---\nname: Carla Aide\n---\nAn aide.\n")
        try workspace.edit("Content/articles/evening-paper.md", replacing: "Talks ended on Monday.", with: "Talks ended on Monday, Carla Aide said.")
        try workspace.edit("Content/events/deal-claims.md", replacing: "sources: [wire-report, evening-paper]",
                           with: "sources: [wire-report]\npeople: [carla-aide]")
        #expect(try warnings(workspace).filter { $0.contains("deal-claims") } == [])
    }

    @Test func aliasesMustBeTexts() throws {
        let workspace = try Workspace()
        try workspace.edit("Content/people/anna-envoy.md", replacing: "role: Special envoy\n", with: "role: Special envoy\naliases: [Anna, {first: Anna}]\n")
        let outcome = try workspace.build(["--quiet"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("Content/people/anna-envoy.md:4:17: each entry of 'aliases' must be text, found a mapping (put the value in quotes)"),
                "\(outcome.stderr)")
    }
}
