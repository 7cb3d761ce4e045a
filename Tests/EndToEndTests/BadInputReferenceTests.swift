import Foundation
import Testing

/// References between notes: unknown and misspelt slugs (with "did you
/// mean"), quotes and claims their articles do not contain, `supersedes`
/// cycles, and links in bodies to notes that do not exist (see
/// BadInputTests.swift).
@Suite struct BadInputReferenceTests {
    static let geneva = "Content/events/geneva-meeting.md"
    static func genevaLine(_ old: String, _ new: String) -> WorkspaceChange { .replace(geneva, old, with: new) }

    static let cases: [BadCase] = [
        BadCase("a misspelt place", [genevaLine("place: geneva", "place: genva")], [
            "Content/events/geneva-meeting.md:4:8: unknown place 'genva' in place (did you mean 'geneva'?)",
            stopped(at: "link"),
        ]),
        BadCase("a place with no note", [genevaLine("place: geneva", "place: moscow")], [
            "Content/events/geneva-meeting.md:4:8: unknown place 'moscow' in place (create places/moscow.md or fix the slug)",
            stopped(at: "link"),
        ]),
        BadCase("a misspelt document", [genevaLine("documents: [draft-two]", "documents: [draft-twoo]")], [
            "Content/events/geneva-meeting.md:6:13: unknown document 'draft-twoo' in documents (did you mean 'draft-two'?)",
            stopped(at: "link"),
        ]),
        BadCase("a misspelt source", [genevaLine("sources: [wire-report]", "sources: [wire-reprot]")], [
            "Content/events/geneva-meeting.md:7:11: unknown article 'wire-reprot' in sources (did you mean 'wire-report'?)",
            stopped(at: "link"),
        ]),
        BadCase("a person written as a name", [genevaLine("people: [anna-envoy, boris-envoy]", "people: [Anna Envoy, boris-envoy]")], [
            "Content/events/geneva-meeting.md:5:10: 'Anna Envoy' in people is not a valid slug (did you mean 'anna-envoy'?)",
            stopped(at: "parse"),
        ]),
        BadCase("a person with an underscore", [genevaLine("people: [anna-envoy, boris-envoy]", "people: [anna_envoy, boris-envoy]")], [
            "Content/events/geneva-meeting.md:5:10: 'anna_envoy' in people is not a valid slug (did you mean 'anna-envoy'?)",
            stopped(at: "parse"),
        ]),
        // Digits alone are a valid slug, though YAML reads them as a number:
        // the reference is looked up, not refused for its type.
        BadCase("a person whose slug is digits", [genevaLine("people: [anna-envoy, boris-envoy]", "people: [anna-envoy, 2025]")], [
            "Content/events/geneva-meeting.md:5:22: unknown person '2025' in people (create people/2025.md or fix the slug)",
            stopped(at: "link"),
        ]),
        BadCase("a misspelt speaker", [genevaLine("  - by: anna-envoy", "  - by: ana-envoy")], [
            "Content/events/geneva-meeting.md:11:9: unknown person 'ana-envoy' in quotes (did you mean 'anna-envoy'?)",
            stopped(at: "link"),
        ]),
        BadCase("a misspelt quote source", [genevaLine("    source: wire-report", "    source: wire-rport")], [
            "Content/events/geneva-meeting.md:13:13: unknown article 'wire-rport' in quotes (did you mean 'wire-report'?)",
            stopped(at: "link"),
        ]),
        BadCase("a misspelt supersedes", [.replace("Content/documents/draft-two.md", "supersedes: draft-one", with: "supersedes: draft-on")], [
            "Content/documents/draft-two.md:5:13: unknown document 'draft-on' in supersedes (did you mean 'draft-one'?)",
            stopped(at: "link"),
        ]),
        BadCase("a quote the article does not contain", [genevaLine("text: \"very productive\"", "text: \"very unproductive\"")], [
            "Content/events/geneva-meeting.md:12:11: quote not found in article 'wire-report': \"very unproductive\" (copy the words exactly as articles/wire-report.md has them)",
            stopped(at: "link"),
        ]),
        // "ice" is not in "police": a match must not start inside a word.
        BadCase("a quote that is only part of a word", [genevaLine("text: \"very productive\"", "text: \"roductive\"")], [
            "Content/events/geneva-meeting.md:12:11: quote not found in article 'wire-report': \"roductive\" (copy the words exactly as articles/wire-report.md has them)",
            stopped(at: "link"),
        ]),
        BadCase("a claim the article does not contain", [.replace("Content/events/deal-claims.md", "says: 'a deal was \"premature\"'", with: "says: \"a deal was imminent\"")], [
            "Content/events/deal-claims.md:13:15: claim not found in article 'evening-paper': \"a deal was imminent\" (copy the words exactly as articles/evening-paper.md has them)",
            stopped(at: "link"),
        ]),
        BadCase("a supersedes cycle", [.replace("Content/documents/draft-two.md", "supersedes: draft-one", with: "supersedes: draft-three")], [
            "Content/documents/draft-three.md:5:13: 'supersedes' forms a cycle: draft-three → draft-two → draft-three (the oldest document must not supersede anything)",
            stopped(at: "link"),
        ]),
        BadCase("a document superseding itself", [.replace("Content/documents/draft-one.md", "points: 28", with: "points: 28\nsupersedes: draft-one")], [
            "Content/documents/draft-one.md:5:13: 'supersedes' forms a cycle: draft-one → draft-one (the oldest document must not supersede anything)",
            stopped(at: "link"),
        ]),
        BadCase("links in a body to notes that do not exist", [.replace(geneva, "A second paragraph with *emphasis*.", with: "See [x](../people/nobody.md), [y](../../README.md) and [z](../articles/wire-reprt.md).")], [
            "Content/events/geneva-meeting.md:17:5: broken link to '../people/nobody.md': no people/nobody.md (link to an existing note, like ../people/SLUG.md)",
            "Content/events/geneva-meeting.md:17:31: broken link to '../../README.md': not a note in Content/ (link to an existing note, like ../people/SLUG.md)",
            "Content/events/geneva-meeting.md:17:56: broken link to '../articles/wire-reprt.md': no articles/wire-reprt.md (did you mean 'wire-report.md'?)",
            stopped(at: "markdown", errors: 3),
        ]),
        BadCase("a link to a draft event", [.replace(geneva, "A second paragraph with *emphasis*.", with: "See [the draft](secret-draft.md).")], [
            "Content/events/geneva-meeting.md:17:5: link to draft event 'secret-draft', which this build leaves out (publish the event, remove the link, or build with --drafts)",
            stopped(at: "markdown"),
        ]),
    ]

    @Test(arguments: cases)
    func refused(_ bad: BadCase) throws {
        BadInput.expectRefused(try BadInput.run(bad.changes), bad.expected)
    }
}
