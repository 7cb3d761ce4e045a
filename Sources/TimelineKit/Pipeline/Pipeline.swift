import Dispatch

/// The named stages a build runs, in order. Each is a function from values to
/// values; only `load` reads and only `write` writes.
public enum Stage: String, Sendable, CaseIterable {
    case load, parse, link, markdown, templates, render, write
}

/// What a build produced: the files (unless stopped by errors), every
/// diagnostic, and how long each stage took.
public struct BuildResult: Sendable {
    public var diagnostics = DiagnosticReport()
    public var files: [RenderedFile] = []
    public var noteCount = 0
    public var pageCount = 0
    public var timings: [(stage: Stage, seconds: Double)] = []
    /// The stage that found the errors, if any.
    public var failedStage: Stage?

    public var succeeded: Bool { !diagnostics.hasErrors }
}

/// Runs the stages. `check` stops before `write`; `build` writes.
public enum Pipeline {
    /// Everything but writing: the site as files in memory.
    public static func render(_ options: BuildOptions) -> BuildResult {
        var result = BuildResult()
        func timed<T>(_ stage: Stage, _ work: () -> (T, [Diagnostic])) -> T? {
            let start = DispatchTime.now().uptimeNanoseconds
            let (value, diagnostics) = work()
            result.timings.append((stage, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
            result.diagnostics.append(contentsOf: diagnostics)
            if result.diagnostics.hasErrors, result.failedStage == nil { result.failedStage = stage }
            return value
        }

        // Templates are checked even when content is broken, so one run
        // reports every problem in both.
        let content = timed(.load) { ContentLoader.load(from: options.contentPath) }!
        let templates = timed(.templates) { TemplateSet.load(from: options.templatesPath) } ?? nil
        result.noteCount = content.files.count
        guard var site = timed(.parse, { SiteParser.parse(content) }) ?? nil else { return result }
        result.diagnostics.append(contentsOf: SettingsParser.applyBaseURL(options.baseURL, to: &site.settings, settingsPath: content.settingsPath))
        if result.diagnostics.hasErrors, result.failedStage == nil { result.failedStage = .parse }
        let chronology = timed(.link) { Linker.link(site, includeDrafts: options.includeDrafts) }!
        let bodies = timed(.markdown) { NoteBodies.render(chronology) }!
        guard !result.diagnostics.hasErrors, let templates else { return result }
        let files = timed(.render) { () -> ([RenderedFile], [Diagnostic]) in
            let (assets, problems) = SiteRenderer.assets(in: options.templatesPath)
            let pages = SiteRenderer.render(chronology, bodies: bodies, templates: templates)
            return ((pages + assets).sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }, problems)
        }!
        guard !result.diagnostics.hasErrors else { return result }
        result.files = files
        result.pageCount = files.filter { $0.path.hasSuffix(".html") }.count
        return result
    }

    /// A full build: render, then write to the output folder if nothing was wrong.
    public static func build(_ options: BuildOptions) -> BuildResult {
        var result = render(options)
        guard result.succeeded else { return result }
        let start = DispatchTime.now().uptimeNanoseconds
        do {
            try SiteWriter.write(result.files, to: options.outputPath)
        } catch {
            result.diagnostics.append(Diagnostic(.error, file: error.path, "cannot write the site: \(error.reason)",
                                                 hint: "the previous site was left in place"))
            result.failedStage = .write
        }
        result.timings.append((.write, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
        return result
    }
}
