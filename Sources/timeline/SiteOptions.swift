import ArgumentParser
import TimelineKit

/// The options every command that builds the site shares (build, serve,
/// check): where the notes and templates are, drafts, and the base URL.
struct SiteOptions: ParsableArguments {
    @Option(help: "The folder of Markdown notes.") var content = "Content"
    @Option(help: "The folder of Mustache templates and assets.") var templates = "Templates"
    @Flag(help: "Include events marked draft: true.") var drafts = false
    @Option(name: .customLong("base-url"), help: "The address the site will be served from; overrides site.yml's base_url.")
    var baseURL: String?
    @Option(help: "Where encoded images are kept between builds (default: .timeline-cache beside the content folder).")
    var cache: String?

    /// What a build reads, with `output` as where it writes.
    func buildOptions(output: String = "Public") -> BuildOptions {
        var options = BuildOptions(contentPath: content, templatesPath: templates, outputPath: output, includeDrafts: drafts,
                                   baseURL: baseURL)
        options.cachePath = cache
        return options
    }
}
