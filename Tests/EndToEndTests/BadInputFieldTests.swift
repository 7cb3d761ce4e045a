import Foundation
import Testing

/// Fields of the wrong type or shape are errors at the value; fields the
/// format does not know are warnings naming the field, and the build goes on
/// (see BadInputTests.swift).
@Suite struct BadInputFieldTests {
    static let geneva = "Content/events/geneva-meeting.md"
    static func genevaLine(_ old: String, _ new: String) -> WorkspaceChange { .replace(geneva, old, with: new) }

    static let cases: [BadCase] = [
        BadCase("a number for title", [genevaLine("title: Envoys meet in Geneva", "title: 2025")], [
            "Content/events/geneva-meeting.md:2:8: 'title' must be text, found a number (put the value in quotes)",
            stopped(at: "parse"),
        ]),
        BadCase("true for title", [genevaLine("title: Envoys meet in Geneva", "title: true")], [
            "Content/events/geneva-meeting.md:2:8: 'title' must be text, found true/false (put the value in quotes)",
            stopped(at: "parse"),
        ]),
        BadCase("a mapping for title", [genevaLine("title: Envoys meet in Geneva", "title: {en: Talks}")], [
            "Content/events/geneva-meeting.md:2:8: 'title' must be text, found a mapping (put the value in quotes)",
            stopped(at: "parse"),
        ]),
        // Written but empty is not the same as missing: the line is there to fill in.
        BadCase("title written with no value", [genevaLine("title: Envoys meet in Geneva", "title:")], [
            "Content/events/geneva-meeting.md:2:1: 'title' is empty (give it a value)",
            stopped(at: "parse"),
        ]),
        BadCase("an empty quoted title", [genevaLine("title: Envoys meet in Geneva", "title: \"  \"")], [
            "Content/events/geneva-meeting.md:2:8: 'title' is empty (give it a value)",
            stopped(at: "parse"),
        ]),
        BadCase("a string for people", [genevaLine("people: [anna-envoy, boris-envoy]", "people: anna-envoy, boris-envoy")], [
            "Content/events/geneva-meeting.md:5:9: 'people' must be a list of slugs, found text (write people: [anna-envoy, boris-envoy])",
            stopped(at: "parse"),
        ]),
        BadCase("a mapping for people", [genevaLine("people: [anna-envoy, boris-envoy]", "people: {anna: envoy}")], [
            "Content/events/geneva-meeting.md:5:9: 'people' must be a list of slugs, found a mapping (write people: [a-slug, another-slug])",
            stopped(at: "parse"),
        ]),
        BadCase("a list inside people", [genevaLine("people: [anna-envoy, boris-envoy]", "people: [[anna-envoy], boris-envoy]")], [
            "Content/events/geneva-meeting.md:5:10: each entry of 'people' must be a slug, found a list (write people: [a-slug, another-slug])",
            stopped(at: "parse"),
        ]),
        BadCase("a list for date", [genevaLine("date: 2025-11-23", "date: [2025-11-23]")], [
            "Content/events/geneva-meeting.md:3:7: 'date' must be a date, found a list (write YYYY-MM-DD, YYYY-MM, YYYY or YYYY-MM-DD/YYYY-MM-DD)",
            stopped(at: "parse"),
        ]),
        BadCase("a mapping for date", [genevaLine("date: 2025-11-23", "date: {year: 2025}")], [
            "Content/events/geneva-meeting.md:3:7: 'date' must be a date, found a mapping (write YYYY-MM-DD, YYYY-MM, YYYY or YYYY-MM-DD/YYYY-MM-DD)",
            stopped(at: "parse"),
        ]),
        BadCase("date written with no value", [genevaLine("date: 2025-11-23", "date:")], [
            "Content/events/geneva-meeting.md:3:1: 'date' is empty (write date: YYYY-MM-DD)",
            stopped(at: "parse"),
        ]),
        BadCase("a mapping for place", [genevaLine("place: geneva", "place: {name: geneva}")], [
            "Content/events/geneva-meeting.md:4:8: 'place' must be a slug, found a mapping (write place: a-slug)",
            stopped(at: "parse"),
        ]),
        BadCase("a one-item list for place", [genevaLine("place: geneva", "place: [geneva]")], [
            "Content/events/geneva-meeting.md:4:8: 'place' must be a slug, found a list (write place: geneva, without brackets)",
            stopped(at: "parse"),
        ]),
        BadCase("two places", [genevaLine("place: geneva", "place: [geneva, bern]")], [
            "Content/events/geneva-meeting.md:4:8: 'place' must be a slug, found a list ('place' takes one slug, e.g. place: geneva)",
            stopped(at: "parse"),
        ]),
        BadCase("an unknown status", [genevaLine("status: confirmed", "status: confirmd")], [
            "Content/events/geneva-meeting.md:9:1: unknown status 'confirmd' (use confirmed, reported or disputed)",
            stopped(at: "parse"),
        ]),
        BadCase("a tag in capitals", [genevaLine("tags: [talks, diplomacy]", "tags: [Talks, diplomacy]")], [
            "Content/events/geneva-meeting.md:8:8: 'Talks' in tags is not a valid slug (did you mean 'talks'?)",
            stopped(at: "parse"),
        ]),
        BadCase("text for quotes", [genevaLine("quotes:\n  - by: anna-envoy\n    text: \"very productive\"\n    source: wire-report\n", "quotes: very productive\n")], [
            "Content/events/geneva-meeting.md:10:9: 'quotes' must be a list, found text (write each entry on a line starting with '- ')",
            stopped(at: "parse"),
        ]),
        BadCase("a quote without text", [genevaLine("    text: \"very productive\"\n", "")], [
            "Content/events/geneva-meeting.md:11:5: quote is missing 'text' (a quote is {by: PERSON, text: \"...\", source: ARTICLE})",
            stopped(at: "parse"),
        ]),
        BadCase("a dispute with one claim", [.replace("Content/events/deal-claims.md", "      - source: evening-paper\n        says: 'a deal was \"premature\"'\n", with: "")], [
            "Content/events/deal-claims.md:8:5: a dispute needs at least two claims (add what the other source says)",
            stopped(at: "parse"),
        ]),
        BadCase("a number for a person's name", [.replace("Content/people/anna-envoy.md", "name: Anna Envoy", with: "name: 42")], [
            "Content/people/anna-envoy.md:2:7: 'name' must be text, found a number (put the value in quotes)",
            stopped(at: "parse"),
        ]),
        BadCase("a list for a place's country", [.replace("Content/places/geneva.md", "country: Switzerland", with: "country: [Switzerland]")], [
            "Content/places/geneva.md:3:10: 'country' must be text, found a list (put the value in quotes)",
            stopped(at: "parse"),
        ]),
        BadCase("a mapping for an article's outlet", [.replace("Content/articles/wire-report.md", "outlet: Wire Service", with: "outlet: {name: Wire}")], [
            "Content/articles/wire-report.md:4:9: 'outlet' must be text, found a mapping (put the value in quotes)",
            stopped(at: "parse"),
        ]),
        BadCase("coordinates off the globe", [.replace("Content/places/geneva.md", "coordinates: [46.2044, 6.1432]", with: "coordinates: [146.2, 6.1]")], [
            "Content/places/geneva.md:4:14: 'coordinates' must be [latitude, longitude] in degrees (e.g. [55.7558, 37.6173])",
            stopped(at: "parse"),
        ]),
        BadCase("points in words", [.replace("Content/documents/draft-one.md", "points: 28", with: "points: many")], [
            "Content/documents/draft-one.md:4:9: 'points' must be a whole number, found text",
            stopped(at: "parse"),
        ]),
        BadCase("a month for published", [.replace("Content/articles/wire-report.md", "published: 2025-11-24", with: "published: 2025-11")], [
            "Content/articles/wire-report.md:3:1: 'published' must be one day, YYYY-MM-DD",
            stopped(at: "parse"),
        ]),
        BadCase("maybe for approximate", [.replace("Content/events/plan-drafted.md", "approximate: true", with: "approximate: maybe")], [
            "Content/events/plan-drafted.md:4:14: 'approximate' must be true or false, found text",
            stopped(at: "parse"),
        ]),
    ]

    @Test(arguments: cases)
    func refused(_ bad: BadCase) throws {
        BadInput.expectRefused(try BadInput.run(bad.changes), bad.expected)
    }

    /// A misspelt field is a warning with the field it probably meant; the
    /// build succeeds without it (the event falls back to status reported).
    @Test func unknownFieldsAreWarningsWithASuggestionAndTheBuildGoesOn() throws {
        let run = try BadInput.run([
            Self.genevaLine("status: confirmed", "statuss: confirmed"),
            Self.genevaLine("date: 2025-11-23", "date: 2025-11-23\nplaces: [geneva]"),
            .replace("Content/people/anna-envoy.md", "role: Special envoy", with: "rol: Special envoy"),
            .replace("Content/site.yml", "author: Fixture Desk", with: "author: Fixture Desk\ntitel: Talks"),
        ])
        BadInput.expectBuilt(run, warnings: [
            "Content/events/geneva-meeting.md:4:1: warning: unknown field 'places' (did you mean 'place'?)",
            "Content/events/geneva-meeting.md:10:1: warning: unknown field 'statuss' (did you mean 'status'?)",
            "Content/people/anna-envoy.md:3:1: warning: unknown field 'rol' (did you mean 'role'?)",
            "Content/site.yml:5:1: warning: unknown field 'titel' (did you mean 'title'?)",
        ])
        let page = try HTMLPage(run.workspace.folder.path("Public/events/geneva-meeting/index.html"))
        #expect(page.text("//p[@class='event-meta']/span[@class='status']") == "Reported")
    }

    /// With nothing close, the warning lists the fields there are.
    @Test func anUnknownFieldWithNoNearMatchListsTheKnownFields() throws {
        let run = try BadInput.run([
            Self.genevaLine("status: confirmed", "status: confirmed\ncolour: red"),
            Self.genevaLine("    source: wire-report", "    source: wire-report\n    context: at the press conference"),
        ])
        BadInput.expectBuilt(run, warnings: [
            "Content/events/geneva-meeting.md:10:1: warning: unknown field 'colour' (known fields: title, date, approximate, place, people, documents, sources, tags, status, quotes, disputes, draft, timezone, order, key, corrections, updates, media)",
            "Content/events/geneva-meeting.md:15:5: warning: unknown field 'context' (known fields: by, text, source)",
        ])
    }
}
