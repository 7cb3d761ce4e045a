import Foundation
import Testing

/// `site.yml`, `url` fields and templates (see BadInputTests.swift). Broken
/// templates are written whole, so the lines asserted do not move when the
/// shipped templates change.
@Suite struct BadInputSiteTests {
    static let site = "Content/site.yml"
    static func siteLine(_ old: String, _ new: String) -> WorkspaceChange { .replace(site, old, with: new) }
    static let article = "Content/articles/wire-report.md"
    static func articleURL(_ url: String) -> WorkspaceChange { .replace(article, "url: https://example.org/wire/geneva", with: "url: \(url)") }

    static let settingsCases: [BadCase] = [
        BadCase("site.yml without title", [siteLine("title: \"Talks & Tensions\"\n", "")], [
            "Content/site.yml:1:1: missing required field 'title' (add 'title: ...')",
            stopped(at: "parse"),
        ]),
        BadCase("site.yml with an empty title", [siteLine("title: \"Talks & Tensions\"", "title:")], [
            "Content/site.yml:1:1: 'title' is empty (give it a value)",
            stopped(at: "parse"),
        ]),
        BadCase("an empty site.yml", [.write(site, "")], [
            "Content/site.yml:1:1: missing required field 'title' (add 'title: ...')",
            stopped(at: "parse"),
        ]),
        BadCase("site.yml that is a list", [.write(site, "- title: Talks\n- language: en\n")], [
            "Content/site.yml:1:1: site.yml must be a mapping of fields, found a list (write 'field: value' lines)",
            stopped(at: "parse"),
        ]),
        BadCase("site.yml with an unclosed quote", [siteLine("title: \"Talks & Tensions\"", "title: \"Talks & Tensions")], [
            "Content/site.yml:1:8: invalid YAML: the text quoted here runs on to line 2 (close the quotation mark on this line)",
            stopped(at: "parse"),
        ]),
        // An invalid base_url is one error, not also a warning that none is set.
        BadCase("a base_url without a scheme", [siteLine("base_url: https://example.org/talks", "base_url: example.org/talks")], [
            "Content/site.yml:5:1: 'base_url' must be an http or https address (e.g. https://example.org/story)",
            stopped(at: "parse"),
        ]),
        BadCase("a javascript: base_url", [siteLine("base_url: https://example.org/talks", "base_url: javascript:alert(1)")], [
            "Content/site.yml:5:1: 'base_url' must be an http or https address (e.g. https://example.org/story)",
            stopped(at: "parse"),
        ]),
        BadCase("a base_url with a space", [siteLine("base_url: https://example.org/talks", "base_url: \"https://example.org/ta lks\"")], [
            "Content/site.yml:5:1: 'base_url' must be an http or https address (e.g. https://example.org/story)",
            stopped(at: "parse"),
        ]),
        BadCase("a language that is not a BCP 47 tag", [siteLine("language: en-GB", "language: english_uk")], [
            "Content/site.yml:3:1: 'language' must be a BCP 47 tag (e.g. en, uk, en-GB)",
            stopped(at: "parse"),
        ]),
        BadCase("a number for language", [siteLine("language: en-GB", "language: 42")], [
            "Content/site.yml:3:11: 'language' must be text, found a number (put the value in quotes)",
            stopped(at: "parse"),
        ]),
        BadCase("yes for unsafe_html", [siteLine("author: Fixture Desk", "author: Fixture Desk\nunsafe_html: yes")], [
            "Content/site.yml:5:14: 'unsafe_html' must be true or false, found text",
            stopped(at: "parse"),
        ]),
    ]

    @Test(arguments: settingsCases)
    func badSettingsAreRefused(_ bad: BadCase) throws {
        BadInput.expectRefused(try BadInput.run(bad.changes), bad.expected)
    }

    /// `url` ends up in an `href`: only http and https addresses are let
    /// through (`javascript:` and `data:` are in InjectionTests).
    static let urlCases: [BadCase] = [
        BadCase("a quotation mark breaking out of href", [articleURL("'https://example.org/\"><script>alert(1)</script>'")], [
            "Content/articles/wire-report.md:6:1: 'url' must be an http or https address (e.g. https://example.org/story)",
            stopped(at: "parse"),
        ]),
        BadCase("protocol-relative", [articleURL("//example.org/story")], [
            "Content/articles/wire-report.md:6:1: 'url' must be an http or https address (e.g. https://example.org/story)",
            stopped(at: "parse"),
        ]),
    ]

    @Test(arguments: urlCases)
    func aURLThatIsNotHTTPIsRefused(_ bad: BadCase) throws {
        BadInput.expectRefused(try BadInput.run(bad.changes), bad.expected)
    }

    static let templateCases: [BadCase] = [
        BadCase("an unclosed tag", [.write("Templates/event.mustache", "{{<layout}}\n{{$main}}\n<h1>{{title}</h1>\n{{/main}}\n{{/layout}}\n")], [
            "Templates/event.mustache:3:5: template syntax error: a tag is not closed (check the {{...}} tags on this line)",
            stopped(at: "templates"),
        ]),
        BadCase("a section closed that was never opened", [.write("Templates/event.mustache", "{{<layout}}\n{{$main}}\n<h1>{{/title}}</h1>\n{{/main}}\n{{/layout}}\n")], [
            "Templates/event.mustache:3:5: template syntax error: 'title' is closed where section 'main' should be (check the {{...}} tags on this line)",
            stopped(at: "templates"),
        ]),
        // Where the unclosed {{#title}} opened, not the {{/main}} where the parser notices it.
        BadCase("a section opened and never closed", [.write("Templates/event.mustache", "{{<layout}}\n{{$main}}\n<h1>{{#title}}</h1>\n{{/main}}\n{{/layout}}\n")], [
            "Templates/event.mustache:3:5: template syntax error: section 'title' is opened but never closed (check the {{...}} tags on this line)",
            stopped(at: "templates"),
        ]),
        BadCase("a partial that does not exist", [.write("Templates/event.mustache", "{{<layout}}\n{{$main}}\n<h1>{{title}}</h1>\n  {{> event-detail}}\n{{/main}}\n{{/layout}}\n")], [
            "Templates/event.mustache:4:3: partial 'event-detail' not found (create event-detail.mustache beside it)",
            stopped(at: "templates"),
        ]),
        BadCase("a misspelt partial", [.write("Templates/event.mustache", "{{<layout}}\n{{$main}}\n{{> event-lst}}\n{{/main}}\n{{/layout}}\n")], [
            "Templates/event.mustache:3:1: partial 'event-lst' not found (did you mean 'event-list'?)",
            stopped(at: "templates"),
        ]),
        BadCase("a template that is not UTF-8", [.bytes("Templates/event.mustache", Array("{{<layout}}\n{{$main}}\n<h1>".utf8) + [0xC0, 0xAF] + Array("</h1>\n{{/main}}\n{{/layout}}\n".utf8))], [
            "Templates/event.mustache:3:5: the file is not valid UTF-8 (byte 0xC0) (save it as UTF-8)",
            stopped(at: "templates"),
        ]),
        BadCase("a missing page template", [.remove("Templates/404.mustache")], [
            "Templates/404.mustache: template not found (every page kind needs its template)",
            stopped(at: "templates"),
        ]),
    ]

    @Test(arguments: templateCases)
    func aBrokenTemplateIsReportedWithItsFileAndLine(_ bad: BadCase) throws {
        BadInput.expectRefused(try BadInput.run(bad.changes), bad.expected)
    }

    /// An asset the templates link to that Templates/assets/ lacks is a
    /// warning at the line that links to it; the site is still built. A
    /// link to another site's assets/ is not the site's own.
    @Test func anAssetTheTemplatesLinkToButLackIsAWarning() throws {
        let run = try BadInput.run([
            .remove("Templates/assets/filter.js"), .remove("Templates/assets/style.css"),
            .replace("Templates/layout.mustache", "<link rel=\"stylesheet\" href=\"{{stylesheet}}\">",
                     with: "<link rel=\"stylesheet\" href=\"{{stylesheet}}\"><link rel=\"icon\" href=\"https://example.org/assets/icon.png\">"),
        ])
        let hint = "add the file there, or every page using this template links to a missing file"
        BadInput.expectBuilt(run, warnings: [
            "Templates/index.mustache:4:22: warning: assets/filter.js is not in Templates/assets/ (\(hint))",
            "Templates/layout.mustache:32:30: warning: {{stylesheet}} links to assets/style.css, which is not in Templates/assets/ (\(hint))",
        ])
    }

    /// Content and template problems come in one run.
    @Test func contentAndTemplateErrorsAreReportedTogether() throws {
        let run = try BadInput.run([
            .replace("Content/events/geneva-meeting.md", "place: geneva", with: "place: genva"),
            .write("Templates/event.mustache", "{{<layout}}\n{{$main}}\n<h1>{{title}</h1>\n{{/main}}\n{{/layout}}\n"),
        ])
        BadInput.expectRefused(run, [
            "Content/events/geneva-meeting.md:4:8: unknown place 'genva' in place (did you mean 'geneva'?)",
            "Templates/event.mustache:3:5: template syntax error: a tag is not closed (check the {{...}} tags on this line)",
            stopped(at: "templates", errors: 2),
        ])
    }
}
