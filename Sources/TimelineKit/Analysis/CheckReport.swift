/// What `timeline check` prints: every diagnostic, as text lines like the
/// build's or as JSON for editors and CI, and whether the check failed.
public struct CheckReport: Sendable {
    public let diagnostics: [Diagnostic]

    public init(_ result: BuildResult) {
        var report = result.diagnostics
        if let chronology = result.chronology, !result.diagnostics.hasErrors {
            report.append(contentsOf: EditorialReview.warnings(chronology))
        }
        diagnostics = report.sorted
    }

    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    public var warningCount: Int { diagnostics.count - errorCount }

    /// Errors fail; warnings fail only when `strict`.
    public func failed(strict: Bool) -> Bool { errorCount > 0 || (strict && warningCount > 0) }

    public var text: String {
        var lines = diagnostics.map(\.description)
        let errors = errorCount == 1 ? "1 error" : "\(errorCount) errors"
        let warnings = warningCount == 1 ? "1 warning" : "\(warningCount) warnings"
        lines.append("\(errors), \(warnings)")
        return lines.joined(separator: "\n") + "\n"
    }

    public var json: String {
        let items: [JSON] = diagnostics.map { d in
            var fields: [(String, JSON)] = [
                ("severity", .string(d.severity.rawValue)), ("file", .string(d.file)),
                ("line", .integer(d.line)), ("column", .integer(d.column)), ("message", .string(d.message)),
            ]
            if let hint = d.hint { fields.append(("hint", .string(hint))) }
            return .object(fields)
        }
        return JSON.object([
            ("errors", .integer(errorCount)), ("warnings", .integer(warningCount)), ("diagnostics", .array(items)),
        ]).serialized(pretty: true) + "\n"
    }
}
