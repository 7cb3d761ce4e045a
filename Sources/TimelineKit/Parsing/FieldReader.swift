import Yams

/// Typed access to a YAML mapping that remembers where every value was
/// written, so each wrong field is reported at its own line and column.
///
/// Readers record problems instead of throwing; `unknownFieldWarnings` names
/// whatever the parser never asked for.
public final class FieldReader {
    public let file: String
    private let pairs: [(key: String, keyNode: Node, value: Node)]
    private let lineOffset: Int
    private let origin: SourceLocation
    private var asked: Set<String> = []
    public private(set) var diagnostics: [Diagnostic] = []

    init(file: String, pairs: [(key: String, keyNode: Node, value: Node)], lineOffset: Int, origin: SourceLocation) {
        self.file = file
        self.pairs = pairs
        self.lineOffset = lineOffset
        self.origin = origin
    }

    /// Parses YAML text whose first line is line `firstLine` of `file`;
    /// `what` names the whole mapping in messages ("front matter", "site.yml").
    static func parse(yaml: String, file: String, firstLine: Int, what: String = "front matter") -> (FieldReader?, [Diagnostic]) {
        let offset = firstLine - 1
        let node: Node?
        do {
            // No tag resolution: Yams' resolver runs a regular expression per
            // scalar, and `ScalarKind` decides types itself. The encoding is
            // given: Yams' default reads the whole environment each call
            // (3.5% of a 10,000-event build).
            node = try Yams.compose(yaml: yaml, .basic, .default, .utf8)
        } catch let error as YamlError {
            return (nil, [yamlDiagnostic(error, yaml: yaml, file: file, lineOffset: offset)])
        } catch {
            return (nil, [Diagnostic(.error, file: file, line: firstLine, "cannot read YAML: \(error)")])
        }
        let origin = SourceLocation(file: file, line: firstLine, column: 1)
        guard let node else { return (FieldReader(file: file, pairs: [], lineOffset: offset, origin: origin), []) }
        return mapping(node, file: file, lineOffset: offset, origin: origin, what: what)
    }

    /// A reader over a nested mapping, e.g. one quote in `quotes`.
    func nested(_ node: Node, what: String) -> FieldReader? {
        let (reader, problems) = Self.mapping(node, file: file, lineOffset: lineOffset, origin: location(of: node), what: what)
        diagnostics.append(contentsOf: problems)
        return reader
    }

    private static func mapping(_ node: Node, file: String, lineOffset: Int, origin: SourceLocation, what: String)
        -> (FieldReader?, [Diagnostic])
    {
        guard case .mapping(let mapping) = node else {
            let found = describe(node)
            let at = node.mark.map { SourceLocation(file: file, line: $0.line + lineOffset, column: $0.column) } ?? origin
            return (nil, [.error("\(what) must be a mapping of fields, found \(found)", at: at,
                                 hint: "write 'field: value' lines")])
        }
        var pairs: [(String, Node, Node)] = []
        var problems: [Diagnostic] = []
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                let at = key.mark.map { SourceLocation(file: file, line: $0.line + lineOffset, column: $0.column) } ?? origin
                problems.append(.error("field names must be plain words", at: at))
                continue
            }
            pairs.append((scalar.string, key, value))
        }
        return (FieldReader(file: file, pairs: pairs, lineOffset: lineOffset, origin: origin), problems)
    }

    static func yamlDiagnostic(_ error: YamlError, yaml: String, file: String, lineOffset: Int) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
        }
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            var message = "invalid YAML: \(problem)"
            if let context { message += " \(context.text)" }
            // Something opened earlier and never closed (a quote, a [ list):
            // point at where it opened, not where the parser gave up.
            let opened = context.map { $0.text.contains("quoted scalar") || $0.text.contains("flow") } ?? false
            if !opened, let quote = runawayQuote(endingOnLine: mark.line, in: yaml) {
                // `title: "Talks` closed by the next value's opening quote:
                // libyaml fails there, lines later, in words about keys.
                return .error("invalid YAML: the text quoted here runs on to line \(quote.endLine + lineOffset)",
                              at: SourceLocation(file: file, line: quote.line + lineOffset, column: quote.column),
                              hint: "close the quotation mark on this line")
            }
            if problem.contains("nesting level") {
                return .error("invalid YAML: values are nested too deeply", at: at(mark),
                              hint: "a field holds text, a [list] or a list of mappings")
            }
            // `*Breaking* news`: an alias that is not one; point where it starts.
            let alias = context.map { $0.text.contains("an alias") || $0.text.contains("an anchor") } ?? false
            let place = opened || alias ? context!.mark : mark
            var hint = yamlHint(message)
            if hint == nil, mark.line >= 1, mark.line <= lines.count, lines[mark.line - 1].contains("\t") {
                hint = "indent with spaces, not tabs"
            }
            // Characters YAML keeps for itself, met where a value starts.
            if hint == nil, place.line >= 1, place.line <= lines.count,
               let first = lines[place.line - 1].unicodeScalars.dropFirst(max(0, place.column - 1)).first,
               "@`*&!%|>".unicodeScalars.contains(first) {
                hint = "put text that starts with \(first) in quotes"
            }
            if hint == nil, problem.contains("did not find expected key") {
                hint = "write 'field: value' lines, with list items indented under their field"
            }
            return .error(message, at: at(place), hint: hint)
        case let .duplicatedKeysInMapping(duplicates, context):
            let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            // Yams marks the first occurrence; the repeat, at the same column
            // further down, is what to fix.
            let first = context.mark
            let repeated = duplicates.first.flatMap { key in
                lines.indices.dropFirst(first.line).first { index in
                    let line = lines[index]
                    return line.prefix(first.column - 1).allSatisfy { $0 == " " }
                        && line.dropFirst(first.column - 1).hasPrefix(key + ":")
                }
            }
            let location = repeated.map {
                SourceLocation(file: file, line: $0 + 1 + lineOffset, column: first.column)
            } ?? at(first)
            return .error("invalid YAML: duplicate field \(names)", at: location, hint: "keep one of them")
        case let .reader(problem, _, _, _):
            return Diagnostic(.error, file: file, line: lineOffset + 1, "invalid YAML: \(problem)")
        default:
            return Diagnostic(.error, file: file, line: lineOffset + 1, "invalid YAML: \(error)")
        }
    }

    /// A quoted value that does not close on its own line and whose closing
    /// quotation mark is on `errorLine`: the likely cause of an error there.
    /// Lines and columns are 1-based within `yaml`.
    static func runawayQuote(endingOnLine errorLine: Int, in yaml: String) -> (line: Int, column: Int, endLine: Int)? {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
        for (index, line) in lines.enumerated() where index + 1 < errorLine {
            guard let open = quotedValueStart(line) else { continue }
            let quote = line[open]
            // Scan from after the opening mark for its close, across lines.
            var row = index, position = open + 1
            var closed: Int?
            while row < lines.count, closed == nil {
                let text = lines[row]
                while position < text.count {
                    let c = text[position]
                    if quote == "\"", c == "\\" { position += 2; continue }
                    if c == quote {
                        if quote == "'", position + 1 < text.count, text[position + 1] == "'" { position += 2; continue }
                        closed = row
                        break
                    }
                    position += 1
                }
                if closed == nil { row += 1; position = 0 }
            }
            guard let closed, closed != index else { continue }
            if closed + 1 == errorLine { return (index + 1, open + 1, closed + 1) }
        }
        return nil
    }

    /// Where a value starting with a quotation mark opens on this line
    /// (`key: "…`, `- "…`, `- key: '…`), as a scalar index.
    private static func quotedValueStart(_ line: [Unicode.Scalar]) -> Int? {
        var i = 0
        while i < line.count, line[i] == " " { i += 1 }
        if i + 1 < line.count, line[i] == "-", line[i + 1] == " " {
            i += 2
            while i < line.count, line[i] == " " { i += 1 }
        }
        if i < line.count, line[i] == "\"" || line[i] == "'" { return i }
        // A plain key, then `: `.
        while i < line.count, line[i] != ":", line[i] != "\"", line[i] != "'", line[i] != "#" { i += 1 }
        guard i + 1 < line.count, line[i] == ":", line[i + 1] == " " || line[i + 1] == "\t" else { return nil }
        i += 1
        while i < line.count, line[i] == " " || line[i] == "\t" { i += 1 }
        return i < line.count && (line[i] == "\"" || line[i] == "'") ? i : nil
    }

    private static func yamlHint(_ problem: String) -> String? {
        if problem.contains("tab") { return "indent with spaces, not tabs" }
        if problem.contains("quoted scalar") { return "close the quotation mark" }
        if problem.contains("flow sequence") { return "close the list with ]" }
        if problem.contains("flow mapping") { return "close the mapping with }" }
        if problem.contains("mapping values are not allowed") { return "quote values that contain ': '" }
        return nil
    }

    // MARK: Locations

    public func location(of node: Node) -> SourceLocation {
        guard let mark = node.mark else { return origin }
        return SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
    }

    /// Where the mapping itself starts: used for "missing field" errors.
    public var start: SourceLocation { origin }

    func keyLocation(_ key: String) -> SourceLocation {
        pairs.first { $0.key == key }.map { location(of: $0.keyNode) } ?? origin
    }

    /// Where a field's value starts: where a wrong quote or claim is reported.
    func valueLocation(_ key: String) -> SourceLocation {
        pairs.first { $0.key == key }.map { location(of: $0.value) } ?? origin
    }

    // MARK: Raw access

    /// True when the key is written, even with no value (`title:`).
    func isWritten(_ key: String) -> Bool {
        pairs.contains { $0.key == key }
    }

    public func node(_ key: String) -> Node? {
        asked.insert(key)
        guard let value = pairs.first(where: { $0.key == key })?.value else { return nil }
        if case .scalar(let scalar) = value, ScalarKind(scalar) == .null { return nil }
        return value
    }

    func error(_ message: String, at location: SourceLocation, hint: String? = nil) {
        diagnostics.append(.error(message, at: location, hint: hint))
    }

    func warning(_ message: String, at location: SourceLocation, hint: String? = nil) {
        diagnostics.append(.warning(message, at: location, hint: hint))
    }

    /// Warnings for fields nobody asked for: likely typos of real ones.
    public func reportUnknownFields(known: [String]) {
        for pair in pairs where !asked.contains(pair.key) {
            warning("unknown field '\(pair.key)'", at: location(of: pair.keyNode),
                    hint: Suggestion.hint(for: pair.key, in: known) ?? "known fields: \(known.joined(separator: ", "))")
        }
    }

    static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let s):
            switch ScalarKind(s) {
            case .integer, .float: return "a number"
            case .boolean: return "true/false"
            case .null: return "nothing"
            case .text: return "text"
            }
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }
}

extension FieldReader {
    /// Takes over a nested reader's problems, so the note reports them all.
    func absorb(_ nested: FieldReader) {
        diagnostics.append(contentsOf: nested.diagnostics)
    }
}

/// What a YAML scalar means under the YAML 1.2 core schema. Quoted scalars
/// are always text; only plain ones can be numbers, booleans or null.
enum ScalarKind {
    case text, integer, float, boolean, null

    init(_ scalar: Node.Scalar) {
        guard scalar.style == .plain else { self = .text; return }
        let s = scalar.string
        switch s {
        case "", "~", "null", "Null", "NULL": self = .null; return
        case "true", "True", "TRUE", "false", "False", "FALSE": self = .boolean; return
        case ".inf", ".Inf", ".INF", "-.inf", "+.inf", ".nan", ".NaN", ".NAN": self = .float; return
        default: break
        }
        var body = Substring(s)
        if body.first == "-" || body.first == "+" { body = body.dropFirst() }
        if !body.isEmpty, body.allSatisfy({ $0.isASCII && $0.isNumber }) { self = .integer; return }
        if s.hasPrefix("0x") || s.hasPrefix("0o"), s.count > 2, Int(s.dropFirst(2), radix: s.hasPrefix("0x") ? 16 : 8) != nil {
            self = .integer; return
        }
        self = Double(body) != nil && body.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) && body.first != "e"
            ? .float : .text
    }
}
