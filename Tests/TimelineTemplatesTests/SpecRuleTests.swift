import Testing
@testable import TimelineTemplates

/// One test per rule of the dialect: each asserts the exact bytes ours renders
/// and that swift-mustache 2.1.1 renders the same.
@Suite struct SpecRuleTests {
    @Test func interpolation() {
        expectRender("Hello {{name}}!", ["name": "World"], "Hello World!")
        expectRender("{{ name }}|{{missing}}|", ["name": "x"], "x||")
    }

    @Test func htmlEscaping() {
        expectRender("{{h}}|{{{h}}}|{{& h}}", ["h": "& < > \" ' é"], "&amp; &lt; &gt; &quot; &#39; é|& < > \" ' é|& < > \" ' é")
    }

    /// swift-mustache compares Characters: a `<` carrying a combining mark is one
    /// grapheme, not "<", and is left unescaped.
    @Test func escapingLeavesCombinedCharacters() {
        expectRender("{{h}}", ["h": "<\u{301}>&\u{0600}<"], "<\u{301}&gt;&amp;\u{0600}<")
    }

    @Test func howValuesPrint() {
        expectRender("{{i}} {{n}} {{d}} {{e}} {{b}} {{f}}", ["i": 42, "n": -7, "d": 1.5, "e": 1e20, "b": true, "f": false], "42 -7 1.5 1e+20 true false")
        expectRender("{{l}}", ["l": [1, "a\"b", 2.0, false, [3]]], "[1, &quot;a\\&quot;b&quot;, 2.0, false, [3]]")
        expectRender("{{{m}}}|{{{e}}}", ["m": ["k": 1], "e": .map([:])], "[\"k\": 1]|[:]")
    }

    @Test func writerPrintsItsBytes() {
        let w = TemplateValue.writer(TemplateWriter { $0.append(contentsOf: Array("<b>".utf8)) })
        expectRender("{{w}}|{{{w}}}|{{#w}}yes{{/w}}{{^w}}no{{/w}}", ["w": w], "&lt;b&gt;|<b>|yes")
    }

    @Test func deferredIsTheValueItMakes() {
        let d = TemplateValue.deferred(TemplateDeferred { ["name": "late"] })
        expectRender("{{#d}}{{name}}{{/d}}|{{d.name}}|{{count(l)}}", ["d": d, "l": [d, d]], "late|late|2")
    }

    /// swift-mustache: the empty string, 0 and the empty map are true; the
    /// empty list, false and absent are false.
    @Test func sectionTruthiness() {
        let context: TemplateValue = ["e": "", "z": 0, "el": [], "em": .map([:]), "n": nil, "f": false, "t": true]
        expectRender("{{#e}}E{{/e}}{{#z}}Z{{/z}}{{#el}}L{{/el}}{{#em}}M{{/em}}{{#n}}N{{/n}}{{#f}}F{{/f}}{{#t}}T{{/t}}{{#x}}X{{/x}}", context, "EZMT")
        expectRender("{{^e}}E{{/e}}{{^z}}Z{{/z}}{{^el}}L{{/el}}{{^em}}M{{/em}}{{^n}}N{{/n}}{{^f}}F{{/f}}{{^t}}T{{/t}}{{^x}}X{{/x}}", context, "LNFX")
    }

    /// An inverted section over an empty list pushes the list.
    @Test func invertedEmptyListPushesIt() {
        expectRender("{{^l}}[{{.}}]{{/l}}", ["l": []], "[[]]")
    }

    @Test func listsIterate() {
        expectRender("{{#l}}[{{.}}]{{/l}}", ["l": [1, 2, 3]], "[1][2][3]")
        expectRender("{{#people}}{{name}} of {{town}};{{/people}}", ["town": "Ely", "people": [["name": "Ann"], ["name": "Bo", "town": "Diss"]]], "Ann of Ely;Bo of Diss;")
        expectRender("{{#l}}{{#.}}({{.}}){{/.}}{{/l}}", ["l": [[1, 2], [], [3]]], "(1)(2)(3)")
    }

    /// Timeline's `{{#summary}}<p>{{summary}}</p>{{/summary}}`: the string is
    /// pushed but has no children, so `summary` is found below it.
    @Test func sectionOverText() {
        expectRender("{{#summary}}<p>{{summary}}|{{.}}</p>{{/summary}}", ["summary": "A&B"], "<p>A&amp;B|A&amp;B</p>")
    }

    @Test func dottedNames() {
        let context: TemplateValue = ["a": ["b": ["c": 1]], "x": ["c": 2], "c": 3]
        expectRender("{{a.b.c}}|{{a.x.c}}|{{#a}}{{b.c}}{{x.c}}{{/a}}|{{a.b}}", context, "1||12|[&quot;c&quot;: 1]")
        // A leading dot looks only at the top of the stack.
        expectRender("{{#a}}{{.c}}|{{c}}|{{.b.c}}{{/a}}", context, "|3|1")
    }

    @Test func nullIsAbsent() {
        expectRender("{{#inner}}[{{name}}]{{/inner}}", ["name": "outer", "inner": ["name": nil]], "[outer]")
        expectRender("{{#l}}({{.}}){{/l}}", ["l": [nil, 1]], "()(1)")
    }

    @Test func implicitIteratorAndEmptyName() {
        expectRender("{{#l}}{{.}},{{/l}}", ["l": ["a", "b"]], "a,b,")
        // swift-mustache: `{{}}` is the top of the stack, like `{{.}}`.
        expectRender("{{#l}}{{}}{{/l}}", ["l": ["a", "b"]], "ab")
    }

    @Test func comments() {
        expectRender("a{{! comment }}b\n  {{! standalone }}\nc{{!\nmulti\nline}}", [:], "ab\nc")
    }

    @Test func setDelimiters() {
        expectRender("{{=<% %>=}}<% a %>{{a}}<%={{ }}=%>{{a}}", ["a": 1], "1{{a}}1")
        expectRender("[\n{{=| |=}}\n|#l|(|.|)|/l|\n]", ["l": [1]], "[\n(1)\n]")
    }

    @Test func standaloneLines() {
        expectRender("x\n  {{#s}}\n  y\n  {{/s}}\nz\n", ["s": true], "x\n  y\nz\n")
        expectRender("x\r\n{{#s}}\r\ny\r\n{{/s}}\r\n", ["s": true], "x\r\ny\r\n")
        expectRender("  {{#s}}y{{/s}}  \n", ["s": true], "  y  \n")
        // swift-mustache drops whitespace at the very end of a template, and
        // an opening delimiter at the very end.
        expectRender("a\n   ", [:], "a\n")
        expectRender("a{{", [:], "a")
    }

    /// swift-mustache emits a standalone partial's indentation as text, then
    /// indents the partial's later lines; a partial rendering nothing leaves the
    /// indentation behind (the spec would drop the line). It breaks the spec's
    /// "Standalone Indentation" rule inside sections: each section renders as one
    /// piece, so only its first line is indented (`  x` then `y`). We follow it.
    @Test func partialIndentation() {
        let partials = ["p": "1\n{{#l}}\n{{.}}\n{{/l}}2", "empty": ""]
        expectRender("a\n  {{>p}}\nb", ["l": ["x", "y"]], "a\n  1\n  x\ny\n  2b", partials: partials)
        expectRender("a\n  {{>empty}}\nb", [:], "a\n  b", partials: partials)
        expectRender("a {{>p}} b", ["l": []], "a 1\n2 b", partials: partials)
        expectRender("{{>missing}}|", [:], "|", partials: partials)
    }

    @Test func dynamicPartials() {
        expectRender("{{>*which}}|{{>*none}}|{{>*v}}", ["which": "p", "v": 1], "P1||", partials: ["p": "P{{v}}"])
        expectRender("{{<*which}}{{$b}}over{{/b}}{{/*which}}", ["which": "p"], "[over]", partials: ["p": "[{{$b}}default{{/b}}]"])
        let writer = TemplateValue.writer(TemplateWriter { $0.append(contentsOf: Array("p".utf8)) })
        expectRender("{{>*which}}", ["which": writer, "v": 2], "P2", partials: ["p": "P{{v}}"])
    }

    /// swift-mustache indents a standalone `{{$block}}`'s content by the tag's
    /// indentation on top of the content's own (`    nothing`), where the spec
    /// keeps the content as written. We follow it.
    @Test func inheritance() {
        let layout = "<title>{{$title}}Default{{/title}}</title>\n<main>\n  {{$main}}\n  nothing\n  {{/main}}\n</main>\n"
        expectRender("{{<layout}}{{$title}}T{{/title}}{{/layout}}", [:], "<title>T</title>\n<main>\n    nothing\n</main>\n", partials: ["layout": layout])
        expectRender("{{<layout}}\n{{$main}}\n<p>{{x}}</p>\n<p>2</p>\n{{/main}}\n{{/layout}}\n", ["x": 1],
                     "<title>Default</title>\n<main>\n  <p>1</p>\n  <p>2</p>\n</main>\n", partials: ["layout": layout])
    }

    @Test func nestedInheritance() {
        let partials = [
            "super": "[{{$a}}A{{/a}}|{{$b}}B{{/b}}]",
            "middle": "{{<super}}{{$a}}middle-a{{/a}}{{$b}}middle-b{{/b}}{{/super}}",
        ]
        // The outermost override wins.
        expectRender("{{<middle}}{{$a}}main-a{{/a}}{{/middle}}", [:], "[main-a|middle-b]", partials: partials)
    }

    @Test func contentTypePragma() {
        expectRender("{{h}}{{%CONTENT_TYPE: TEXT}}{{h}}{{>p}}", ["h": "<"], "&lt;<&lt;", partials: ["p": "{{h}}"])
        expectRender("{{%CONTENT_TYPE: HTML}}\n{{h}}\n", ["h": "<"], "&lt;\n")
    }

    @Test func stringTransforms() {
        expectRender("{{uppercased(s)}} {{lowercased(s)}} {{capitalized(s)}} {{reversed(s)}} {{#empty(s)}}E{{/empty(s)}}{{#empty(e)}}e{{/empty(e)}}",
                     ["s": "hello wORLD", "e": ""], "HELLO WORLD hello world Hello World DLROw olleh e")
        expectRender("{{uppercased(reversed(s))}}", ["s": "ab"], "BA")
    }

    @Test func integerTransforms() {
        expectRender("{{plusone(i)}} {{minusone(i)}} {{#equalzero(z)}}Z{{/equalzero(z)}} {{even(i)}} {{odd(i)}} {{odd(n)}}", ["i": 3, "z": 0, "n": -3], "4 2 Z false true true")
        expectRender("{{plusone(d)}}|{{uppercased(i)}}|{{odd(b)}}", ["d": 1.5, "i": 1, "b": true], "||")
    }

    @Test func listTransforms() {
        let context: TemplateValue = ["l": ["b", "a", "c"], "n": [3, 1, 2], "e": [], "m": [1, "x"]]
        expectRender("{{first(l)}} {{last(l)}} {{count(l)}} {{#empty(e)}}E{{/empty(e)}} {{#reversed(l)}}{{.}}{{/reversed(l)}} {{#sorted(l)}}{{.}}{{/sorted(l)}} {{#sorted(n)}}{{.}}{{/sorted(n)}} {{#sorted(m)}}{{.}}{{/sorted(m)}}", context, "b c 3 E cab abc 123 ")
        expectRender("{{count(e)}}{{first(e)}}{{#first(l)}}({{.}}){{/first(l)}}", context, "0(b)")
    }

    @Test func mapTransforms() {
        expectRender("{{count(m)}} {{#empty(m)}}E{{/empty(m)}}{{#empty(e)}}e{{/empty(e)}} {{#sorted(m)}}{{key}}={{value}};{{/sorted(m)}} {{#enumerated(o)}}{{key}}:{{value}}{{/enumerated(o)}}",
                     ["m": ["b": 2, "a": 1], "e": .map([:]), "o": ["k": "v"]], "2 e a=1;b=2; k:v")
    }

    @Test func sequenceContextTransforms() {
        expectRender("{{#l}}{{^first()}}, {{/first()}}{{.}}{{#last()}}.{{/last()}}{{index()}}{{#even()}}e{{/even()}}{{#odd()}}o{{/odd()}}{{plusone(index())}}{{/l}}", ["l": ["a", "b", "c"]], "a0e1, b1o2, c.2e3")
        // Outside a list, or inside a section that pushes a value, there is no position.
        expectRender("{{index()}}|{{#l}}{{#m}}{{index()}}{{/m}}{{#t}}{{index()}}{{/t}}{{/l}}", ["l": [["m": ["x": 1], "t": true]]], "|0")
    }

    @Test func timelineIdioms() {
        let context: TemplateValue = ["people": [["name": "Ann", "href": "/a"], ["name": "Bo", "href": "/b"]], "filters": ["tags": ["x", "y"]], "eventsHTML": "<li>1</li>"]
        expectRender("{{^empty(people)}}With {{#people}}{{^first()}}, {{/first()}}<a href=\"{{href}}\">{{name}}</a>{{/people}}{{/empty(people)}}|{{#filters.tags}}{{.}}{{/filters.tags}}|{{{eventsHTML}}}",
                     context, "With <a href=\"/a\">Ann</a>, <a href=\"/b\">Bo</a>|xy|<li>1</li>")
    }

    /// swift-mustache's lambdas: a section lambda gets the raw section text and
    /// its result is rendered as a template; `{{lambda}}` gets "" and its result
    /// is HTML-escaped before being parsed (so tags in it still work).
    @Test func lambdas() {
        let wrap = TemplateValue.lambda(TemplateLambda { "<i>" + $0 + "</i>" })
        let emit = TemplateValue.lambda(TemplateLambda { _ in "{{name}}&" })
        expectRender("{{#wrap}}{{name}} is {{/wrap}}|{{emit}}|{{{emit}}}|{{^wrap}}x{{/wrap}}", ["name": "<W>", "wrap": wrap, "emit": emit],
                     "<i>&lt;W&gt; is </i>|&lt;W&gt;&amp;|&lt;W&gt;&|")
        // The result is rendered as a section over the top of the stack: a list iterates.
        expectRender("{{#l}}{{/l}}{{#items}}{{#wrap}}{{.}}{{/wrap}}{{/items}}", ["items": [1, 2], "wrap": wrap, "l": []], "<i>1</i><i>2</i>")
    }

    /// Not in swift-mustache (which overflows the stack): a partial including
    /// itself stops at ``TemplateRenderer/maximumDepth`` nested renders.
    @Test func recursionIsBounded() throws {
        let library = try TemplateLibrary(templates: [
            "p": "x{{>p}}",
            "b": "{{<b}}{{$k}}{{$k}}{{/k}}{{/k}}{{/b}}{{$k}}k{{/k}}",
            "deep": String(repeating: "{{#t}}", count: 150) + "d{{>deep}}" + String(repeating: "{{/t}}", count: 150),
            "lambda": "{{#l}}{{/l}}",
        ])
        #expect(library.render("p", [:]) == String(repeating: "x", count: TemplateRenderer.maximumDepth))
        _ = library.render("b", [:])
        #expect(library.render("deep", ["t": true]) == "d")  // a second level would be 302 deep
        let selfLambda = TemplateValue.lambda(TemplateLambda { _ in "L{{#l}}{{/l}}" })
        #expect(library.render("lambda", ["l": selfLambda]).count == TemplateRenderer.maximumDepth - 1)
    }

    @Test func libraryAPI() throws {
        let library = try TemplateLibrary(templates: ["a": "A{{x}}", "b": "B"])
        #expect(library.names == ["a", "b"])
        var out: [UInt8] = Array("pre:".utf8)
        #expect(library.render("a", ["x": 1], into: &out))
        #expect(out == Array("pre:A1".utf8))
        #expect(!library.render("nope", [:], into: &out))
        #expect(library.render("nope", [:]) == "")
    }
}
