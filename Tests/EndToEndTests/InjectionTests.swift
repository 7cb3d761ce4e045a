import CLibXML2
import Foundation
import Testing
@testable import TimelineKit

/// No content injects into a page (issue 7, item 2). The `hostile-story`
/// fixture fills every text field (site title, description and author; event
/// title, body, quote, dispute and claims; person name, role and country;
/// place name and country; document title; article title, outlet and byline)
/// with the same payload after a label naming the field, and its bodies hold
/// `javascript:` links and raw HTML. The build must succeed; then every file
/// it wrote is read the way its consumer reads it, and must carry the payload
/// as text and nothing that runs.
@Suite struct InjectionTests {
    /// Breaks out of text, of a double- or single-quoted attribute, of a
    /// script element and of CDATA, and asks Mustache to render a variable.
    static let payload = #"<script>alert(1)</script> "><img src=x onerror=alert(1)> </script><script>alert(2)</script> ]]> {{title}} {{{bodyHTML}}} ' onmouseover='alert(4)"#
    static func labelled(_ label: String) -> String { label + " " + payload }
    /// The CRLF event's title as YAML reads `"CRLF title\r\nX-INJECTED: yes\r\nBEGIN:VEVENT"`.
    static let crlfTitle = "CRLF title\r\nX-INJECTED: yes\r\nBEGIN:VEVENT"

    /// Built once per test run.
    static let site: URL = {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("timeline-hostile-\(getpid())")
        try? FileManager.default.removeItem(at: output)
        let outcome = try? TimelineCLI.run(
            ["build", "--content", TimelineCLI.fixtures.appendingPathComponent("hostile-story").path,
             "--templates", TimelineCLI.packageRoot.appendingPathComponent("Templates").path,
             "--output", output.path, "--quiet"],
            in: FileManager.default.temporaryDirectory)
        precondition(outcome?.status == 0, "hostile-story failed to build: \(outcome?.stderr ?? "no process")")
        return output
    }()

    static func page(_ relative: String) throws -> HTMLPage { try HTMLPage(site.appendingPathComponent(relative)) }

    // MARK: The whole site

    @Test func theHostileStoryBuildsAndWritesEveryPage() {
        let files = filesBelow(Self.site)
        #expect(files.filter { $0.hasSuffix(".html") }.count == 19)
        for name in ["feed.xml", "feed.json", "search.json", "timeline.json", "timeline.ics", "sitemap.xml", "changes.xml"] {
            #expect(files.contains(name), "\(name) missing")
        }
    }

    /// Every file written is one these tests read: pages, the machine
    /// files, robots.txt, and assets copied untouched from Templates/assets/.
    @Test func everyFileWrittenIsCheckedHere() throws {
        let machine: Set = ["feed.xml", "feed.json", "search.json", "timeline.json", "timeline.ics", "sitemap.xml", "changes.xml"]
        for file in filesBelow(Self.site) {
            if file.hasSuffix(".html") || machine.contains(file) { continue }
            if file == "robots.txt" {
                #expect(try String(contentsOf: Self.site.appendingPathComponent(file), encoding: .utf8)
                    == "User-agent: *\nAllow: /\n\nSitemap: https://example.org/hostile/sitemap.xml\n")
            } else if file.hasPrefix("assets/") {
                let original = TimelineCLI.packageRoot.appendingPathComponent("Templates/\(file)")
                #expect(try Data(contentsOf: Self.site.appendingPathComponent(file)) == Data(contentsOf: original), "\(file)")
            } else if file.hasPrefix("media/cards/") {
                // Hostile titles drawn as Pango markup: escaped, each card is a whole 1200×630 PNG.
                let header = try ImageCodec.header(Array(Data(contentsOf: Self.site.appendingPathComponent(file))))
                #expect(header.loader.lowercased().contains("png") && header.width == 1200 && header.height == 630, "\(file)")
            } else {
                Issue.record("\(file) is written but no test here reads it")
            }
        }
    }

    /// Every page, parsed as a browser would: nothing that runs.
    @Test func noPageCarriesAnythingExecutable() throws {
        let pages = filesBelow(Self.site).filter { $0.hasSuffix(".html") }
        var scripts = 0
        for page in pages {
            let data = try Data(contentsOf: Self.site.appendingPathComponent(page))
            let tree = try MarkupTree(html: data, name: page)
            let problems = ExecutableContent.problems(in: tree)
            #expect(problems.isEmpty, "\(page): \(problems)")
            scripts += tree.elements.filter { $0.name == "script" }.count
            // Belt and braces on the raw bytes: no payload markup survives unescaped.
            let raw = String(decoding: data, as: UTF8.self)
            for markup in ["<script>alert", "<img src=x", "<iframe", "<object", "<embed", "javascript:alert(3)"] {
                #expect(!raw.contains(markup), "\(page) contains \(markup)")
            }
        }
        #expect(scripts > 0)
    }

    /// Each JSON-LD block is JSON, and the payload in it is data, intact.
    @Test func jsonLDParsesAndHoldsThePayloadAsData() throws {
        for page in filesBelow(Self.site).filter({ $0.hasSuffix(".html") }) {
            let tree = try MarkupTree(html: Data(contentsOf: Self.site.appendingPathComponent(page)), name: page)
            for script in tree.elements where script.name == "script" && script["type"] == "application/ld+json" {
                let value = try JSONSerialization.jsonObject(with: Data(script.text.utf8))
                #expect(value is [String: Any], "\(page)")
            }
        }
        let event = try jsonLD(of: "events/everything/index.html")
        #expect(event["name"] as? String == Self.labelled("Event"))
        #expect((event["location"] as? [String: Any])?["name"] as? String == Self.labelled("Place"))
        #expect(((event["attendee"] as? [[String: Any]])?.first)?["name"] as? String == Self.labelled("Person"))
        let article = try jsonLD(of: "articles/first-report/index.html")
        #expect(article["headline"] as? String == Self.labelled("Article"))
    }

    private func jsonLD(of page: String) throws -> [String: Any] {
        let tree = try MarkupTree(html: Data(contentsOf: Self.site.appendingPathComponent(page)), name: page)
        let script = try #require(tree.elements.first { $0.name == "script" && $0["type"] == "application/ld+json" })
        return try #require(try JSONSerialization.jsonObject(with: Data(script.text.utf8)) as? [String: Any])
    }

    // MARK: Visible, inert text

    /// The payload is shown as the text it is, where each field appears.
    @Test func eachFieldShowsThePayloadAsText() throws {
        let event = try Self.page("events/everything/index.html")
        #expect(event.text("//h1") == Self.labelled("Event"))
        #expect(event.text("//title")?.hasPrefix(Self.labelled("Event")) == true)
        #expect(event.attributes("//meta[@property='og:title']", "content") == [Self.labelled("Event")])
        #expect(event.text("//a[@class='site-title']") == Self.labelled("Site"))
        #expect(event.text("//p[@class='event-meta']/a") == Self.labelled("Place"))
        #expect(event.text("//section[@class='dispute']/h3") == Self.labelled("Dispute"))
        #expect(event.texts("//section[@class='dispute']//blockquote/p") == [Self.labelled("Claim one"), Self.labelled("Claim two")])
        #expect(event.texts("//figure[@class='quote']/blockquote/p") == [Self.labelled("Quote")])
        #expect(event.texts("//dl[@class='facts']//li").first == Self.labelled("Person") + ", " + Self.labelled("Role"))
        #expect(event.texts("//dl[@class='facts']//a[contains(@href, 'documents/')]") == [Self.labelled("Document"), Self.labelled("Revised")])
        #expect(event.texts("//dl[@class='facts']//a[contains(@href, 'articles/')]").first == Self.labelled("Article"))
        #expect(event.count("//img[@onerror] | //*[@onmouseover]") == 0)

        let person = try Self.page("people/envoy/index.html")
        #expect(person.text("//h1") == Self.labelled("Person"))
        #expect(person.text("//main")?.contains(Self.labelled("Country")) == true)
        let place = try Self.page("places/city/index.html")
        #expect(place.text("//h1") == Self.labelled("Place"))
        #expect(place.text("//main")?.contains(Self.labelled("Land")) == true)
        #expect(try Self.page("documents/plan/index.html").text("//h1") == Self.labelled("Document"))
        let article = try Self.page("articles/first-report/index.html")
        #expect(article.text("//h1") == Self.labelled("Article"))
        let articleText = article.text("//main") ?? ""
        for label in ["Outlet", "Byline"] {
            #expect(articleText.contains(Self.labelled(label)), "\(label) not shown on the article page")
        }
        // The address, with its & and ', comes back from the attribute intact.
        #expect(article.attributes("//main//a[starts-with(@href, 'https://example.org/story')]", "href")
            == ["https://example.org/story?a=1&b='onmouseover=alert(12)"])

        let index = try Self.page("index.html")
        #expect(index.text("//h1") == Self.labelled("Site"))
        #expect(index.attributes("//meta[@name='description']", "content") == [Self.labelled("Description")])
        #expect(index.texts("//select[@name='person']/option").contains(Self.labelled("Person")))
    }

    /// Line breaks in a title are white space on a page, nothing more.
    @Test func aTitleWithLineBreaksStaysOneHeading() throws {
        let page = try Self.page("events/crlf-title/index.html")
        #expect(page.texts("//h1") == ["CRLF title X-INJECTED: yes BEGIN:VEVENT"])
        #expect(page.count("//meta[@http-equiv]") == 0)
    }

    /// Bodies go through cmark's safe mode: `javascript:` and `data:` links
    /// lose their address, raw HTML is dropped, escaped markup stays text,
    /// and `{{…}}` in a body is printed, never rendered by Mustache.
    @Test func markdownBodiesAreSafe() throws {
        let event = try Self.page("events/everything/index.html")
        let body = "//div[@class='body']"
        #expect(event.attributes("\(body)//a", "href") == ["", "", "", "", "https://example.org/"])
        #expect(event.texts("\(body)//a") == ["click me", "CLICK", "data", "javascript:alert(7)", "titled"])
        #expect(event.attributes("\(body)//img", "src") == [""])
        #expect(event.attributes("\(body)//a[@title]", "title") == ["\"><script>alert(9)</script>"])
        #expect(event.count("\(body)//iframe | \(body)//script | \(body)//object | \(body)//embed | \(body)//b") == 0)
        #expect(event.texts("\(body)/p").contains("Inline and raw link and <b>escaped</b>."))
        #expect(event.texts("\(body)/p").contains("Mustache in the body: {{title}} and {{{bodyHTML}}} and {{#people}}x{{/people}}."))
    }

    /// Raw HTML is suppressed because the site did not opt in: with
    /// `unsafe_html: true` the same body keeps its iframe.
    @Test func rawHTMLComesThroughOnlyWhenTheSiteAllowsIt() throws {
        let workspace = try Workspace(fixture: "hostile-story")
        try workspace.edit("Content/site.yml", replacing: "language: en", with: "language: en\nunsafe_html: true")
        let outcome = try workspace.build(["--quiet"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let page = try HTMLPage(workspace.folder.path("Public/events/everything/index.html"))
        #expect(page.count("//div[@class='body']//iframe") == 1)
    }

    // MARK: Machine-readable files

    /// search.json and feed.json hold the payload as plain strings: the
    /// filter script and feed readers treat them as text.
    @Test(arguments: ["search.json", "feed.json"])
    func jsonFilesParseAndHoldThePayloadAsData(file: String) throws {
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: Self.site.appendingPathComponent(file)))
        let strings = Self.strings(in: json)
        #expect(strings.contains(Self.labelled("Event")), "\(file) lost the event title")
        #expect(strings.contains(Self.crlfTitle), "\(file) lost the line breaks in a title")
        if file == "feed.json" {
            #expect(strings.contains(Self.labelled("Site")))
            #expect(strings.contains(Self.labelled("Author")))
            // content_html is HTML a reader renders: nothing in it may run.
            let items = (json as? [String: Any])?["items"] as? [[String: Any]] ?? []
            #expect(items.count == 3)
            for item in items {
                let html = try #require(item["content_html"] as? String)
                let problems = ExecutableContent.problems(in: try MarkupTree(html: Data(html.utf8), name: "feed.json"))
                #expect(problems.isEmpty, "\(problems)")
            }
        }
    }

    /// TimelineJS3 renders headlines and texts as HTML: there the payload
    /// is escaped once, and decodes back to the text.
    @Test func timelineJSONEscapesThePayloadForTimelineJS() throws {
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: Self.site.appendingPathComponent("timeline.json"))) as? [String: Any])
        let events = try #require(json["events"] as? [[String: Any]])
        let headlines = events.compactMap { ($0["text"] as? [String: Any])?["headline"] as? String }
        #expect(headlines.map(Self.decodeEntities).contains(Self.labelled("Event")))
        for event in events {
            let text = event["text"] as? [String: Any] ?? [:]
            let html = "<h2>\(text["headline"] as? String ?? "")</h2>\(text["text"] as? String ?? "")"
            let tree = try MarkupTree(html: Data(html.utf8), name: "timeline.json")
            #expect(ExecutableContent.problems(in: tree).isEmpty, "\(ExecutableContent.problems(in: tree))")
            #expect(tree.elements.filter { $0.name == "h2" }.count == 1)
        }
    }

    /// Atom and the sitemap are well-formed XML (libxml2, no recovery), and
    /// the feed's titles read back as the payload.
    @Test(arguments: ["feed.xml", "sitemap.xml", "changes.xml"])
    func xmlFilesAreWellFormed(file: String) throws {
        let tree = try MarkupTree(xml: Data(contentsOf: Self.site.appendingPathComponent(file)), name: file)
        #expect(tree.elements.count > 3)
        if file == "changes.xml" {
            // The correction's text and its event's title read back as written.
            let contents = tree.elements.filter { $0.name == "content" }.map(\.text)
            #expect(contents.count == 1)
            #expect(contents.first?.hasSuffix(": " + Self.labelled("Correction")) == true)
            #expect(tree.elements.filter { $0.name == "title" }.map(\.text).contains("Correction: " + Self.labelled("Event")))
            return
        }
        guard file == "feed.xml" else { return }
        let titles = tree.elements.filter { $0.name == "title" }.map(\.text)
        #expect(titles.contains(Self.labelled("Site")))
        #expect(titles.contains(Self.labelled("Event")))
        // XML reads CR LF as LF.
        #expect(titles.contains("CRLF title\nX-INJECTED: yes\nBEGIN:VEVENT"))
        #expect(tree.elements.filter { $0.name == "name" }.map(\.text).contains(Self.labelled("Author")))
        for content in tree.elements where content.name == "content" {
            let problems = ExecutableContent.problems(in: try MarkupTree(html: Data(content.text.utf8), name: "feed.xml"))
            #expect(problems.isEmpty, "\(problems)")
        }
    }

    /// The calendar stays well-formed: CRLF only between lines, every line
    /// at most 75 octets, every content line NAME:VALUE, exactly one VEVENT
    /// per event, and the titles' line breaks escaped as `\n`, not new lines.
    @Test func theCalendarKeepsItsLines() throws {
        let bytes = Array(try Data(contentsOf: Self.site.appendingPathComponent("timeline.ics")))
        var physical: [[UInt8]] = []
        var line: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A {
                physical.append(line)
                line = []
                index += 2
                continue
            }
            #expect(bytes[index] != 0x0D && bytes[index] != 0x0A, "bare CR or LF at byte \(index)")
            line.append(bytes[index])
            index += 1
        }
        #expect(line.isEmpty, "the file does not end with CRLF")
        for raw in physical { #expect(raw.count <= 75, "\(String(decoding: raw, as: UTF8.self))") }
        // Unfold: a line starting with a space continues the one before.
        var logical: [String] = []
        for raw in physical {
            let text = String(decoding: raw, as: UTF8.self)
            if text.hasPrefix(" "), !logical.isEmpty { logical[logical.count - 1] += text.dropFirst() } else { logical.append(text) }
        }
        for content in logical {
            #expect(content.range(of: #"^[A-Z][A-Z0-9-]*(;[^:]*)?:"#, options: .regularExpression) != nil, "not NAME:VALUE: \(content)")
            #expect(!content.hasPrefix("X-INJECTED"))
        }
        #expect(logical.filter { $0 == "BEGIN:VEVENT" }.count == 3)
        let summaries = logical.filter { $0.hasPrefix("SUMMARY:") }.map { Self.unescapeICalendar(String($0.dropFirst(8))) }
        #expect(summaries.contains(Self.labelled("Event")))
        #expect(summaries.contains("CRLF title\nX-INJECTED: yes\nBEGIN:VEVENT"))
        let names = logical.filter { $0.hasPrefix("NAME:") }.map { Self.unescapeICalendar(String($0.dropFirst(5))) }
        #expect(names == [Self.labelled("Site")])
    }

    // MARK: Addresses

    /// `url` fields reach `href`s, so only http and https are accepted.
    @Test(arguments: ["javascript:alert(1)", "\"data:text/html,<script>alert(1)</script>\"", "\"  JaVaScRiPt:alert(1)\""])
    func aURLThatWouldRunIsAnError(url: String) throws {
        let run = try BadInput.run([.replace("Content/articles/wire-report.md", "url: https://example.org/wire/geneva", with: "url: \(url)")])
        BadInput.expectRefused(run, [
            "Content/articles/wire-report.md:6:1: 'url' must be an http or https address (e.g. https://example.org/story)",
            stopped(at: "parse"),
        ])
    }

    /// Tags are slugs: markup there is refused, with the slug it could be.
    @Test func aPayloadInATagIsRefused() throws {
        let run = try BadInput.run([.replace("Content/events/geneva-meeting.md", "tags: [talks, diplomacy]", with: "tags: ['<script>alert(1)</script>', '{{title}}']")])
        BadInput.expectRefused(run, [
            "Content/events/geneva-meeting.md:8:8: '<script>alert(1)</script>' in tags is not a valid slug (did you mean 'script-alert-1-script'?)",
            "Content/events/geneva-meeting.md:8:37: '{{title}}' in tags is not a valid slug (did you mean 'title'?)",
            stopped(at: "parse", errors: 2),
        ])
    }

    // MARK: Helpers

    static func strings(in json: Any) -> [String] {
        switch json {
        case let s as String: return [s]
        case let a as [Any]: return a.flatMap(strings)
        case let d as [String: Any]: return d.keys.sorted().flatMap { strings(in: d[$0]!) }
        default: return []
        }
    }

    static func decodeEntities(_ text: String) -> String {
        var out = text
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&apos;", "'"), ("&#39;", "'"), ("&amp;", "&")] {
            out = out.replacingOccurrences(of: entity, with: character)
        }
        return out
    }

    /// RFC 5545 TEXT: `\\`, `\;`, `\,`, `\n`.
    static func unescapeICalendar(_ value: String) -> String {
        var out = ""
        var escaped = false
        for character in value {
            if escaped {
                out.append(character == "n" || character == "N" ? "\n" : character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                out.append(character)
            }
        }
        return out
    }
}

/// Every element of a document parsed by libxml2: names, attributes and
/// text, for rules no XPath expresses neatly (any attribute named `on…`).
struct MarkupTree {
    struct Element {
        let name: String
        let attributes: [(name: String, value: String)]
        /// All text inside, as parsed (entities decoded).
        let text: String
        subscript(name: String) -> String? { attributes.first { $0.name == name }?.value }
    }

    struct ParseError: Error, CustomStringConvertible {
        let name: String
        var description: String { "\(name) is not well-formed" }
    }

    let elements: [Element]

    /// HTML, as tolerant as a browser.
    init(html: Data, name: String) throws {
        let options = Int32(HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue)
        let document = html.withUnsafeBytes { bytes in
            htmlReadMemory(bytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(bytes.count), name, "UTF-8", options)
        }
        guard let document else { throw ParseError(name: name) }
        defer { xmlFreeDoc(document) }
        elements = Self.walk(document)
    }

    /// XML, strictly: a document that is not well-formed is an error.
    init(xml: Data, name: String) throws {
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let document = xml.withUnsafeBytes { bytes in
            xmlReadMemory(bytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(bytes.count), name, nil, options)
        }
        guard let document else { throw ParseError(name: name) }
        defer { xmlFreeDoc(document) }
        elements = Self.walk(document)
    }

    private static func walk(_ document: xmlDocPtr) -> [Element] {
        var elements: [Element] = []
        var stack: [xmlNodePtr] = []
        if let root = xmlDocGetRootElement(document) { stack.append(root) }
        while let node = stack.popLast() {
            var child = node.pointee.children
            var children: [xmlNodePtr] = []
            while let next = child {
                children.append(next)
                child = next.pointee.next
            }
            stack.append(contentsOf: children.reversed())
            guard node.pointee.type == XML_ELEMENT_NODE else { continue }
            var attributes: [(String, String)] = []
            var attribute = node.pointee.properties
            while let current = attribute {
                let attributeName = String(cString: current.pointee.name)
                var value = ""
                if let raw = xmlGetProp(node, current.pointee.name) {
                    value = String(cString: raw)
                    free(raw)
                }
                attributes.append((attributeName, value))
                attribute = current.pointee.next
            }
            var text = ""
            if let content = xmlNodeGetContent(node) {
                text = String(cString: content)
                free(content)
            }
            elements.append(Element(name: String(cString: node.pointee.name).lowercased(), attributes: attributes, text: text))
        }
        return elements
    }
}

/// What must not be in a page built from untrusted content.
enum ExecutableContent {
    static let forbiddenElements: Set = ["iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal"]
    static let addressAttributes: Set = [
        "href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "cite", "srcset",
        "ping", "manifest", "codebase", "longdesc", "usemap", "icon", "lowsrc", "dynsrc", "srcdoc",
    ]

    static func problems(in tree: MarkupTree) -> [String] {
        var problems: [String] = []
        for element in tree.elements {
            if element.name == "script" {
                let isData = element["type"] == "application/ld+json"
                let isFilter = element["src"].map { $0.hasSuffix("assets/filter.js") } ?? false
                if !(isData || isFilter) { problems.append("a script: \(element.attributes) \(element.text.prefix(60))") }
                if isFilter, !element.text.isEmpty { problems.append("inline code in the filter script element") }
            }
            if forbiddenElements.contains(element.name) { problems.append("a <\(element.name)>") }
            if element.name == "meta", element["http-equiv"]?.lowercased() == "refresh" { problems.append("a meta refresh") }
            if element.name == "style", looksExecutable(element.text) { problems.append("script in a style element") }
            for (name, value) in element.attributes {
                let lower = name.lowercased()
                if lower.hasPrefix("on") { problems.append("<\(element.name) \(name)=\"\(value)\">") }
                if addressAttributes.contains(lower), startsWithDangerousScheme(value) {
                    problems.append("<\(element.name) \(name)=\"\(value)\">")
                }
                if lower == "style", looksExecutable(value) { problems.append("<\(element.name) style=\"\(value)\">") }
            }
        }
        return problems
    }

    /// As a browser reads a URL: control characters and white space do not
    /// stop `java\tscript:` from being a scheme.
    static func startsWithDangerousScheme(_ value: String) -> Bool {
        let squeezed = String(value.unicodeScalars.filter { $0.value > 0x20 }).lowercased()
        return ["javascript:", "data:", "vbscript:"].contains { squeezed.hasPrefix($0) }
    }

    static func looksExecutable(_ css: String) -> Bool {
        let lower = css.lowercased()
        return lower.contains("javascript:") || lower.contains("expression(") || lower.contains("url(data:")
    }
}
