import Dispatch

/// The named stages a build runs, in order. Each is a function from values to
/// values; only `load` reads notes, and `media` the images they name. `build` writes each page into a staging folder
/// during `render`, and `write` swaps that folder in; `check` and `serve`
/// render into memory.
public enum Stage: String, Sendable, CaseIterable {
    case load, parse, link, markdown, media, templates, render, write
}

/// What a build produced: the files (unless stopped by errors), every
/// diagnostic, and how long each stage took.
public struct BuildResult: Sendable {
    public var diagnostics = DiagnosticReport()
    public var files: [RenderedFile] = []
    public var noteCount = 0
    public var pageCount = 0
    /// Pages rendered by this build rather than kept from the previous one.
    public var renderedPages = 0
    public var timings: [(stage: Stage, seconds: Double)] = []
    /// The stage that found the errors, if any.
    public var failedStage: Stage?
    /// Set when this build patched the previous one (a body edit): the
    /// files of `files` that differ from it, so a server swaps just those.
    public var changedFiles: [RenderedFile]?
    /// The linked site, when the build got that far (for `check`'s review).
    public var chronology: Chronology?
    /// The published images, when the build got that far (for `check`'s review).
    public var media: MediaLibrary?

    public var succeeded: Bool { !diagnostics.hasErrors }
}

/// The pipeline, read top to bottom: load, parse, link, markdown, render,
/// write. `build` renders every page into a staging folder and swaps it in;
/// `render` (serve, check) renders into memory, and with a cache from an
/// earlier build renders only the pages an edit reaches, or patches an edit
/// to note bodies into the last build (`BodyEditPatch`). Every error in the
/// content and templates is found before anything is rendered.
public enum Pipeline {
    /// A full build into `options.outputPath`, which is left as it was
    /// unless every stage succeeds.
    public static func build(_ options: BuildOptions) -> BuildResult {
        var result = BuildResult()
        var cache = BuildCache()
        guard let model = prepare(options, &result, &cache, remembering: false),
              let assets = assets(options, model, &result) else { return result }
        let start = DispatchTime.now().uptimeNanoseconds
        do throws(SiteWriter.Failure) {
            let staging = try StagingFolder(for: options.outputPath)
            do throws(SiteWriter.Failure) {
                let pages = Page.all(in: model.chronology)
                let mediaFiles = model.media.files.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
                try staging.makeFolders(for: assets.map(\.path) + mediaFiles.map(\.key), pages: pages.map { $0.path(in: model.chronology) })
                let sink = StagingSink(staging: staging)
                for asset in assets { try sink.write(asset.path, asset.bytes) }
                try SiteRenderer.render(model, pages: pages, progress: options.progress, into: sink)
                // Linked from the cache where the file system allows; else
                // copied, one image in memory at a time.
                for (path, source) in mediaFiles {
                    if case .cached(let file) = source, staging.link(path, to: file) { continue }
                    try sink.write(path, try MediaFiles.read(source, publishedAs: path))
                }
                result.pageCount = pages.count
            } catch {
                staging.discard()
                throw error
            }
            result.renderedPages = result.pageCount
            let swap = DispatchTime.now().uptimeNanoseconds
            result.timings.append((.render, Double(swap - start) / 1e9))
            try staging.commit()
            result.timings.append((.write, Double(DispatchTime.now().uptimeNanoseconds - swap) / 1e9))
        } catch {
            result.diagnostics.append(Diagnostic(.error, file: error.path, "cannot write the site: \(error.reason)",
                                                 hint: "the previous site was left in place"))
            result.failedStage = .write
        }
        return result
    }

    /// Every stage but `write`: the whole site as files in memory. With
    /// `cache` from an earlier call, only the pages the difference reaches
    /// are rendered; `changed` names the files changed since (when known, as
    /// `serve`'s watcher knows), and if they are note bodies alone the last
    /// build is patched, reading no other file.
    public static func render(_ options: BuildOptions, cache: inout BuildCache, changed: Set<String>? = nil) -> BuildResult {
        if let changed, let patched = BodyEditPatch.apply(changed, options, &cache) { return patched }
        let last = cache.last
        cache.last = nil
        var result = BuildResult()
        guard let model = prepare(options, &result, &cache, remembering: true),
              let assets = assets(options, model, &result),
              let media = MediaFiles.readAll(model.media, last: last, &result) else { return result }
        let chronology = model.chronology
        typealias Rendered = (files: [RenderedFile], pages: Int, fragments: [EventFragments], items: [EventItems.Rendered])
        let rendered = timed(.render, &result) { () -> (Rendered, [Diagnostic]) in
            var pages = Page.all(in: chronology)
            var kept: [RenderedFile] = []
            if let last, last.model.templates.sources == model.templates.sources, last.assets == assets,
               last.model.media.images == model.media.images,
               let affected = AffectedPages.between(last.model.chronology, last.model.bodies, chronology, model.bodies) {
                // A social card is named only by its own event's page.
                let cards = model.media.changedCards(since: last.model.media).map { "events/\($0)/index.html" }
                let all = pages
                pages = all.filter {
                    let path = $0.path(in: chronology)
                    return affected.contains(path) || cards.contains(path) || last.fileIndex[path] == nil
                }
                let chosen = Set(pages.map { $0.path(in: chronology) })
                kept = all.map { $0.path(in: chronology) }.filter { !chosen.contains($0) }.map { last.result.files[last.fileIndex[$0]!] }
            }
            let sink = MemorySink()
            let fragments = cache.fragments(for: model), items = cache.items(for: model)
            SiteRenderer.render(model, pages: pages, items: items, fragments: fragments, progress: options.progress, into: sink)
            let files = (sink.written + kept + assets + media).sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
            return ((files, pages.count, fragments, items), [])
        }
        guard !result.diagnostics.hasErrors else { return result }
        (result.files, result.renderedPages) = (rendered.files, rendered.pages)
        result.pageCount = result.files.count { $0.path.hasSuffix(".html") }
        cache.last = LastBuild(model: model, assets: assets, result: result, fragments: rendered.fragments, items: rendered.items)
        return result
    }

    /// A render with nothing kept: `check`, and tests that compare with a
    /// fresh build.
    public static func render(_ options: BuildOptions) -> BuildResult {
        var cache = BuildCache()
        return render(options, cache: &cache)
    }

    // MARK: The stages before rendering

    /// Load, templates, parse, link and markdown, each timed into `result`;
    /// nil when one found errors. Without `remembering`, nothing is kept in
    /// `cache`, and the sources' text is let go as soon as it is parsed: a
    /// one-shot build of 100,000 events would otherwise hold its whole
    /// `Content/` to the end.
    static func prepare(_ options: BuildOptions, _ result: inout BuildResult, _ cache: inout BuildCache,
                        remembering: Bool) -> RenderModel? {
        let content = timed(.load, &result) {
            ContentLoader.load(from: options.contentPath) { [notes = cache.notes] path, stamp in
                notes[path].flatMap { $0.stamp == stamp ? $0.file : nil }
            }
        }
        // Templates are checked even when content is broken, so one run
        // reports every problem in both.
        let templates = timed(.templates, &result) { TemplateSet.load(from: options.templatesPath, reusing: cache.templates) }
        if remembering { cache.templates = templates }
        result.noteCount = content.files.count
        let site: Site? = timed(.parse, &result) {
            parse(content, &cache, remembering: remembering)
        }
        guard var site else { return nil }
        result.diagnostics.append(contentsOf: SettingsParser.applyBaseURL(options.baseURL, to: &site.settings, settingsPath: content.settingsPath))
        if result.diagnostics.hasErrors, result.failedStage == nil { result.failedStage = .parse }
        var chronology = timed(.link, &result) { () -> (Chronology, [Diagnostic]) in
            let verifier = QuoteVerifier(articles: site.articles, reusing: cache.verifier)
            if remembering { cache.verifier = verifier }
            return Linker.link(site, includeDrafts: options.includeDrafts, verifier: verifier)
        }
        let bodies = timed(.markdown, &result) {
            NoteBodies.render(chronology, reusing: cache.bodies, remembering: remembering)
        }
        if remembering {
            cache.bodies = bodies
        } else {
            chronology.forgetEventMarkdown()
        }
        result.chronology = chronology
        // Pictures are encoded only for notes that are right: a typo should
        // not wait minutes for 200 pictures before it is reported.
        guard !result.diagnostics.hasErrors else { return nil }
        let media = timed(.media, &result) {
            MediaLibrary.prepare(chronology, contentPath: options.contentPath,
                                 cachePath: options.cachePath ?? MediaLibrary.defaultCachePath(contentPath: options.contentPath),
                                 cardStyle: SocialCard.Style.from(templatesPath: options.templatesPath))
        }
        result.media = media
        guard !result.diagnostics.hasErrors, let templates else { return nil }
        return RenderModel(chronology: chronology, bodies: bodies, templates: templates, media: media)
    }

    /// Each note parsed, from `cache` where its text is unchanged; the notes
    /// put together as a site.
    private static func parse(_ content: LoadedContent, _ cache: inout BuildCache, remembering: Bool) -> (Site?, [Diagnostic]) {
        let notes = cache.notes
        let parsed = parallelMap(content.files) { file -> (ParsedNote, [Diagnostic]) in
            if let cached = notes[file.path], cached.file.text == file.text { return cached.parsed }
            return ParsedNote.parse(file)
        }
        if remembering {
            var kept: [String: BuildCache.Note] = [:]
            for (file, note) in zip(content.files, parsed) {
                if let stamp = content.stamps[file.path] { kept[file.path] = BuildCache.Note(stamp: stamp, file: file, parsed: note) }
            }
            cache.notes = kept
            cache.notesHaveOwnFiles = kept.count == content.files.count && Set(kept.values.map(\.stamp.inode)).count == kept.count
        }
        return SiteParser.assemble(settingsText: content.settingsText, settingsPath: content.settingsPath, notes: parsed)
    }

    /// The files of `Templates/assets/`, and the problems with them and
    /// with the templates' links to them; nil on errors.
    private static func assets(_ options: BuildOptions, _ model: RenderModel, _ result: inout BuildResult) -> [RenderedFile]? {
        let (assets, problems) = SiteRenderer.assets(in: options.templatesPath)
        result.diagnostics.append(contentsOf: problems)
        result.diagnostics.append(contentsOf: AssetReferences.missing(in: model.templates, assets: assets))
        guard !result.diagnostics.hasErrors else {
            result.failedStage = .render
            return nil
        }
        return assets
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
