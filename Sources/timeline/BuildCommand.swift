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

    @OptionGroup var site: SiteOptions
    @Option(help: "Where the site is written.") var output = "Public"
    @Flag(name: .shortAndLong, help: "Print each stage and how long it took.") var verbose = false
    @Flag(name: .shortAndLong, help: "Print errors only.") var quiet = false

    func run() throws {
        let start = DispatchTime.now().uptimeNanoseconds
        var options = site.buildOptions(output: output)
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
