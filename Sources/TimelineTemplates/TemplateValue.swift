/// What a template sees: typed values, so rendering never asks what a value
/// is at run time beyond one `switch`. Pages build these directly; there is
/// no `Any` between the page's data and the bytes it renders to.
public enum TemplateValue: Sendable {
    /// Absent: false in a section, nothing when printed.
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case text(String)
    case list([TemplateValue])
    case map([String: TemplateValue])
    /// Called with a section's raw text, as Mustache's lambdas are.
    case lambda(TemplateLambda)
    /// Bytes made on demand straight into the page: a list of 10,000 events
    /// already rendered, which would cost a copy (and its memory) as text.
    /// It prints as its bytes, escaped as text is; it is always true.
    case writer(TemplateWriter)
    /// A value made only when a template first looks at it (then treated
    /// exactly as the value it makes): each of 10,000 events in a list,
    /// which most templates only count.
    case deferred(TemplateDeferred)
}

/// A value computed on demand; see `TemplateValue.deferred`.
public struct TemplateDeferred: Sendable {
    public let make: @Sendable () -> TemplateValue
    public init(_ make: @escaping @Sendable () -> TemplateValue) { self.make = make }
}

/// A lambda's body: the section's unrendered text in, template text out.
public struct TemplateLambda: Sendable {
    public let call: @Sendable (String) -> String
    public init(_ call: @escaping @Sendable (String) -> String) { self.call = call }
}

/// Appends its bytes to a page being rendered.
public struct TemplateWriter: Sendable {
    public let write: @Sendable (inout [UInt8]) -> Void
    public init(_ write: @escaping @Sendable (inout [UInt8]) -> Void) { self.write = write }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByFloatLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral {
    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .map(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
    public init(nilLiteral: ()) { self = .null }
}
