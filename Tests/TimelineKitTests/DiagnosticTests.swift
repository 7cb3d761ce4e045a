import Testing
@testable import TimelineKit

@Suite struct DiagnosticTests {
    @Test(arguments: [
        (Diagnostic(.error, file: "a.md", line: 4, column: 7, "bad", hint: "fix it"), "a.md:4:7: bad (fix it)"),
        (Diagnostic(.error, file: "a.md", line: 4, "bad"), "a.md:4: bad"),
        (Diagnostic(.error, file: "a.md", "bad"), "a.md: bad"),
        (Diagnostic(.error, file: "a.md", column: 7, "bad"), "a.md: bad"),
        (Diagnostic(.warning, file: "a.md", line: 1, column: 1, "odd", hint: "check"), "a.md:1:1: warning: odd (check)"),
    ])
    func describesItselfAsFileLineColumnMessageHint(diagnostic: Diagnostic, description: String) {
        #expect(diagnostic.description == description)
    }

    @Test func aReportSortsByFileLineAndColumnAndDropsRepeats() {
        let report = DiagnosticReport([
            Diagnostic(.error, file: "b.md", line: 1, "x"),
            Diagnostic(.warning, file: "a.md", line: 10, "y"),
            Diagnostic(.error, file: "a.md", line: 2, column: 5, "z"),
            Diagnostic(.error, file: "a.md", line: 2, column: 5, "z"),
        ])
        #expect(report.sorted.map(\.description) == ["a.md:2:5: z", "a.md:10: warning: y", "b.md:1: x"])
        #expect(report.errors.count == 2)
        #expect(report.warnings.count == 1)
        #expect(report.hasErrors)
    }

    @Test func warningsAloneAreNotErrors() {
        #expect(!DiagnosticReport([Diagnostic(.warning, file: "a.md", "y")]).hasErrors)
    }
}
