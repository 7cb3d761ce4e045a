import Testing
@testable import TimelineKit

/// Markdown through the real libcmark.
@Suite struct MarkdownTests {
    func html(_ text: String, rawHTML: Bool = false) -> String {
        Markdown(allowsRawHTML: rawHTML).render(text).html
    }

    @Test(arguments: [
        ("\"Quoted\" and 'single'", "<p>\u{201C}Quoted\u{201D} and \u{2018}single\u{2019}</p>\n"),
        ("It's 1--2 -- or---not...", "<p>It\u{2019}s 1\u{2013}2 \u{2013} or\u{2014}not\u{2026}</p>\n"),
    ])
    func punctuationIsSmart(text: String, expected: String) {
        #expect(html(text) == expected)
    }

    @Test func codeKeepsStraightQuotes() {
        #expect(html("`\"x\" -- y`") == "<p><code>&quot;x&quot; -- y</code></p>\n")
    }

    @Test(arguments: [
        ("<script>alert(1)</script>\n", "<!-- raw HTML omitted -->\n"),
        ("Hello <b>world</b>", "<p>Hello <!-- raw HTML omitted -->world<!-- raw HTML omitted --></p>\n"),
    ])
    func rawHTMLIsSuppressedByDefault(text: String, expected: String) {
        #expect(html(text) == expected)
    }

    @Test func rawHTMLPassesWhenTheSiteAllowsIt() {
        #expect(html("Hello <b>world</b>", rawHTML: true) == "<p>Hello <b>world</b></p>\n")
    }

    @Test func dangerousLinksAreEmptiedByDefault() {
        #expect(html("[x](javascript:alert(1))") == "<p><a href=\"\">x</a></p>\n")
    }

    @Test func rewritesLinkAndImageDestinations() {
        let rendered = Markdown().render("[plan](../documents/plan.md) ![map](map.png) [web](https://example.org)") { link in
            link.destination.hasSuffix(".md") ? "../../documents/plan/index.html" : nil
        }
        #expect(rendered.html == "<p><a href=\"../../documents/plan/index.html\">plan</a> <img src=\"map.png\" alt=\"map\" />"
            + " <a href=\"https://example.org\">web</a></p>\n")
    }

    @Test func offersEachLinkWithItsLineAndColumn() {
        var seen: [Markdown.Link] = []
        _ = Markdown().render("Intro.\n\nSee [the plan](plan.md) and\n> [Putin](../people/putin.md).") { link in
            seen.append(link)
            return nil
        }
        #expect(seen == [
            Markdown.Link(destination: "plan.md", line: 3, column: 5),
            Markdown.Link(destination: "../people/putin.md", line: 4, column: 3),
        ])
    }

    @Test(arguments: [
        ("First *para*\ngraph with `code`.\n\nSecond.", "First para graph with code."),
        ("# Heading\n\n> Quoted.\n\nThe \"first\" one.", "The \u{201C}first\u{201D} one."),
        ("- a list\n", ""),
        ("", ""),
    ])
    func theSummaryIsTheFirstParagraphAsText(text: String, summary: String) {
        #expect(Markdown().render(text).summary == summary)
    }

    @Test func deeplyNestedBlockquotesDoNotCrash() {
        let text = String(repeating: "> ", count: 100_000) + "deep"
        let rendered = Markdown().render(text)
        #expect(rendered.html.hasSuffix("<p>deep</p>\n" + String(repeating: "</blockquote>\n", count: 100_000)))
        #expect(rendered.summary == "")
    }
}
