import Testing
@testable import TimelineTemplates

/// Templates swift-mustache rejects are rejected by ours, which also says
/// where the faulty tag, or the section left open, starts.
@Suite struct ErrorTests {
    @Test func unclosedSection() {
        expectRejected("{{#people}}\nx", line: 1, column: 1, .unclosedSection("people"))
        expectRejected("a\n  {{#a}}{{#b}}{{/b}}", line: 2, column: 3, .unclosedSection("a"))
        expectRejected("{{^empty(people)}}", line: 1, column: 1, .unclosedSection("empty(people)"))
        expectRejected("{{<layout}}\n{{$main}}x{{/main}}\n", line: 1, column: 1, .unclosedSection("layout"))
        // Closing an outer section names the inner one left open, where it opened.
        expectRejected("{{#a}}\n  {{#b}}x\n{{/a}}", line: 2, column: 3, .unclosedSection("b"))
        expectRejected("{{<layout}}\n{{$main}}\n<h1>{{#title}}</h1>\n{{/main}}\n{{/layout}}", line: 3, column: 5, .unclosedSection("title"))
    }

    @Test func closedWithWrongName() {
        expectRejected("{{#a}}\n{{/b}}", line: 2, column: 1, .closedWithWrongName(expected: "a", found: "b"))
        expectRejected("{{#empty(a)}}{{/a}}", line: 1, column: 14, .closedWithWrongName(expected: "empty(a)", found: "a"))
        expectRejected("x{{/a}}", line: 1, column: 2, .unexpectedClose("a"))
    }

    @Test func unclosedTag() {
        expectRejected("ab\n {{name", line: 2, column: 2, .unclosedTag)
        expectRejected("{{! never closed", line: 1, column: 1, .unclosedTag)
        // A `}}` only on a later line, or after another tag opens, closes some other tag.
        expectRejected("<h1>{{title}</h1>\n{{x}}", line: 1, column: 5, .unclosedTag)
        expectRejected("{{a {{b}}", line: 1, column: 1, .unclosedTag)
        expectRejected("{{{a}}", line: 1, column: 1, .missingClosingBrace)
    }

    @Test func invalidNames() {
        expectRejected("x {{a b}}", line: 1, column: 3, .invalidName("a b"))
        expectRejected("{{first(}}", line: 1, column: 1, .invalidName("first("))
        expectRejected("{{a(b))}}", line: 1, column: 1, .invalidName("a(b))"))
        expectRejected("{{a()b}}", line: 1, column: 1, .invalidName("a()b"))
    }

    /// swift-mustache reads a delimiter's worth of characters whenever it meets
    /// the delimiter's first character, and fails when too few are left.
    @Test func truncatedDelimiter() {
        expectRejected("a{", line: 1, column: 2, .truncatedDelimiter)
        expectRejected("{{=<% %>=}}x<", line: 1, column: 13, .truncatedDelimiter)
    }

    @Test func otherTags() {
        expectRejected("{{=<%>=}}", line: 1, column: 1, .invalidDelimiters)
        expectRejected("{{= a =}}", line: 1, column: 1, .invalidDelimiters)
        expectRejected("{{$a(b)}}{{/a(b)}}", line: 1, column: 1, .transformOnBlock("b"))
        expectRejected("{{<p}}\n{{x}}{{/p}}", line: 1, column: 1, .illegalContentInParent("p"))
        expectRejected("{{<p}}{{%CONTENT_TYPE: TEXT}}{{/p}}", line: 1, column: 1, .illegalContentInParent("p"))
        expectRejected("{{%CONTENT_TYPE HTML}}", line: 1, column: 1, .invalidPragma)
        expectRejected("{{%CONTENT_TYPE: XML}}", line: 1, column: 1, .unknownPragma("CONTENT_TYPE: XML"))
        expectRejected("{{%OTHER: HTML}}", line: 1, column: 1, .unknownPragma("OTHER: HTML"))
    }

    /// Not in swift-mustache, which recurses without limit.
    @Test func nestingIsBounded() {
        let deep = String(repeating: "{{#a}}", count: 10_000) + String(repeating: "{{/a}}", count: 10_000)
        #expect(throws: TemplateError.self) { try Template(name: "deep", source: deep) }
        let fine = String(repeating: "{{#a}}", count: 50) + "x" + String(repeating: "{{/a}}", count: 50)
        #expect((try? Template(name: "fine", source: fine)) != nil)
    }

    @Test func libraryCollectsEveryError() {
        #expect(throws: TemplateErrors(errors: [
            TemplateError(template: "a", line: 1, column: 1, kind: .unexpectedClose("y")),
            TemplateError(template: "b", line: 1, column: 1, kind: .unclosedSection("x")),
        ])) {
            try TemplateLibrary(templates: ["b": "{{#x}}", "a": "{{/y}}", "c": "ok"])
        }
        let error = TemplateError(template: "t", line: 3, column: 4, kind: .unclosedSection("people"))
        #expect(error.message == "section 'people' is opened but never closed")
        #expect(error.description == "t:3:4: section 'people' is opened but never closed")
    }
}
