import ArgumentParser
import TimelineKit
import TimelineServer

#if canImport(Glibc)
import Glibc
#endif

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site: build in memory, serve it, rebuild and reload on every change."
    )

    @Option(help: "The address to listen on; loopback unless told otherwise.") var host = "127.0.0.1"
    @Option(help: "The port to listen on; 0 picks a free one.") var port = 8000
    @OptionGroup var site: SiteOptions

    func run() async throws {
        let build = site.buildOptions()
        let server = PreviewServer(options: .init(build: build, host: host, port: port)) { line in
            Report.printError(line)
        }
        try await server.run()
    }
}
