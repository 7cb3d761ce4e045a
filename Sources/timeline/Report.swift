import TimelineKit

#if canImport(Glibc)
import Glibc
#endif

/// Prints diagnostics to standard error and stage timings, as the CLI's only output.
enum Report {
    static func print(_ result: BuildResult, verbose: Bool, quiet: Bool) {
        for diagnostic in result.diagnostics.sorted where !(quiet && diagnostic.severity == .warning) {
            printError(diagnostic.description)
        }
        if verbose {
            for (stage, seconds) in result.timings {
                printError("  \(stage.rawValue.padding(10)) \(Self.seconds(seconds))")
            }
        }
        if let stage = result.failedStage {
            let errors = result.diagnostics.errors.count
            printError("error: the build stopped at the \(stage.rawValue) stage with \(count(errors)) \(errors == 1 ? "error" : "errors"); nothing was written")
        }
    }

    static func printError(_ line: String, newline: Bool = true) {
        var text = newline ? line + "\n" : line
        text.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
    }

    /// `1,234`
    static func count(_ n: Int) -> String {
        let digits = String(n)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out += "," }
            out.append(c)
        }
        return out
    }

    /// `0.42 s`
    static func seconds(_ s: Double) -> String {
        let hundredths = Int((s * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction) s"
    }
}

extension String {
    func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
