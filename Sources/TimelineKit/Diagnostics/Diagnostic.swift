/// One problem found in the input, located precisely enough that an editor can
/// jump to it: `FILE:LINE:COL: message (hint)`.
///
/// Stages return diagnostics as values instead of throwing, so one run reports
/// every problem rather than the first.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    public var severity: Severity
    /// Path as the user knows it, e.g. `Content/events/moscow-meeting.md`.
    public var file: String
    /// 1-based; 0 when the problem concerns the whole file.
    public var line: Int
    /// 1-based; 0 when unknown.
    public var column: Int
    public var message: String
    /// What would be right, e.g. `did you mean 'vladimir-putin'?`.
    public var hint: String?

    public init(
        _ severity: Severity, file: String, line: Int = 0, column: Int = 0,
        _ message: String, hint: String? = nil
    ) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.hint = hint
    }

    public static func error(
        _ message: String, at location: SourceLocation, hint: String? = nil
    ) -> Diagnostic {
        Diagnostic(.error, file: location.file, line: location.line, column: location.column, message, hint: hint)
    }

    public static func warning(
        _ message: String, at location: SourceLocation, hint: String? = nil
    ) -> Diagnostic {
        Diagnostic(.warning, file: location.file, line: location.line, column: location.column, message, hint: hint)
    }

    public var location: SourceLocation { SourceLocation(file: file, line: line, column: column) }

    /// `FILE:LINE:COL: message (hint)`; warnings say so after the location.
    public var description: String {
        var text = file
        if line > 0 {
            text += ":\(line)"
            if column > 0 { text += ":\(column)" }
        }
        text += ": "
        if severity == .warning { text += "warning: " }
        text += message
        if let hint { text += " (\(hint))" }
        return text
    }
}

/// A place in a source file. Line and column are 1-based; 0 means unknown.
public struct SourceLocation: Sendable, Hashable {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int = 0, column: Int = 0) {
        self.file = file
        self.line = line
        self.column = column
    }
}
