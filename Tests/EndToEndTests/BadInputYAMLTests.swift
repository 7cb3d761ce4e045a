import Foundation
import Testing

/// Front matter that is not YAML, or not a mapping of fields: reported at the
/// line to fix, in words an editor can act on (see BadInputTests.swift).
@Suite struct BadInputYAMLTests {
    static let geneva = "Content/events/geneva-meeting.md"

    /// Replaces one line of the Geneva meeting's front matter.
    static func genevaLine(_ old: String, _ new: String) -> WorkspaceChange { .replace(geneva, old, with: new) }

    static let cases: [BadCase] = [
        BadCase("a field indented with a tab", [genevaLine("tags: [talks, diplomacy]", "\ttags: [talks, diplomacy]")], [
            "Content/events/geneva-meeting.md:8:1: invalid YAML: found character that cannot start any token while scanning for the next token (indent with spaces, not tabs)",
            stopped(at: "parse"),
        ]),
        BadCase("a list item indented with a tab", [genevaLine("  - by: anna-envoy", "\t- by: anna-envoy")], [
            "Content/events/geneva-meeting.md:11:1: invalid YAML: found character that cannot start any token while scanning for the next token (indent with spaces, not tabs)",
            stopped(at: "parse"),
        ]),
        // The open quotation runs on until the next value's opening quote on
        // line 12, where libyaml gives up; the error points where it opened.
        BadCase("an unclosed double quote", [genevaLine("title: Envoys meet in Geneva", "title: \"Envoys meet in Geneva")], [
            "Content/events/geneva-meeting.md:2:8: invalid YAML: the text quoted here runs on to line 12 (close the quotation mark on this line)",
            stopped(at: "parse"),
        ]),
        BadCase("an unclosed single quote", [genevaLine("title: Envoys meet in Geneva", "title: 'Envoys meet in Geneva")], [
            "Content/events/geneva-meeting.md:2:8: invalid YAML: found unexpected end of stream while scanning a quoted scalar (close the quotation mark)",
            stopped(at: "parse"),
        ]),
        BadCase("an unclosed list", [genevaLine("people: [anna-envoy, boris-envoy]", "people: [anna-envoy, boris-envoy")], [
            "Content/events/geneva-meeting.md:5:9: invalid YAML: did not find expected ',' or ']' while parsing a flow sequence (close the list with ])",
            stopped(at: "parse"),
        ]),
        BadCase("an unclosed mapping", [genevaLine("status: confirmed", "status: {a: b")], [
            "Content/events/geneva-meeting.md:9:9: invalid YAML: did not find expected ',' or '}' while parsing a flow mapping (close the mapping with })",
            stopped(at: "parse"),
        ]),
        // Reported at the repeat: the line to delete.
        BadCase("a duplicate field", [genevaLine("status: confirmed", "status: confirmed\ntitle: Envoys meet again")], [
            "Content/events/geneva-meeting.md:10:1: invalid YAML: duplicate field 'title' (keep one of them)",
            stopped(at: "parse"),
        ]),
        BadCase("a duplicate field inside a quote", [genevaLine("    source: wire-report", "    source: wire-report\n    by: boris-envoy")], [
            "Content/events/geneva-meeting.md:14:5: invalid YAML: duplicate field 'by' (keep one of them)",
            stopped(at: "parse"),
        ]),
        BadCase("a colon in a plain value", [genevaLine("title: Envoys meet in Geneva", "title: Talks: day one")], [
            "Content/events/geneva-meeting.md:2:13: invalid YAML: mapping values are not allowed in this context (quote values that contain ': ')",
            stopped(at: "parse"),
        ]),
        BadCase("a value starting with @", [genevaLine("title: Envoys meet in Geneva", "title: @envoy meets in Geneva")], [
            "Content/events/geneva-meeting.md:2:8: invalid YAML: found character that cannot start any token while scanning for the next token (put text that starts with @ in quotes)",
            stopped(at: "parse"),
        ]),
        BadCase("a value starting with * (read as an alias)", [genevaLine("title: Envoys meet in Geneva", "title: *Breaking* envoys meet")], [
            "Content/events/geneva-meeting.md:2:8: invalid YAML: did not find expected alphabetic or numeric character while scanning an alias (put text that starts with * in quotes)",
            stopped(at: "parse"),
        ]),
        BadCase("a list item where a field belongs", [genevaLine("status: confirmed", "- confirmed")], [
            "Content/events/geneva-meeting.md:9:1: invalid YAML: did not find expected key while parsing a block mapping (write 'field: value' lines, with list items indented under their field)",
            stopped(at: "parse"),
        ]),
        BadCase("a field name that is a list", [genevaLine("status: confirmed", "? [a, b]\n: c")], [
            "Content/events/geneva-meeting.md:9:3: field names must be plain words",
            stopped(at: "parse"),
        ]),
        BadCase("values nested 10,000 deep", [genevaLine("tags: [talks, diplomacy]", "tags: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000))], [
            "Content/events/geneva-meeting.md:8:8: invalid YAML: values are nested too deeply (a field holds text, a [list] or a list of mappings)",
            stopped(at: "parse"),
        ]),
        BadCase("no closing ---", [genevaLine("    source: wire-report\n---\n", "    source: wire-report\n")], [
            "Content/events/geneva-meeting.md:1:1: front matter is not closed (add a line '---' after the last field)",
            stopped(at: "parse"),
        ]),
        BadCase("no front matter at all", [.write(geneva, "Envoys met in Geneva.\n")], [
            "Content/events/geneva-meeting.md:1:1: the file does not start with front matter (begin it with a line '---', the fields, and another '---')",
            stopped(at: "parse"),
        ]),
        BadCase("an empty file", [.write(geneva, "")], [
            "Content/events/geneva-meeting.md:1:1: the file is empty (begin it with a line '---', the fields, and another '---')",
            stopped(at: "parse"),
        ]),
        BadCase("empty front matter", [.write(geneva, "---\n---\nEnvoys met in Geneva.\n")], [
            "Content/events/geneva-meeting.md:2:1: missing required field 'date' (add 'date: YYYY-MM-DD')",
            "Content/events/geneva-meeting.md:2:1: missing required field 'title' (add 'title: ...')",
            stopped(at: "parse", errors: 2),
        ]),
        BadCase("front matter that is a list", [.write(geneva, "---\n- title: Envoys meet in Geneva\n- date: 2025-11-23\n---\nBody.\n")], [
            "Content/events/geneva-meeting.md:2:1: front matter must be a mapping of fields, found a list (write 'field: value' lines)",
            stopped(at: "parse"),
        ]),
        BadCase("front matter that is one sentence", [.write(geneva, "---\nEnvoys meet in Geneva\n---\nBody.\n")], [
            "Content/events/geneva-meeting.md:2:1: front matter must be a mapping of fields, found text (write 'field: value' lines)",
            stopped(at: "parse"),
        ]),
        BadCase("front matter that is a number", [.write(geneva, "---\n2025\n---\nBody.\n")], [
            "Content/events/geneva-meeting.md:2:1: front matter must be a mapping of fields, found a number (write 'field: value' lines)",
            stopped(at: "parse"),
        ]),
    ]

    @Test(arguments: cases)
    func refused(_ bad: BadCase) throws {
        BadInput.expectRefused(try BadInput.run(bad.changes), bad.expected)
    }

    /// Aliases that would expand to 9^30 values ("billion laughs") are
    /// not expanded: the build refuses the shape at once. Each entry of
    /// `tags` is the list anchored as a28, and is reported where that list
    /// is written (line 36); the nine identical reports are one line.
    @Test func anAliasBombIsRefusedQuickly() throws {
        var lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for level in 1..<30 {
            lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]")
        }
        let started = Date()
        let run = try BadInput.run([Self.genevaLine("tags: [talks, diplomacy]", lines.joined(separator: "\n") + "\ntags: *a29")], arguments: ["--quiet"])
        BadInput.expectRefused(run, [
            "Content/events/geneva-meeting.md:36:6: each entry of 'tags' must be a slug, found a list (write tags: [a-slug, another-slug])",
            stopped(at: "parse"),
        ])
        #expect(Date().timeIntervalSince(started) < 30)
    }
}
