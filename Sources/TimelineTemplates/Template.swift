/// One template, parsed and compiled once; render it through a ``TemplateLibrary``
/// so its partials resolve.
public struct Template: Sendable {
    public let name: String
    let root: TemplateBlock

    /// Parses `source`; a template swift-mustache 2.1.1 rejects is rejected here too.
    public init(name: String, source: String) throws(TemplateError) {
        self.name = name
        self.root = try TemplateParser.parse(source, name: name)
    }
}
