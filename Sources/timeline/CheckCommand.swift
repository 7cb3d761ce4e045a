import ArgumentParser
import TimelineKit

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the content without writing anything: every build error, plus editorial warnings."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(help: "The folder of Markdown notes.") var content = "Content"
    @Option(help: "The folder of Mustache templates and assets.") var templates = "Templates"
    @Option(help: "text (one line per problem) or json.") var format = Format.text
    @Flag(help: "Fail on warnings too.") var strict = false
    @Flag(help: "Include events marked draft: true.") var drafts = false

    func run() throws {
        let result = Pipeline.render(BuildOptions(contentPath: content, templatesPath: templates, includeDrafts: drafts))
        let report = CheckReport(result)
        print(format == .json ? report.json : report.text, terminator: "")
        if report.failed(strict: strict) { throw ExitCode.failure }
    }
}
