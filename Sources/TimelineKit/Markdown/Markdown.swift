import CCmark
#if canImport(Glibc)
import Glibc
#endif

/// CommonMark through libcmark: smart punctuation on, raw HTML suppressed
/// unless the site opts in. Links can be rewritten as the tree is walked, so
/// `../documents/plan.md` becomes the page it names.
public struct Markdown: Sendable {
    public struct Link: Sendable, Hashable {
        public let destination: String
        /// Line within the Markdown text, 1-based.
        public let line: Int
        public let column: Int
    }

    public struct Rendered: Sendable, Equatable {
        public let html: String
        /// The first paragraph as plain text: for summaries, feeds and search.
        public let summary: String
    }

    public let allowsRawHTML: Bool

    public init(allowsRawHTML: Bool = false) {
        self.allowsRawHTML = allowsRawHTML
    }

    /// Renders `text`, offering each link and image destination to `rewrite`;
    /// a non-nil answer replaces the destination.
    public func render(_ text: String, rewrite: (Link) -> String? = { _ in nil }) -> Rendered {
        let parseOptions = CMARK_OPT_SMART | CMARK_OPT_VALIDATE_UTF8
        let document: OpaquePointer? = text.withCString { cmark_parse_document($0, text.utf8.count, parseOptions) }
        guard let document else { return Rendered(html: "", summary: "") }
        defer { cmark_node_free(document) }

        let summary = walk(document, rewrite: rewrite)
        let renderOptions = CMARK_OPT_SMART | (allowsRawHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_SAFE)
        guard let html = cmark_render_html(document, renderOptions) else { return Rendered(html: "", summary: summary) }
        defer { free(html) }
        return Rendered(html: String(cString: html), summary: summary)
    }

    /// One pass over the tree: rewrites links and gathers the first
    /// top-level paragraph's text. Iterative, so deep nesting cannot overflow
    /// the stack.
    private func walk(_ document: OpaquePointer, rewrite: (Link) -> String?) -> String {
        guard let iterator = cmark_iter_new(document) else { return "" }
        defer { cmark_iter_free(iterator) }
        var summary = ""
        var summaryNode: OpaquePointer?
        var summaryDone = false
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if event == CMARK_EVENT_ENTER {
                if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE, let url = cmark_node_get_url(node) {
                    let link = Link(destination: String(cString: url),
                                    line: Int(cmark_node_get_start_line(node)),
                                    column: Int(cmark_node_get_start_column(node)))
                    if let replacement = rewrite(link) { cmark_node_set_url(node, replacement) }
                }
                if !summaryDone, summaryNode == nil, type == CMARK_NODE_PARAGRAPH,
                   cmark_node_parent(node) == document {
                    summaryNode = node
                }
                if summaryNode != nil, !summaryDone {
                    switch type {
                    case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                        if let literal = cmark_node_get_literal(node) { summary += String(cString: literal) }
                    case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                        summary += " "
                    default: break
                    }
                }
            } else if event == CMARK_EVENT_EXIT, node == summaryNode {
                summaryDone = true
            }
        }
        return summary
    }
}
