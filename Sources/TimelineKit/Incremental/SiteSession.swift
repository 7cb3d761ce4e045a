import Dispatch

/// The build engine, kept alive between builds by `serve` (and used once by
/// `build` and `check`). It remembers each note file's parse by its stamp,
/// each body's rendering, and the pages of the last good build, so a rebuild
/// after one edit reads one file and renders only the pages that show it.
///
/// Not thread-safe: one build at a time (the server serialises them).
public final class SiteSession: @unchecked Sendable {
    public var options: BuildOptions

    private struct CachedNote {
        let stamp: FileStamp
        let file: SourceFile
        let parsed: (ParsedNote, [Diagnostic])
    }

    /// What the last successful render produced, to render only the difference.
    private struct LastGood {
        let chronology: Chronology
        let bodies: NoteBodies
        let templateSources: [String: String]
        let assets: [RenderedFile]
        let pages: [String: RenderedFile]
    }

    private var notes: [String: CachedNote] = [:]
    private var lastGood: LastGood?
    private var lastBodies: NoteBodies?
    private var renderCache = RenderCache()
    private var lastVerifier: QuoteVerifier?

    public init(options: BuildOptions) {
        self.options = options
    }

    /// Runs every stage but `write`. `result.files` is the whole site;
    /// `result.renderedPages` says how many pages were rendered anew.
    public func render() -> BuildResult {
        var result = BuildResult()
        func timed<T>(_ stage: Stage, _ work: () -> (T, [Diagnostic])) -> T {
            let start = DispatchTime.now().uptimeNanoseconds
            let (value, diagnostics) = work()
            result.timings.append((stage, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
            result.diagnostics.append(contentsOf: diagnostics)
            if result.diagnostics.hasErrors, result.failedStage == nil { result.failedStage = stage }
            return value
        }

        let content = timed(.load) {
            ContentLoader.load(from: options.contentPath) { path, stamp in
                self.notes[path].flatMap { $0.stamp == stamp ? $0.file : nil }
            }
        }
        // Templates are checked even when content is broken, so one run
        // reports every problem in both.
        let templates = timed(.templates) { TemplateSet.load(from: options.templatesPath) }
        result.noteCount = content.files.count
        let site: Site? = timed(.parse) {
            let parsed = parallelMap(content.files) { file -> (ParsedNote, [Diagnostic]) in
                if let cached = self.notes[file.path], cached.file.text == file.text { return cached.parsed }
                return ParsedNote.parse(file)
            }
            var kept: [String: CachedNote] = [:]
            for (file, note) in zip(content.files, parsed) {
                if let stamp = content.stamps[file.path] { kept[file.path] = CachedNote(stamp: stamp, file: file, parsed: note) }
            }
            notes = kept
            return SiteParser.assemble(settingsText: content.settingsText, settingsPath: content.settingsPath, notes: parsed)
        }
        guard var site else { return result }
        result.diagnostics.append(contentsOf: SettingsParser.applyBaseURL(options.baseURL, to: &site.settings, settingsPath: content.settingsPath))
        if result.diagnostics.hasErrors, result.failedStage == nil { result.failedStage = .parse }
        let chronology = timed(.link) { () -> (Chronology, [Diagnostic]) in
            let verifier = QuoteVerifier(articles: site.articles, reusing: lastVerifier)
            lastVerifier = verifier
            return Linker.link(site, includeDrafts: options.includeDrafts, verifier: verifier)
        }
        result.chronology = chronology
        let bodies = timed(.markdown) { NoteBodies.render(chronology, reusing: lastBodies) }
        lastBodies = bodies
        guard !result.diagnostics.hasErrors, let templates else { return result }

        let (files, pages) = timed(.render) { () -> (([RenderedFile], Int), [Diagnostic]) in
            let (assets, problems) = SiteRenderer.assets(in: options.templatesPath)
            var only: Set<String>?
            var previous: [String: RenderedFile] = [:]
            if let last = lastGood, last.templateSources == templates.sources, last.assets == assets {
                only = AffectedPages.between(last.chronology, last.bodies, chronology, bodies)
                previous = last.pages
            }
            let pages = SiteRenderer.render(chronology, bodies: bodies, templates: templates, only: only, previous: previous,
                                            progress: options.progress, cache: &renderCache)
            let html = pages.filter { $0.path.hasSuffix(".html") }
            let rendered = only.map { set in html.filter { set.contains($0.path) || previous[$0.path] == nil }.count } ?? html.count
            if problems.isEmpty {
                lastGood = LastGood(chronology: chronology, bodies: bodies, templateSources: templates.sources, assets: assets,
                                    pages: Dictionary(pages.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a }))
            }
            let all = (pages + assets).sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
            return ((all, rendered), problems)
        }
        guard !result.diagnostics.hasErrors else { return result }
        result.files = files
        result.renderedPages = pages
        result.pageCount = files.filter { $0.path.hasSuffix(".html") }.count
        return result
    }
}
