/// The compiled form of a template: what the parser leaves so rendering never
/// looks at template text again (names pre-split, transforms pre-resolved,
/// literal text already UTF-8).
enum TemplateNode: Sendable {
    /// Literal bytes.
    case text([UInt8])
    /// `{{name}}` (escaped per content type) or `{{{name}}}` / `{{& name}}`.
    case variable(TemplateName, escaped: Bool)
    /// `{{#name}}…{{/name}}` or `{{^name}}…{{/name}}`.
    case section(TemplateName, TemplateBlock, inverted: Bool)
    /// `{{$name}}default{{/name}}`: the parent's slot, filled by an override if any.
    case block(String, TemplateBlock, indentation: [UInt8])
    /// `{{> name}}`, `{{>*name}}`, `{{< parent}}…{{/parent}}`. `indentation` is
    /// nil when the partial tag is not on a line of its own.
    case partial(PartialName, indentation: [UInt8]?, overrides: [String: TemplateBlock]?)
    /// `{{%CONTENT_TYPE: …}}`: whether what follows is HTML-escaped.
    case contentType(html: Bool)
    /// `{{$name}}…{{/name}}` directly inside `{{<parent}}`: only during parsing,
    /// it becomes one of the partial's overrides.
    case blockDefinition(String, TemplateBlock)
}

/// A partial's name: fixed, or read from the context (`{{>*name}}`).
enum PartialName: Sendable {
    case fixed(String)
    case dynamic(TemplateName)
}

/// A run of nodes, shared (a class) so sections and overrides cost a pointer.
/// `source` is the section's raw text, which is what a lambda receives.
final class TemplateBlock: Sendable {
    /// One node per token, as swift-mustache has them: needed when rendering
    /// inside an indented partial, where indentation goes between tokens.
    let nodes: [TemplateNode]
    /// The same with adjacent text joined (every template line is a token):
    /// what renders when there is no indentation, which is nearly always.
    let joined: [TemplateNode]
    let source: String

    init(nodes: [TemplateNode], source: String) {
        self.nodes = nodes
        self.source = source
        var joined: [TemplateNode] = []
        joined.reserveCapacity(nodes.count)
        for node in nodes {
            if case .text(let bytes) = node, case .text(let previous)? = joined.last {
                joined[joined.count - 1] = .text(previous + bytes)
            } else {
                joined.append(node)
            }
        }
        self.joined = joined
    }
}

/// A name as swift-mustache resolves it, decided once at parse time. A class,
/// so a node holding it copies as one pointer on the render path.
final class TemplateName: Sendable {
    enum Root: Sendable {
        /// `.`, `..`, `.a.b` and the empty name: start at the top of the stack, no search.
        case top
        /// `a.b.c`: find `a` searching down the stack, then `b`, `c` within.
        case search
        /// `first()`, `index()`…: the empty name with transforms is the list position.
        case sequence
    }
    let root: Root
    /// Segments after the root (for `.search` the first is the one searched).
    let segments: [String]
    /// Transforms in the order they apply (innermost first).
    let transforms: [TemplateTransform]
    /// As written, for messages.
    let text: String
    /// The one segment of a plain `name` (searched, no dots, no transforms):
    /// the common case, looked up without the general path.
    let simpleKey: String?

    init(root: Root, segments: [String], transforms: [TemplateTransform], text: String) {
        self.root = root
        self.segments = segments
        self.transforms = transforms
        self.text = text
        self.simpleKey = root == .search && segments.count == 1 && transforms.isEmpty ? segments[0] : nil
    }
}
