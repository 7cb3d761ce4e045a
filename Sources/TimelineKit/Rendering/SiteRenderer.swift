/// The render stage: every page through its template, in parallel, collected
/// in a fixed order; plus the assets copied from `Templates/assets/`.
public enum SiteRenderer {
    /// Renders every page with nothing kept for later: one build's worth
    /// (the fuzz target renders this way).
    public static func render(_ chronology: Chronology, bodies: NoteBodies, templates: TemplateSet) -> [RenderedFile] {
        var cache = RenderCache()
        return render(chronology, bodies: bodies, templates: templates, cache: &cache).files
    }

    /// A rendered site and the parts a session patches after a body edit.
    struct RenderedSite {
        /// The pages, then the site-wide files; assets are not among them.
        var files: [RenderedFile]
        /// Each page by the path it renders to.
        var pages: [String: Page]
        /// Every event's list items, in every variant.
        var items: EventItems
        /// Every event's parts of the site-wide files, in chronological order.
        var fragments: [EventFragments]
    }

    /// Renders every page, or only those in `only`, taking the rest from
    /// `previous`; event items and parts of site-wide files come from `cache`
    /// where their inputs are unchanged.
    static func render(
        _ chronology: Chronology, bodies: NoteBodies, templates: TemplateSet,
        only: Set<String>? = nil, previous: [String: RenderedFile] = [:], progress: BuildProgress? = nil,
        cache: inout RenderCache
    ) -> RenderedSite {
        cache.use(templates: templates, settings: chronology.settings)
        var builder = ContextBuilder(chronology: chronology, bodies: bodies, templates: templates)
        let items = EventItems(builder, templates: templates, cache: &cache.items)
        builder.use(items)
        let pages = Page.all(in: chronology)
        progress?.starting(pages: pages.count)
        let html = parallelMap(pages) { page -> RenderedFile in
            defer { progress?.pageFinished() }
            let path = page.path(in: chronology)
            if let only, !only.contains(path), let earlier = previous[path] { return earlier }
            return RenderedFile(path: path, text: templates.render(page.template, builder.context(for: page)))
        }
        let fragments = EventFragments.all(chronology, bodies: bodies, cache: &cache.fragments)
        return RenderedSite(files: html + formats(chronology, bodies: bodies, fragments: fragments),
                            pages: Dictionary(zip(html.map(\.path), pages), uniquingKeysWith: { a, _ in a }),
                            items: items, fragments: fragments)
    }

    /// Renders just `pages`, with `builder`'s items already made, each with
    /// its event lists spliced in after its template ran (see
    /// `DeferredLists`): a list of 10,000 items then never passes through
    /// Mustache's string building, which copies it at every section it sits
    /// in. A page whose template does not allow the splice is rendered whole.
    static func render(_ pages: [(path: String, page: Page)], builder: ContextBuilder, templates: TemplateSet) -> [RenderedFile] {
        parallelMap(pages) { path, page in
            guard let deferred = DeferredPage(page, builder, templates) else {
                return RenderedFile(path: path, text: templates.render(page.template, builder.context(for: page)))
            }
            let html = deferred.lists.lists.indices.map(deferred.list)
            var bytes: [UInt8] = []
            bytes.reserveCapacity(deferred.text.utf8.count + html.reduce(0) { $0 + $1.count })
            deferred.splice(list: { html[$0] }, into: { bytes.append(contentsOf: $0) })
            return RenderedFile(path: path, bytes: bytes)
        }
    }

    /// The files made from every event rather than one page each.
    enum SiteWideFile: CaseIterable {
        case search, feeds, calendar, timelineJS, sitemap, robots
    }

    /// Search index, feeds, calendar, TimelineJS data, sitemap and robots.txt;
    /// or just those in `only`.
    static func formats(_ chronology: Chronology, bodies: NoteBodies, fragments: [EventFragments],
                        only: Set<SiteWideFile> = Set(SiteWideFile.allCases)) -> [RenderedFile] {
        var files: [RenderedFile] = []
        if only.contains(.search) { files.append(SearchIndex.render(chronology, entries: fragments.map(\.search))) }
        if only.contains(.feeds) {
            let items = FeedItem.newest(chronology, bodies: bodies, limit: chronology.settings.feedLimit)
            files += [AtomFeed.render(chronology, items: items), JSONFeed.render(chronology, items: items)]
        }
        if only.contains(.calendar) { files.append(ICalendar.render(chronology, vevents: fragments.map(\.vevent))) }
        if only.contains(.timelineJS) { files.append(TimelineJSExport.render(chronology, slides: fragments.map(\.slide))) }
        if only.contains(.robots) { files.append(Sitemap.robots(base: chronology.settings.baseURL)) }
        if only.contains(.sitemap), let base = chronology.settings.baseURL {
            files.append(Sitemap.render(chronology, updated: fragments.map(\.updated), base: base))
        }
        return files
    }

    /// Files under `Templates/assets/`, as `assets/…`, sorted by path.
    public static func assets(in templatesFolder: String) -> ([RenderedFile], [Diagnostic]) {
        let folder = ContentLoader.join(templatesFolder, "assets")
        guard FileSystem.isDirectory(folder) else { return ([], []) }
        let root = (try? FileSystem.realPath(templatesFolder)) ?? templatesFolder
        var files: [RenderedFile] = []
        var diagnostics: [Diagnostic] = []
        func visit(_ path: String, _ relative: String, depth: Int) {
            guard depth < 32 else {
                diagnostics.append(Diagnostic(.error, file: path, "assets are nested too deeply (a symbolic link loop?)"))
                return
            }
            let names: [String]
            do { names = try FileSystem.entries(of: path) } catch {
                diagnostics.append(Diagnostic(.error, file: path, "cannot read assets folder: \(error.reason)"))
                return
            }
            for name in names where !name.hasPrefix(".") {
                let child = ContentLoader.join(path, name)
                let childRelative = relative + "/" + name
                // A link out of the templates folder would publish whatever it points at.
                if FileSystem.type(of: child) == .symlink {
                    guard let target = try? FileSystem.realPath(child), target.hasPrefix(root + "/") else {
                        diagnostics.append(Diagnostic(.error, file: child, "symbolic link points outside the templates folder",
                                                      hint: "copy the file into Templates/assets/ instead"))
                        continue
                    }
                }
                switch FileSystem.resolvedType(of: child) {
                case .directory:
                    visit(child, childRelative, depth: depth + 1)
                case .file:
                    do { files.append(RenderedFile(path: childRelative, bytes: try FileSystem.readBytes(child))) } catch {
                        diagnostics.append(Diagnostic(.error, file: child, "cannot read asset: \(error.reason)"))
                    }
                default:
                    diagnostics.append(Diagnostic(.error, file: child, "asset is not a regular file"))
                }
            }
        }
        visit(folder, "assets", depth: 0)
        return (files, diagnostics)
    }
}
