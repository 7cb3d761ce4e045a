import Synchronization

/// The render stage of a one-shot `build`, fused with writing: each page is
/// written into the staging folder as soon as it is rendered and let go, so
/// memory holds the pages in flight, not the site (2.7 GB at 100,000
/// events). Pages render on all cores; each is its own file, so the order
/// they finish in changes no byte.
extension SiteRenderer {
    /// Renders and writes every page, the site-wide files and `assets`;
    /// returns how many HTML pages were written. At the first failure to
    /// write, pages not yet started are skipped and the failure is thrown;
    /// the caller discards the staging folder.
    static func write(
        _ chronology: Chronology, bodies: NoteBodies, templates: TemplateSet, assets: [RenderedFile],
        progress: BuildProgress?, into staging: StagingFolder
    ) throws(SiteWriter.Failure) -> Int {
        let pages = Page.all(in: chronology)
        let paths = pages.map { $0.path(in: chronology) }
        try staging.makeFolders(for: assets.map(\.path) + StreamedFormats.paths(chronology), pages: paths)
        for asset in assets { try staging.write(asset) }

        progress?.starting(pages: pages.count)
        // Lists reuse each event's item, rendered once up front, as in
        // `render` (100 MB at 100,000 events).
        var builder = ContextBuilder(chronology: chronology, bodies: bodies, templates: templates)
        builder.prepareItems()
        try write(Array(pages.indices), of: pages, at: paths, builder, templates, progress, into: staging)
        try StreamedFormats.write(chronology, bodies: bodies, into: staging)
        return pages.count
    }

    /// Renders and writes the pages at `indexes` on all cores. After a
    /// failure, pages not yet started are skipped.
    private static func write(
        _ indexes: [Int], of pages: [Page], at paths: [String], _ builder: ContextBuilder, _ templates: TemplateSet,
        _ progress: BuildProgress?, into staging: StagingFolder
    ) throws(SiteWriter.Failure) {
        let failed = Atomic<Bool>(false)
        let failures = parallelMap(indexes) { i -> SiteWriter.Failure? in
            defer { progress?.pageFinished() }
            guard !failed.load(ordering: .relaxed) else { return nil }
            do throws(SiteWriter.Failure) {
                if pages[i] == .index {
                    try writeIndex(builder, templates, to: paths[i], in: staging)
                } else {
                    try staging.write(paths[i], templates.render(pages[i].template, builder.context(for: pages[i])))
                }
                return nil
            } catch {
                failed.store(true, ordering: .relaxed)
                return error
            }
        }
        if let failure = failures.first(where: { $0 != nil }) ?? nil { throw failure }
    }

    /// The chronology page, with its event lists spliced in as it is
    /// written (see `DeferredLists`); rendered whole when the template does
    /// not allow the splice.
    private static func writeIndex(
        _ builder: ContextBuilder, _ templates: TemplateSet, to path: String, in staging: StagingFolder
    ) throws(SiteWriter.Failure) {
        guard let page = DeferredPage(.index, builder, templates) else {
            try staging.write(path, templates.render(Page.index.template, builder.context(for: .index)))
            return
        }
        let file = try staging.open(path)
        try page.splice(list: page.list, into: { (bytes: UnsafeRawBufferPointer) throws(SiteWriter.Failure) in try file.write(bytes) })
        try file.close()
    }
}
