/// What `timeline check` prints: every diagnostic, as text lines like the
/// build's or as JSON for editors and CI, and whether the check failed.
public struct CheckReport: Sendable {
    public let diagnostics: [Diagnostic]
    /// What the check could not do, said once (e.g. no git to compare with).
    public let notices: [String]

    /// `contentPath`, when given, is compared with its last commit in git.
    public init(_ result: BuildResult, contentPath: String? = nil) {
        var report = result.diagnostics
        var notices: [String] = []
        if let chronology = result.chronology, !result.diagnostics.hasErrors {
            report.append(contentsOf: EditorialReview.warnings(chronology))
            if let media = result.media { report.append(contentsOf: MediaReview.warnings(chronology, media)) }
            if let contentPath {
                switch UnannouncedChanges.review(chronology, contentPath: contentPath) {
                case .compared(let warnings): report.append(contentsOf: warnings)
                case .notCompared(let why): notices.append(why)
                }
            }
        }
        diagnostics = report.sorted
        self.notices = notices
    }

    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    public var warningCount: Int { diagnostics.count - errorCount }

    /// Errors fail; warnings fail only when `strict`.
    public func failed(strict: Bool) -> Bool { errorCount > 0 || (strict && warningCount > 0) }

    public var text: String {
        var lines = diagnostics.map(\.description) + notices.map { "note: " + $0 }
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
            ("notices", .array(notices.map { .string($0) })),
        ]).serialized(pretty: true) + "\n"
    }
}
