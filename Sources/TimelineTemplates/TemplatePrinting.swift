/// How a value prints in `{{name}}`: as swift-mustache's `String(describing:)`
/// prints the Swift value Timeline used to hand it (Int as decimal, Double as
/// Swift prints it, Bool as true/false, lists as `[1, "a"]`).
extension TemplateValue {
    /// The printed form of values that are not text, bytes or lambdas.
    var printed: String {
        switch self {
        case .null: ""
        case .bool(let b): b ? "true" : "false"
        case .int(let i): String(i)
        case .double(let d): String(describing: d)
        case .text(let s): s
        case .writer(let w): w.string
        case .list, .map: debugForm
        case .lambda: "(Function)"
        case .deferred: forced.printed
        }
    }

    /// As a value prints inside a printed list or map (Swift's `debugPrint`).
    /// Maps print their keys sorted; swift-mustache prints them in hash order,
    /// so only maps of at most one key print identically there.
    var debugForm: String {
        switch self {
        // swift-mustache sees a null list element as NSNull.
        case .null: "<null>"
        case .bool(let b): b ? "true" : "false"
        case .int(let i): String(i)
        case .double(let d): String(reflecting: d)
        case .text(let s): String(reflecting: s)
        case .writer(let w): String(reflecting: w.string)
        case .list(let items): "[" + items.map(\.debugForm).joined(separator: ", ") + "]"
        case .map(let entries):
            entries.values.allSatisfy(\.isNull)
                ? "[:]"
                : "[" + entries.filter { !$0.value.isNull }.sorted { $0.key < $1.key }
                    .map { String(reflecting: $0.key) + ": " + $0.value.debugForm }.joined(separator: ", ") + "]"
        case .lambda: "(Function)"
        case .deferred: forced.debugForm
        }
    }
}
