/// A set of named templates that include one another as partials and parents:
/// what a site renders its pages with. Immutable once built, so one library is
/// shared by every rendering thread.
public struct TemplateLibrary: Sendable {
    let templates: [String: Template]

    /// Parses every template (name → source text). Throws all the errors found,
    /// in name order, not just the first.
    public init(templates: [String: String]) throws(TemplateErrors) {
        var parsed: [String: Template] = [:]
        var errors: [TemplateError] = []
        for name in templates.keys.sorted() {
            do {
                parsed[name] = try Template(name: name, source: templates[name] ?? "")
            } catch {
                errors.append(error)
            }
        }
        guard errors.isEmpty else { throw TemplateErrors(errors: errors) }
        self.templates = parsed
    }

    /// A library of templates already parsed.
    public init(_ templates: [Template]) {
        self.templates = Dictionary(templates.map { ($0.name, $0) }, uniquingKeysWith: { _, last in last })
    }

    public var names: Set<String> { Set(templates.keys) }

    /// Renders template `name` against `context`, appending to `out`; false if no such template.
    @discardableResult
    public func render(_ name: String, _ context: TemplateValue, into out: inout [UInt8]) -> Bool {
        guard let template = templates[name] else { return false }
        var renderer = TemplateRenderer(templates: templates, context: context)
        renderer.render(template.root, TemplateRenderer.Scope(), into: &out)
        return true
    }

    /// Renders template `name` against `context`; "" when there is no such template.
    public func render(_ name: String, _ context: TemplateValue) -> String {
        var out: [UInt8] = []
        render(name, context, into: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
