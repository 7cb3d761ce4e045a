import Testing
@testable import TimelineKit

@Suite struct FrontMatterTests {
    let path = "Content/events/moscow-meeting.md"

    func parse(_ text: String) -> (FrontMatter?, [String]) {
        let (frontMatter, diagnostics) = FrontMatter.parse(SourceFile(kind: .event, slug: "moscow-meeting", path: path, text: text))
        return (frontMatter, diagnostics.map(\.description))
    }

    @Test func splitsFieldsFromTheBodyAndKnowsTheBodyLine() throws {
        let (frontMatter, problems) = parse("---\ntitle: Talks\ndate: 2025-12-02\n---\nBody text.\n")
        #expect(problems == [])
        let result = try #require(frontMatter)
        #expect(result.fields.text("title") == "Talks")
        #expect(result.body == "Body text.\n")
        #expect(result.bodyLine == 5)
    }

    @Test(arguments: ["---\ntitle: Talks\n--- \t\nBody", "---\ntitle: Talks\n---\nBody"])
    func theClosingLineMayHaveTrailingBlanks(text: String) throws {
        let (frontMatter, _) = parse(text)
        #expect(try #require(frontMatter).body == "Body")
    }

    @Test func aFileMayEndRightAfterTheClosingLine() throws {
        let (frontMatter, problems) = parse("---\ntitle: Talks\n---")
        #expect(problems == [])
        #expect(try #require(frontMatter).body == "")
        #expect(frontMatter?.bodyLine == 4)
    }

    @Test func emptyFrontMatterHasNoFields() throws {
        let (frontMatter, problems) = parse("---\n---\n")
        #expect(problems == [])
        #expect(try #require(frontMatter).fields.node("title") == nil)
    }

    @Test func anEmptyFileIsAnError() {
        #expect(parse("").1 == [
            "\(path):1:1: the file is empty (begin it with a line '---', the fields, and another '---')",
        ])
    }

    @Test(arguments: ["title: Talks\n", "\n---\ntitle: Talks\n---\n", " ---\ntitle: Talks\n---\n"])
    func aFileMustStartWithFrontMatter(text: String) {
        #expect(parse(text).1 == [
            "\(path):1:1: the file does not start with front matter (begin it with a line '---', the fields, and another '---')",
        ])
    }

    @Test(arguments: ["---\ntitle: Talks\n\nBody\n", "---", "---\ntitle: Talks\n----\n"])
    func frontMatterMustBeClosed(text: String) {
        #expect(parse(text).1 == ["\(path):1:1: front matter is not closed (add a line '---' after the last field)"])
    }

    @Test func aListIsNotFrontMatter() {
        let (frontMatter, problems) = parse("---\n- title\n- date\n---\n")
        #expect(frontMatter == nil)
        #expect(problems == ["\(path):2:1: front matter must be a mapping of fields, found a list (write 'field: value' lines)"])
    }

    @Test func aScalarIsNotFrontMatter() {
        #expect(parse("---\nWitkoff meets Putin\n---\n").1 == [
            "\(path):2:1: front matter must be a mapping of fields, found text (write 'field: value' lines)",
        ])
    }

    /// The tab opens line 3 of the file (line 2 of the YAML): Yams points at
    /// it, and the line's tab earns the hint although libyaml's words do not say "tab".
    @Test func aTabIndentedListItemIsReportedWhereYamsFindsIt() {
        #expect(parse("---\npeople:\n\t- vladimir-putin\n---\n").1 == [
            "\(path):3:1: invalid YAML: found character that cannot start any token while scanning for the next token"
                + " (indent with spaces, not tabs)",
        ])
    }

    @Test func aTabIndentationIsReportedWhereYamsFindsIt() {
        #expect(parse("---\ntitle: Talks\n\tdate: 2025-12-02\n---\n").1 == [
            "\(path):3:1: invalid YAML: found a tab character that violates indentation while scanning a plain scalar"
                + " (indent with spaces, not tabs)",
        ])
    }

    /// Yams points at the opening quotation mark: line 2 of the file, column 8.
    @Test func anUnclosedQuoteIsReportedWhereYamsFindsIt() {
        #expect(parse("---\ntitle: \"Talks\ndate: 2025-12-02\n---\n").1 == [
            "\(path):2:8: invalid YAML: found unexpected end of stream while scanning a quoted scalar (close the quotation mark)",
        ])
    }

    /// Reported at the repeat (file line 4), the line to delete.
    @Test func duplicateFieldsAreAnError() {
        #expect(parse("---\ntitle: Talks\ndate: 2025-12-02\ntitle: Again\n---\n").1 == [
            "\(path):4:1: invalid YAML: duplicate field 'title' (keep one of them)",
        ])
    }

    /// A repeated key inside one quote is found in that quote, not in another.
    @Test func aDuplicateFieldInANestedMappingIsReportedAtItsRepeat() {
        let text = "---\nquotes:\n  - by: a\n    text: one\n  - by: b\n    text: two\n    by: c\n---\n"
        #expect(parse(text).1 == ["\(path):7:5: invalid YAML: duplicate field 'by' (keep one of them)"])
    }

    /// An unclosed flow list is reported where its [ opened.
    @Test func anUnclosedListIsReportedWhereItOpened() {
        let problems = parse("---\npeople: [vladimir-putin, yuri-ushakov\ndate: 2025-12-02\n---\n").1
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("\(path):2:9: invalid YAML: ") == true)
        #expect(problems.first?.hasSuffix(" (close the list with ])") == true)
    }

    @Test func anOpeningLineWithTrailingBlanksIsFrontMatter() {
        #expect(parse("---  \ntitle: Talks\n---\n").1.isEmpty)
    }

    @Test func aColonInAPlainValueIsExplained() {
        #expect(parse("---\ntitle: Talks: day one\n---\n").1 == [
            "\(path):2:13: invalid YAML: mapping values are not allowed in this context (quote values that contain ': ')",
        ])
    }
}
