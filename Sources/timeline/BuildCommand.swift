import ArgumentParser
import Dispatch
import TimelineKit

#if canImport(Glibc)
import Glibc
#endif

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site from Content/ and Templates/ into Public/."
    )

    @Option(help: "The folder of Markdown notes.") var content = "Content"
    @Option(help: "The folder of Mustache templates and assets.") var templates = "Templates"
    @Option(help: "Where the site is written.") var output = "Public"
    @Flag(help: "Include events marked draft: true.") var drafts = false
    @Option(name: .customLong("base-url"), help: "The address the site will be served from; overrides site.yml's base_url.")
    var baseURL: String?
    @Flag(name: .shortAndLong, help: "Print each stage and how long it took.") var verbose = false
    @Flag(name: .shortAndLong, help: "Print errors only.") var quiet = false

    func run() throws {
        let start = DispatchTime.now().uptimeNanoseconds
        var options = BuildOptions(contentPath: content, templatesPath: templates, outputPath: output, includeDrafts: drafts,
                                   baseURL: baseURL)
        let progressLine = ProgressLine(quiet: quiet)
        options.progress = progressLine.progress
        progressLine.start()
        let result = Pipeline.build(options)
        progressLine.stop()
        Report.print(result, verbose: verbose, quiet: quiet)
        guard result.succeeded else { throw ExitCode.failure }
        if !quiet {
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            print("Built \(Report.count(result.pageCount)) pages from \(Report.count(result.noteCount)) notes in \(Report.seconds(seconds))")
        }
    }
}
