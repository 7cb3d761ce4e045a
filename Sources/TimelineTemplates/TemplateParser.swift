/// Turns template text into ``TemplateNode``s, following swift-mustache
/// 2.1.1's parser step for step (Template+Parser.swift): the same standalone-line
/// rules, the same whitespace kept or dropped, the same inputs rejected. It works
/// on `Character`s, as swift-mustache does, so grapheme clusters, `\r\n` and
/// Unicode newlines split lines exactly as they do there. Parsing happens once
/// per template, so clarity wins over speed here.
struct TemplateParser {
    /// Deepest nesting of sections accepted. swift-mustache has no limit (and
    /// would exhaust the stack on a pathological template); 200 is far beyond
    /// any real template.
    static let maximumNesting = 200

    /// Internal failure: a kind and the character offset it is reported at.
    struct Failure: Error {
        let kind: TemplateError.Kind
        let offset: Int
    }

    /// Per-section parser state (swift-mustache's `ParserState`).
    struct State {
        var sectionName: String?
        var sectionTransforms: [String] = []
        var newLine = true
        var isPartialDefinition = false
        var isPartialDefinitionTopLevel = false
        var startDelimiter: [Character] = ["{", "{"]
        var endDelimiter: [Character] = ["}", "}"]
        /// Character count of the first line's indentation inside a block definition.
        var partialDefinitionIndent: Int?
        /// Where the section being parsed opened, for `unclosedSection`.
        var sectionOffset = 0
        /// The names of the sections around this one, outermost first: a
        /// close tag naming one of them means this one was left open.
        var enclosing: [String] = []
        var depth = 0

        func withSectionName(_ name: String, newLine: Bool, transforms: [String] = [], offset: Int) -> State {
            var s = self
            if let open = sectionName { s.enclosing.append(TemplateParser.spell(open, sectionTransforms)) }
            s.sectionName = name
            s.sectionTransforms = transforms
            s.isPartialDefinitionTopLevel = false
            if !newLine { s.newLine = false }
            s.sectionOffset = offset
            s.depth += 1
            return s
        }

        func withInheritancePartial(_ name: String, offset: Int) -> State {
            var s = self
            if let open = sectionName { s.enclosing.append(TemplateParser.spell(open, sectionTransforms)) }
            s.sectionName = name
            s.sectionTransforms = []
            s.newLine = true
            s.isPartialDefinition = true
            s.isPartialDefinitionTopLevel = true
            s.sectionOffset = offset
            s.depth += 1
            return s
        }

        func withDelimiters(start: [Character], end: [Character]) -> State {
            var s = self
            s.startDelimiter = start
            s.endDelimiter = end
            s.isPartialDefinitionTopLevel = false
            return s
        }
    }

    /// Thrown where swift-mustache's `Parser` overflows (reads past the end).
    struct Overflow: Error {}

    let chars: [Character]
    var pos = 0
    /// Where the tag being parsed opened.
    var tagStart = 0

    init(_ source: String) { self.chars = Array(source) }

    /// Parses the whole text.
    static func parse(_ source: String, name: String) throws(TemplateError) -> TemplateBlock {
        var parser = TemplateParser(source)
        do {
            let nodes = try parser.parseSection(State())
            return TemplateBlock(nodes: nodes.nodes, source: source)
        } catch {
            let failure = (error as? Failure) ?? Failure(kind: .unclosedTag, offset: parser.tagStart)
            let (line, column) = parser.lineAndColumn(of: failure.offset)
            throw TemplateError(template: name, line: line, column: column, kind: failure.kind)
        }
    }

    func lineAndColumn(of offset: Int) -> (Int, Int) {
        var line = 1, column = 1
        for c in chars[0..<min(offset, chars.count)] {
            if c.isNewline { line += 1; column = 1 } else { column += 1 }
        }
        return (line, column)
    }

    // MARK: - Reading (swift-mustache's Parser)

    var atEnd: Bool { pos >= chars.count }
    /// The current character, "\0" at the end (as swift-mustache's `current()`).
    var current: Character { pos < chars.count ? chars[pos] : "\0" }

    mutating func read(_ c: Character) throws(Overflow) -> Bool {
        guard !atEnd else { throw Overflow() }
        if chars[pos] == c { pos += 1; return true }
        return false
    }

    mutating func read(string: [Character]) throws(Overflow) -> Bool {
        guard !string.isEmpty else { return true }
        guard chars.count - pos >= string.count else { throw Overflow() }
        for (i, c) in string.enumerated() where chars[pos + i] != c { return false }
        pos += string.count
        return true
    }

    @discardableResult
    mutating func read(while set: Set<Character>) -> ArraySlice<Character> {
        let start = pos
        while pos < chars.count, set.contains(chars[pos]) { pos += 1 }
        return chars[start..<pos]
    }

    mutating func skipWhitespace() {
        while pos < chars.count, chars[pos].isWhitespace { pos += 1 }
    }

    /// Reads until `stop` holds; throws (position unchanged) if the end comes first.
    mutating func read(until stop: (Character) -> Bool) throws(Overflow) -> ArraySlice<Character> {
        let start = pos
        while pos < chars.count {
            if stop(chars[pos]) { return chars[start..<pos] }
            pos += 1
        }
        pos = start
        throw Overflow()
    }

    /// swift-mustache's naive `read(untilString:skipToEnd: true)`: after a partial
    /// match fails it does not re-test the failing character as a new start.
    mutating func skip(untilString s: [Character]) throws(Overflow) {
        guard !s.isEmpty else { return }
        let start = pos
        var matched = 0
        while pos < chars.count {
            if chars[pos] == s[matched] {
                matched += 1
                if matched == s.count { pos += 1; return }
            } else {
                matched = 0
            }
            pos += 1
        }
        pos = start
        throw Overflow()
    }

    static let sectionNameCharsWithoutBrackets = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*")
    static let sectionNameChars = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
    static let partialNameChars = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*/")
    static let spaceOrTab: Set<Character> = [" ", "\t"]

    // MARK: - Parsing (swift-mustache's MustacheTemplate.parse)

    struct Parsed {
        var nodes: [TemplateNode]
        var source: String
    }

    mutating func fail(_ kind: TemplateError.Kind, at offset: Int? = nil) -> Failure {
        Failure(kind: kind, offset: offset ?? tagStart)
    }

    mutating func parseSection(_ initial: State) throws -> Parsed {
        var nodes: [TemplateNode] = []
        var state = initial
        var whiteSpaceBefore = ""
        let origin = pos
        guard state.depth <= Self.maximumNesting else { throw fail(.nestedTooDeeply) }

        func appendText(_ s: String) {
            if !s.isEmpty { nodes.append(.text(Array(s.utf8))) }
        }

        while !atEnd {
            if state.newLine {
                let whiteSpace = read(while: Self.spaceOrTab)
                if state.isPartialDefinition, !state.isPartialDefinitionTopLevel {
                    if let indent = state.partialDefinitionIndent {
                        whiteSpaceBefore = String(whiteSpace.dropFirst(indent))
                    } else {
                        state.partialDefinitionIndent = whiteSpace.count
                    }
                } else {
                    whiteSpaceBefore = String(whiteSpace)
                }
            }
            let text = try readUntilDelimiterOrNewline(state)
            if current.isNewline {
                appendText(whiteSpaceBefore + text + String(current))
                state.newLine = true
                pos += 1
                continue
            }
            if !text.isEmpty {
                appendText(whiteSpaceBefore + text)
                whiteSpaceBefore = ""
                state.newLine = false
            }
            if atEnd { break }
            var setNewLine = false
            let tagOpen = tagStart
            switch current {
            case "#", "^":
                let inverted = current == "^"
                pos += 1
                let (name, transforms) = try parseName(state)
                if isStandalone(state) {
                    setNewLine = true
                } else if !whiteSpaceBefore.isEmpty {
                    appendText(whiteSpaceBefore)
                    whiteSpaceBefore = ""
                }
                let body = try parseSection(state.withSectionName(name, newLine: setNewLine, transforms: transforms, offset: tagOpen))
                nodes.append(.section(Self.compileName(name, transforms), TemplateBlock(nodes: body.nodes, source: body.source), inverted: inverted))

            case "/":
                // swift-mustache takes the section's raw text to end two characters
                // before the "/" (the length of "{{"); kept, but never before its start.
                let sourceEnd = max(origin, pos - 2)
                pos += 1
                let (name, transforms) = try parseName(state)
                guard name == state.sectionName, transforms == state.sectionTransforms else {
                    let found = Self.spell(name, transforms)
                    // `{{/main}}` while `title`, opened inside `main`, is open:
                    // the fault is where `title` opened.
                    if let open = state.sectionName, state.enclosing.contains(found) {
                        throw fail(.unclosedSection(Self.spell(open, state.sectionTransforms)), at: state.sectionOffset)
                    }
                    if let open = state.sectionName {
                        throw fail(.closedWithWrongName(expected: Self.spell(open, state.sectionTransforms), found: found), at: tagOpen)
                    }
                    throw fail(.unexpectedClose(found), at: tagOpen)
                }
                if isStandalone(state) {
                    // the newline after a standalone close is consumed
                } else if !whiteSpaceBefore.isEmpty {
                    appendText(whiteSpaceBefore)
                    whiteSpaceBefore = ""
                }
                return Parsed(nodes: nodes, source: String(chars[origin..<sourceEnd]))

            case "!":
                pos += 1
                do { try skip(untilString: state.endDelimiter) } catch { throw fail(.unclosedTag) }
                setNewLine = isStandalone(state)

            case "{", "&":
                let triple = current == "{"
                if !whiteSpaceBefore.isEmpty {
                    appendText(whiteSpaceBefore)
                    whiteSpaceBefore = ""
                }
                pos += 1
                let (name, transforms) = try parseName(state)
                if triple {
                    let closed: Bool
                    do { closed = try read("}") } catch { throw fail(.missingClosingBrace) }
                    guard closed else { throw fail(.missingClosingBrace) }
                }
                nodes.append(.variable(Self.compileName(name, transforms), escaped: false))

            case ">":
                pos += 1
                skipWhitespace()
                var dynamic = false
                if current == "*" {
                    pos += 1
                    dynamic = true
                }
                let name = try parsePartialName(state)
                appendText(whiteSpaceBefore)
                let partialName: PartialName = dynamic ? .dynamic(Self.compileName(name, [])) : .fixed(name)
                if isStandalone(state) {
                    setNewLine = true
                    nodes.append(.partial(partialName, indentation: Array(whiteSpaceBefore.utf8), overrides: nil))
                } else {
                    nodes.append(.partial(partialName, indentation: nil, overrides: nil))
                }
                whiteSpaceBefore = ""

            case "<":
                pos += 1
                skipWhitespace()
                let sectionName = try parsePartialName(state)
                appendText(whiteSpaceBefore)
                if isStandalone(state) { setNewLine = true }
                let body = try parseSection(state.withInheritancePartial(sectionName, offset: tagOpen))
                var overrides: [String: TemplateBlock] = [:]
                for node in body.nodes {
                    switch node {
                    case .blockDefinition(let blockName, let block): overrides[blockName] = block
                    case .text: break
                    default: throw fail(.illegalContentInParent(sectionName), at: tagOpen)
                    }
                }
                let partialName: PartialName = sectionName.first == "*"
                    ? .dynamic(Self.compileName(String(sectionName.dropFirst()), []))
                    : .fixed(sectionName)
                nodes.append(.partial(partialName, indentation: Array(whiteSpaceBefore.utf8), overrides: overrides))
                whiteSpaceBefore = ""

            case "$":
                pos += 1
                let (name, transforms) = try parseName(state)
                guard transforms.isEmpty else { throw fail(.transformOnBlock(name)) }
                if state.isPartialDefinitionTopLevel {
                    if isStandalone(state) { setNewLine = true }
                    let body = try parseSection(state.withSectionName(name, newLine: setNewLine, offset: tagOpen))
                    nodes.append(.blockDefinition(name, TemplateBlock(nodes: body.nodes, source: body.source)))
                } else {
                    appendText(whiteSpaceBefore)
                    if isStandalone(state) { setNewLine = true }
                    let body = try parseSection(state.withSectionName(name, newLine: setNewLine, offset: tagOpen))
                    nodes.append(.block(name, TemplateBlock(nodes: body.nodes, source: body.source), indentation: Array(whiteSpaceBefore.utf8)))
                    whiteSpaceBefore = ""
                }

            case "=":
                pos += 1
                state = try parseSetDelimiter(state)
                setNewLine = isStandalone(state)

            case "%":
                pos += 1
                nodes.append(try parsePragma(state))
                setNewLine = isStandalone(state)

            default:
                if !whiteSpaceBefore.isEmpty {
                    appendText(whiteSpaceBefore)
                    whiteSpaceBefore = ""
                }
                let (name, transforms) = try parseName(state)
                nodes.append(.variable(Self.compileName(name, transforms), escaped: true))
            }
            state.newLine = setNewLine
        }
        if let open = state.sectionName {
            throw fail(.unclosedSection(Self.spell(open, state.sectionTransforms)), at: state.sectionOffset)
        }
        return Parsed(nodes: nodes, source: String(chars[origin..<pos]))
    }

    /// Text up to the next opening delimiter (consumed) or newline (not consumed).
    mutating func readUntilDelimiterOrNewline(_ state: State) throws(Failure) -> String {
        guard let first = state.startDelimiter.first else { return "" }
        var text = ""
        while !atEnd {
            let runStart = pos
            while pos < chars.count {
                let c = chars[pos]
                if c == "\n" || c == "\r\n" || c == first { break }
                pos += 1
            }
            text += String(chars[runStart..<pos])
            if current.isNewline {
                break
            } else if current == first {
                let delimiterStart = pos
                let matched: Bool
                do { matched = try read(string: state.startDelimiter) } catch {
                    throw Failure(kind: .truncatedDelimiter, offset: delimiterStart)
                }
                if matched {
                    tagStart = delimiterStart
                    break
                }
                text.append(first)
                pos += 1
            }
        }
        return text
    }

    /// A tag's name and transforms: `name`, or `t1(t2(name))` → ("name", ["t1", "t2"]).
    mutating func parseName(_ state: State) throws(Failure) -> (String, [String]) {
        skipWhitespace()
        let text = String(read(while: Self.sectionNameChars))
        skipWhitespace()
        try expectEndDelimiter(state, content: text)

        let name = Array(text)
        var i = 0
        func readPlain() -> String {
            let start = i
            while i < name.count, Self.sectionNameCharsWithoutBrackets.contains(name[i]) { i += 1 }
            return String(name[start..<i])
        }
        let head = readPlain()
        if i == name.count { return (text, []) }
        guard name[i] == "(" else { throw fail(.invalidName(text)) }
        i += 1
        var transforms = [head]
        while true {
            let part = readPlain()
            let c: Character = i < name.count ? name[i] : "\0"
            switch c {
            case ")":
                i += 1
                var closing = 0
                while i < name.count, name[i] == ")" { i += 1; closing += 1 }
                guard closing + 1 == transforms.count, i == name.count else { throw fail(.invalidName(text)) }
                return (part, transforms)
            case "(":
                i += 1
                transforms.append(part)
            default:
                throw fail(.invalidName(text))
            }
        }
    }

    mutating func parsePartialName(_ state: State) throws(Failure) -> String {
        skipWhitespace()
        let text = String(read(while: Self.partialNameChars))
        skipWhitespace()
        try expectEndDelimiter(state, content: text)
        return text
    }

    /// The closing delimiter must follow; otherwise the tag is unclosed (no
    /// closing delimiter anywhere after it) or holds something that is not a name.
    mutating func expectEndDelimiter(_ state: State, content: String) throws(Failure) {
        let closed: Bool
        do { closed = try read(string: state.endDelimiter) } catch { throw fail(.unclosedTag) }
        guard closed else {
            var probe = self
            if (try? probe.skip(untilString: state.endDelimiter)) == nil { throw fail(.unclosedTag) }
            // The next closing delimiter is on a later line, or past another
            // tag's opening: this tag was left open where it stands.
            let between = chars[min(tagStart + state.startDelimiter.count, probe.pos)..<probe.pos]
            if between.contains("\n") || String(between).contains(String(state.startDelimiter)) { throw fail(.unclosedTag) }
            // Report the tag's whole content, without its sigil.
            let upper = min(max(probe.pos - state.endDelimiter.count, 0), chars.count)
            var inside = chars[min(tagStart + state.startDelimiter.count, upper)..<upper]
            if let sigil = inside.first, "#^/{&>$<".contains(sigil) { inside = inside.dropFirst() }
            let text = String(inside).trimmingWhitespace()
            throw fail(.invalidName(text.isEmpty ? content : String(text.prefix(60))))
        }
    }

    mutating func parseSetDelimiter(_ state: State) throws(Failure) -> State {
        let start: ArraySlice<Character>, end: ArraySlice<Character>
        do {
            skipWhitespace()
            start = try read(until: { $0.isWhitespace })
            skipWhitespace()
            end = try read(until: { $0 == "=" || $0.isWhitespace })
            skipWhitespace()
            guard try read("="), try read(string: state.endDelimiter) else { throw fail(.invalidDelimiters) }
        } catch {
            throw fail(.invalidDelimiters)
        }
        guard !start.isEmpty, !end.isEmpty else { throw fail(.invalidDelimiters) }
        return state.withDelimiters(start: Array(start), end: Array(end))
    }

    mutating func parsePragma(_ state: State) throws(Failure) -> TemplateNode {
        let variable: String, value: String
        do {
            skipWhitespace()
            variable = String(read(while: Self.sectionNameCharsWithoutBrackets))
            skipWhitespace()
            guard try read(":") else { throw fail(.invalidPragma) }
            skipWhitespace()
            value = String(read(while: Self.sectionNameCharsWithoutBrackets))
            skipWhitespace()
            guard try read(string: state.endDelimiter) else { throw fail(.invalidPragma) }
        } catch {
            throw fail(.invalidPragma)
        }
        guard !variable.isEmpty, !value.isEmpty else { throw fail(.invalidPragma) }
        guard variable == "CONTENT_TYPE" else { throw fail(.unknownPragma("\(variable): \(value)")) }
        switch value {
        case "HTML": return .contentType(html: true)
        case "TEXT": return .contentType(html: false)
        default: throw fail(.unknownPragma("\(variable): \(value)"))
        }
    }

    /// At the end of the text, or only spaces/tabs then a newline (consumed) follow.
    mutating func isStandalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
        if atEnd { return true }
        var probe = pos
        while probe < chars.count, chars[probe] == " " || chars[probe] == "\t" { probe += 1 }
        if probe < chars.count, chars[probe].isNewline {
            pos = probe + 1
            return true
        }
        return false
    }

    // MARK: - Names

    /// `t1(t2(name))` as written.
    static func spell(_ name: String, _ transforms: [String]) -> String {
        transforms.isEmpty ? name : transforms.joined(separator: "(") + "(" + name + String(repeating: ")", count: transforms.count)
    }

    /// Decides once how swift-mustache's `getChild` would look the name up.
    static func compileName(_ name: String, _ transforms: [String]) -> TemplateName {
        let applied = transforms.reversed().map(TemplateTransform.init(name:))
        let text = spell(name, transforms)
        if name == "." {
            return TemplateName(root: .top, segments: [], transforms: applied, text: text)
        }
        if name.isEmpty, !transforms.isEmpty {
            return TemplateName(root: .sequence, segments: [], transforms: applied, text: text)
        }
        let segments = name.split(separator: ".").map(String.init)
        if name.first == "." || segments.isEmpty {
            return TemplateName(root: .top, segments: segments, transforms: applied, text: text)
        }
        return TemplateName(root: .search, segments: segments, transforms: applied, text: text)
    }
}

extension String {
    func trimmingWhitespace() -> String {
        let scalars = Array(self)
        var start = 0, end = scalars.count
        while start < end, scalars[start].isWhitespace { start += 1 }
        while end > start, scalars[end - 1].isWhitespace { end -= 1 }
        return String(scalars[start..<end])
    }
}
