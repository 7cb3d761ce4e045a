import Dispatch

/// An edit to note bodies alone, patched into the last build: at 10,000
/// events a full rebuild, however cached, still passes over every note
/// several times (stat, parse check, link, sort, compare), about 0.6 s; a
/// patch reads the changed files and renders only what shows their bodies,
/// through the same `SiteRenderer.render` as every build. The result is
/// the one a full build would give, byte for byte, diagnostics included.
enum BodyEditPatch {
    /// The last build with the bodies changed at `paths` rendered anew, or
    /// nil when a full build is needed: no successful build to patch, or a
    /// path that is not a body edit (`NoteChange`).
    static func apply(_ paths: Set<String>, _ options: BuildOptions, _ cache: inout BuildCache) -> BuildResult? {
        var timings: [(stage: Stage, seconds: Double)] = []
        guard let (edits, restamped, bodies) = bodyEdits(in: paths, options, cache, &timings) else { return nil }
        for (path, note) in restamped + edits.map({ ($0.path, $0.note) }) { cache.notes[path] = note }
        guard !edits.isEmpty else {
            var result = cache.last!.result
            result.renderedPages = 0
            result.timings = timings
            result.changedFiles = []
            return result
        }
        return patch(edits, bodies, &cache, &timings)
    }

    /// The edits at `paths` and their bodies rendered, or nil if a full
    /// build is needed. Changes nothing.
    private static func bodyEdits(in paths: Set<String>, _ options: BuildOptions, _ cache: BuildCache,
                                  _ timings: inout [(stage: Stage, seconds: Double)])
        -> (edits: [BodyEdit], restamped: [(String, BuildCache.Note)], bodies: NoteBodies.Replacement)? {
        guard let last = cache.last, cache.notesHaveOwnFiles,
              let contentRoot = try? FileSystem.realPath(options.contentPath) else { return nil }
        let changes = timed(.load, &timings) {
            paths.sorted().map { NoteChange.at($0, contentPath: options.contentPath, contentRoot: contentRoot, notes: cache.notes) }
        }
        var edits: [BodyEdit] = []
        var restamped: [(String, BuildCache.Note)] = []
        for change in changes {
            switch change {
            case nil: return nil
            case .unchanged(let note): if let note { restamped.append(note) }
            case .body(let edit): edits.append(edit)
            }
        }
        // A draft the build leaves out is not in the chronology.
        let chronology = last.model.chronology
        guard edits.allSatisfy({ chronology.index(of: $0.kind, $0.slug) != nil }) else { return nil }
        let bodies = timed(.markdown, &timings) { last.model.bodies.rendering(edits.map { ($0.kind, $0.source) }) }
        // The last build had none, so a broken link is a new error: a full
        // build reports it with every other.
        guard bodies.problems.isEmpty else { return nil }
        return (edits, restamped, bodies)
    }

    /// Puts the edits into the last build. It is taken out of the cache
    /// while it is changed, so its arrays of 10,000 are changed in place,
    /// not copied.
    private static func patch(_ edits: [BodyEdit], _ replacement: NoteBodies.Replacement, _ cache: inout BuildCache,
                              _ timings: inout [(stage: Stage, seconds: Double)]) -> BuildResult {
        var last = cache.last!
        // Nothing else may hold the model's arrays, or the first change copies them.
        (cache.last, cache.bodies) = (nil, nil)
        last.result.chronology = nil
        let edited = edits.compactMap { $0.kind == .event ? last.model.chronology.eventIndex[$0.slug] : nil }
        for edit in edits {
            last.model.chronology.replaceBody(of: edit.kind, at: last.model.chronology.index(of: edit.kind, edit.slug)!,
                                              with: edit.source.body)
        }
        last.model.bodies.replace(with: replacement)
        let model = last.model, chronology = model.chronology, bodies = model.bodies
        let builder = ContextBuilder(chronology: chronology, bodies: bodies, templates: model.templates, media: model.media)
        var itemsChanged: Set<Int> = []
        for index in edited {
            let items = EventItems.rendered(index, builder)
            if items != last.items[index] { itemsChanged.insert(index) }
            last.items[index] = items
        }

        let changed = timed(.render, &timings) { () -> [RenderedFile] in
            // A body reaches pages in three ways only: its note's own page,
            // an event's list item (its summary), and the site-wide files. A
            // list shows an event through its item alone, so the lists and
            // the chronology are rendered again only if the item changed.
            var pages: Set<String> = []
            var events: Set<Int> = []
            for edit in edits {
                pages.insert(AffectedPages.notePath(edit.kind, edit.slug))
                switch edit.kind {
                case .event:
                    guard let index = chronology.eventIndex[edit.slug] else { continue }
                    events.insert(index)
                    if itemsChanged.contains(index) {
                        pages.formUnion(AffectedPages.listings(ofEvent: edit.slug, in: chronology))
                        pages.insert("index.html")
                    }
                case .place:
                    // Their parts of the site-wide files are made with the place's note.
                    events.formUnion(chronology.eventsByPlace[edit.slug] ?? [])
                default:
                    break
                }
            }
            let remade = refreshFragments(of: events, in: &last.fragments, chronology, bodies, model.media)
            let sink = MemorySink()
            SiteRenderer.render(model, pages: pages.sorted().compactMap { last.pages[$0] }, siteWide: remade,
                                items: last.items, fragments: last.fragments, into: sink)
            return sink.written
        }

        var differing: [RenderedFile] = []
        for file in changed {
            guard let index = last.fileIndex[file.path], last.result.files[index] != file else { continue }
            last.result.files[index] = file
            differing.append(file)
        }
        last.result.renderedPages = changed.count { $0.path.hasSuffix(".html") }
        last.result.chronology = chronology
        var result = last.result
        result.timings = timings
        result.changedFiles = differing
        (cache.last, cache.bodies) = (last, bodies)
        return result
    }

    /// Makes the site-wide parts of the events at `indexes` again; returns
    /// the site-wide files whose parts changed.
    private static func refreshFragments(of indexes: Set<Int>, in fragments: inout [EventFragments],
                                         _ chronology: Chronology, _ bodies: NoteBodies,
                                         _ media: MediaLibrary) -> Set<SiteRenderer.SiteWideFile> {
        var remade: Set<SiteRenderer.SiteWideFile> = []
        // The feeds carry the newest events whole.
        let limit = chronology.settings.feedLimit
        for index in indexes.sorted() {
            let old = fragments[index], new = EventFragments(index, chronology, bodies, media)
            if old.search != new.search { remade.insert(.search) }
            if old.vevent != new.vevent { remade.insert(.calendar) }
            if old.slide != new.slide { remade.insert(.timelineJS) }
            if old.updated != new.updated { remade.insert(.sitemap) }
            if limit == 0 || index >= chronology.events.count - limit { remade.insert(.feeds) }
            fragments[index] = new
        }
        return remade
    }

    /// Runs one step of a patch, recording its time.
    private static func timed<T>(_ stage: Stage, _ timings: inout [(stage: Stage, seconds: Double)], _ work: () -> T) -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        defer { timings.append((stage, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)) }
        return work()
    }
}
