/// A template that cannot be parsed: which one, where the faulty tag (or the
/// section left open) starts, and what is wrong, so an author can fix it
/// without reading the parser.
public struct TemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong. The cases follow what swift-mustache 2.1.1 rejects.
    public enum Kind: Sendable, Equatable {
        /// `{{` with no `}}` after it (or text ending inside a tag).
        case unclosedTag
        /// The text between the delimiters is not a name: a space inside, a
        /// character outside `A-Z a-z 0-9 . - _ ? * ( )`, or unbalanced brackets.
        case invalidName(String)
        /// `{{{name}}` without the third closing brace.
        case missingClosingBrace
        /// A section, inverted section, parent or block opened here is never closed.
        case unclosedSection(String)
        /// `{{/found}}` closes the section `expected`.
        case closedWithWrongName(expected: String, found: String)
        /// `{{/name}}` with no section open.
        case unexpectedClose(String)
        /// `{{=a b=}}` badly formed.
        case invalidDelimiters
        /// `{{$block}}` names may not carry transforms.
        case transformOnBlock(String)
        /// Inside `{{<parent}}…{{/parent}}` only `{{$block}}` definitions,
        /// comments and text may appear.
        case illegalContentInParent(String)
        /// `{{%…}}` not of the form `{{%NAME: VALUE}}`.
        case invalidPragma
        /// A pragma other than `CONTENT_TYPE: HTML` or `CONTENT_TYPE: TEXT`.
        case unknownPragma(String)
        /// The text ends one to a few characters after the first character of
        /// the opening delimiter (e.g. a lone `{` at the very end); swift-mustache
        /// rejects this, so we do too.
        case truncatedDelimiter
        /// More than ``TemplateParser/maximumNesting`` sections inside one
        /// another; refused so parsing and rendering cannot exhaust the stack.
        case nestedTooDeeply
    }

    /// The template's name.
    public let template: String
    /// 1-based line and column (in characters) where the faulty tag, or the unclosed section, opened.
    public let line: Int
    public let column: Int
    public let kind: Kind

    public init(template: String, line: Int, column: Int, kind: Kind) {
        self.template = template
        self.line = line
        self.column = column
        self.kind = kind
    }

    /// Human text, without the location.
    public var message: String {
        switch kind {
        case .unclosedTag: "a tag is not closed"
        case .invalidName(let text): "'\(text)' is not a valid name"
        case .missingClosingBrace: "triple mustache '{{{' is not closed by '}}}'"
        case .unclosedSection(let name): "section '\(name)' is opened but never closed"
        case .closedWithWrongName(let expected, let found): "'\(found)' is closed where section '\(expected)' should be"
        case .unexpectedClose(let name): "'\(name)' is closed but no section is open"
        case .invalidDelimiters: "set-delimiter tag must look like {{=<% %>=}}"
        case .transformOnBlock(let name): "block '\(name)' may not have a transform"
        case .illegalContentInParent(let name): "parent '\(name)' may contain only {{$block}} definitions"
        case .invalidPragma: "pragma must look like {{%CONTENT_TYPE: HTML}}"
        case .unknownPragma(let text): "unknown pragma '\(text)'"
        case .truncatedDelimiter: "template ends inside what may be a tag's opening delimiter"
        case .nestedTooDeeply: "sections are nested too deeply"
        }
    }

    public var description: String { "\(template):\(line):\(column): \(message)" }
}

/// Every error found in a set of templates, in template-name order, so one
/// build reports them all.
public struct TemplateErrors: Error, Sendable, Equatable, CustomStringConvertible {
    public let errors: [TemplateError]
    public init(errors: [TemplateError]) { self.errors = errors }
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
