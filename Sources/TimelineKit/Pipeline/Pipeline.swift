import Dispatch

/// The build engine, kept alive between builds by `serve` (and used once by
/// `build` and `check`). It remembers each note file's parse by its stamp,
/// each body's rendering, and the pages of the last good build, so a rebuild
/// after one edit reads one file and renders only the pages that show it.
/// Told which files changed, it patches the last build when only note
/// bodies did (see `SiteSession+BodyEdits.swift`).
///
/// Not thread-safe: one build at a time (the server serialises them).
public final class SiteSession: @unchecked Sendable {
    public let options: BuildOptions

    struct CachedNote {
        let stamp: FileStamp
        let file: SourceFile
        let parsed: (ParsedNote, [Diagnostic])
    }

    /// What the last successful render produced, to render only the difference.
    struct LastGood {
        var chronology: Chronology
        var bodies: NoteBodies
        let templateSources: [String: String]
        let assets: [RenderedFile]
        var pages: [String: RenderedFile]
    }

    /// Each note read from a plain file (not a link), by path, with the
    /// stamp its file had.
    var notes: [String: CachedNote] = [:]
    /// Whether each note was read from a file no other note shares (no
    /// symbolic or hard links): only then does a changed path name every
    /// note whose text changed.
    var notesHaveOwnFiles = false
    var lastGood: LastGood?
    var lastBodies: NoteBodies?
    private var renderCache = RenderCache()
    private var lastVerifier: QuoteVerifier?
    /// The last build, if it succeeded: what a body edit patches.
    var patchable: PatchableBuild?

    public init(options: BuildOptions) {
        self.options = options
    }

    /// What the stages before `render` produce.
    struct Prepared {
        let chronology: Chronology
        let bodies: NoteBodies
        let templates: TemplateSet
    }

    /// Runs every stage but `write`. `result.files` is the whole site;
    /// `result.renderedPages` says how many pages were rendered anew.
    ///
    /// `changed` names the files changed since the last call, when known
    /// (`serve`'s watcher knows): if they are notes whose bodies alone
    /// changed, the last build is patched instead, reading no other file.
    public func render(changed: Set<String>? = nil) -> BuildResult {
        if let changed, let patched = renderBodyEdits(in: changed) { return patched }
        patchable = nil
        var result = BuildResult()
        guard let prepared = prepare(&result, remembering: true) else { return result }
        let (chronology, bodies, templates) = (prepared.chronology, prepared.bodies, prepared.templates)

        var site: SiteRenderer.RenderedSite?
        let (files, pages) = Self.timed(.render, &result) { () -> (([RenderedFile], Int), [Diagnostic]) in
            let (assets, problems) = SiteRenderer.assets(in: options.templatesPath)
            var only: Set<String>?
            var previous: [String: RenderedFile] = [:]
            if let last = lastGood, last.templateSources == templates.sources, last.assets == assets {
                only = AffectedPages.between(last.chronology, last.bodies, chronology, bodies)
                previous = last.pages
            }
            site = SiteRenderer.render(chronology, bodies: bodies, templates: templates, only: only, previous: previous,
                                       progress: options.progress, cache: &renderCache)
            let pages = site!.files
            let html = pages.filter { $0.path.hasSuffix(".html") }
            let rendered = only.map { set in html.filter { set.contains($0.path) || previous[$0.path] == nil }.count } ?? html.count
            if problems.isEmpty {
                lastGood = LastGood(chronology: chronology, bodies: bodies, templateSources: templates.sources, assets: assets,
                                    pages: Dictionary(pages.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a }))
            }
            let all = (pages + assets).sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
            return ((all, rendered), problems + AssetReferences.missing(in: templates, assets: assets))
        }
        guard !result.diagnostics.hasErrors else { return result }
        result.files = files
        result.renderedPages = pages
        result.pageCount = files.filter { $0.path.hasSuffix(".html") }.count
        if let site { patchable = PatchableBuild(result: result, templates: templates, site: site) }
        return result
    }

    /// Load, templates, parse, link and markdown, each timed into `result`.
    /// Nil when a stage found errors or the templates are unusable. Without
    /// `remembering`, nothing is kept for a later build, and the sources'
    /// text is let go as soon as it is parsed: a one-shot build of 100,000
    /// events would otherwise hold its whole `Content/` to the end.
    func prepare(_ result: inout BuildResult, remembering: Bool) -> Prepared? {
        guard let linked = link(&result, remembering: remembering) else { return nil }
        let templates = linked.0
        var chronology = linked.1
        let bodies = Self.timed(.markdown, &result) {
            NoteBodies.render(chronology, reusing: lastBodies, remembering: remembering)
        }
        if remembering {
            lastBodies = bodies
        } else {
            chronology.forgetEventMarkdown()
        }
        result.chronology = chronology
        guard !result.diagnostics.hasErrors, let templates else { return nil }
        return Prepared(chronology: chronology, bodies: bodies, templates: templates)
    }

    /// The stages up to `link`. The loaded text and the parsed notes live
    /// only in here (unless `remembering`), so they are freed on return.
    private func link(_ result: inout BuildResult, remembering: Bool) -> (TemplateSet?, Chronology)? {
        let content = Self.timed(.load, &result) {
            ContentLoader.load(from: options.contentPath) { path, stamp in
                self.notes[path].flatMap { $0.stamp == stamp ? $0.file : nil }
            }
        }
        // Templates are checked even when content is broken, so one run
        // reports every problem in both.
        let templates = Self.timed(.templates, &result) { TemplateSet.load(from: options.templatesPath) }
        result.noteCount = content.files.count
        let site: Site? = Self.timed(.parse, &result) {
            let parsed = parallelMap(content.files) { file -> (ParsedNote, [Diagnostic]) in
                if let cached = self.notes[file.path], cached.file.text == file.text { return cached.parsed }
                return ParsedNote.parse(file)
            }
            if remembering {
                var kept: [String: CachedNote] = [:]
                for (file, note) in zip(content.files, parsed) {
                    if let stamp = content.stamps[file.path] { kept[file.path] = CachedNote(stamp: stamp, file: file, parsed: note) }
                }
                notes = kept
                notesHaveOwnFiles = kept.count == content.files.count
                    && Set(kept.values.map(\.stamp.inode)).count == kept.count
            }
            return SiteParser.assemble(settingsText: content.settingsText, settingsPath: content.settingsPath, notes: parsed)
        }
        guard var site else { return nil }
        result.diagnostics.append(contentsOf: SettingsParser.applyBaseURL(options.baseURL, to: &site.settings, settingsPath: content.settingsPath))
        if result.diagnostics.hasErrors, result.failedStage == nil { result.failedStage = .parse }
        let chronology = Self.timed(.link, &result) { () -> (Chronology, [Diagnostic]) in
            let verifier = QuoteVerifier(articles: site.articles, reusing: lastVerifier)
            if remembering { lastVerifier = verifier }
            return Linker.link(site, includeDrafts: options.includeDrafts, verifier: verifier)
        }
        return (templates, chronology)
    }

    /// Runs one stage, recording its time, its diagnostics and whether it
    /// was the first to find an error.
    static func timed<T>(_ stage: Stage, _ result: inout BuildResult, _ work: () -> (T, [Diagnostic])) -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        let (value, diagnostics) = work()
        result.timings.append((stage, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
        result.diagnostics.append(contentsOf: diagnostics)
        if result.diagnostics.hasErrors, result.failedStage == nil { result.failedStage = stage }
        return value
    }
}

