import ArgumentParser
import TimelineKit

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the content without writing anything: every build error, plus editorial warnings."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var site: SiteOptions
    @Option(help: "text (one line per problem) or json.") var format = Format.text
    @Flag(help: "Fail on warnings too.") var strict = false

    func run() throws {
        let options = site.buildOptions()
        let result = Pipeline.render(options)
        let report = CheckReport(result, contentPath: options.contentPath)
        print(format == .json ? report.json : report.text, terminator: "")
        if report.failed(strict: strict) { throw ExitCode.failure }
    }
}
