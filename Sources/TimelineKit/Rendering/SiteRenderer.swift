import Synchronization

/// What the render stage renders from: the linked site, its bodies in HTML,
/// and the templates.
struct RenderModel: Sendable {
    var chronology: Chronology
    var bodies: NoteBodies
    let templates: TemplateSet
    var media = MediaLibrary()
}

/// The render stage, the one way pages are made: the pages asked for, each
/// through its template on all cores, and the site-wide files asked for,
/// into a sink. A full build asks for everything; a rebuild after an edit
/// asks for the pages the edit reaches. Each file is its own, so the order
/// they finish in changes no byte.
public enum SiteRenderer {
    /// The files made from every event rather than one page each.
    enum SiteWideFile: CaseIterable, Sendable {
        case search, feeds, calendar, timelineJS, sitemap, robots
    }

    /// Renders `pages` and the `siteWide` files into `sink`. `items` and
    /// `fragments` are each event's list items and parts of the site-wide
    /// files when `serve` kept them; without them lists render their items
    /// as they are written, and the parts are made a slice of events at a time. At the first
    /// failure to write, pages not yet started are skipped and it is thrown.
    static func render<Sink: SiteSink>(
        _ model: RenderModel, pages: [Page], siteWide: Set<SiteWideFile> = Set(SiteWideFile.allCases),
        items: [EventItems.Rendered]? = nil, fragments: [EventFragments]? = nil, progress: BuildProgress? = nil,
        into sink: Sink
    ) throws(Sink.Failure) {
        let builder = ContextBuilder(chronology: model.chronology, bodies: model.bodies, templates: model.templates, items: items,
                                     media: model.media)
        progress?.starting(pages: pages.count)
        let failed = Atomic<Bool>(false)
        let failures = parallelMap(pages) { page -> Sink.Failure? in
            defer { progress?.pageFinished() }
            guard !failed.load(ordering: .relaxed) else { return nil }
            do throws(Sink.Failure) {
                try sink.write(page.path(in: model.chronology), render(page, builder))
                return nil
            } catch {
                failed.store(true, ordering: .relaxed)
                return error
            }
        }
        if let failure = failures.first(where: { $0 != nil }) ?? nil { throw failure }
        try SiteWideFiles.write(model, only: siteWide, fragments: fragments, into: sink)
    }

    /// Every page and site-wide file in memory, sorted by path (assets
    /// aside): one build's worth, with nothing kept (the fuzz target's).
    public static func render(_ chronology: Chronology, bodies: NoteBodies, templates: TemplateSet) -> [RenderedFile] {
        let sink = MemorySink()
        render(RenderModel(chronology: chronology, bodies: bodies, templates: templates), pages: Page.all(in: chronology), into: sink)
        return sink.written
    }

    /// One page's bytes.
    static func render(_ page: Page, _ builder: ContextBuilder) -> [UInt8] {
        var bytes: [UInt8] = []
        builder.templates.render(page.template, builder.context(for: page), into: &bytes)
        return bytes
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
