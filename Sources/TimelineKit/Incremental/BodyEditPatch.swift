import Dispatch

/// What the last successful build of a session produced, kept whole so an
/// edit to note bodies can be patched into it: at 10,000 events a full
/// rebuild, however cached, still passes over every note several times
/// (stat, parse check, link, sort, compare), about 0.6 s; a patch touches
/// only what shows the edited bodies.
struct PatchableBuild {
    var result: BuildResult
    /// Where each file is in `result.files`.
    let fileIndex: [String: Int]
    let templates: TemplateSet
    /// Each page by the path it renders to.
    let pages: [String: Page]
    /// Every event's list items and parts of the site-wide files.
    var items: EventItems
    var fragments: [EventFragments]

    init(result: BuildResult, templates: TemplateSet, site: SiteRenderer.RenderedSite) {
        self.result = result
        self.templates = templates
        (pages, items, fragments) = (site.pages, site.items, site.fragments)
        fileIndex = Dictionary(result.files.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { a, _ in a })
    }
}

extension SiteSession {
    /// The last build with the bodies changed at `paths` rendered anew, or
    /// nil when a full build is needed: no successful build to patch, or a
    /// path that is not a body edit (`NoteChange`). The result is the one a
    /// full build would give, byte for byte, diagnostics included.
    func renderBodyEdits(in paths: Set<String>) -> BuildResult? {
        var timings: [(stage: Stage, seconds: Double)] = []
        guard let (edits, restamped, bodies) = bodyEdits(in: paths, &timings) else { return nil }
        for (path, note) in restamped + edits.map({ ($0.path, $0.note) }) { notes[path] = note }
        guard !edits.isEmpty else {
            var result = patchable!.result
            result.renderedPages = 0
            result.timings = timings
            result.changedFiles = []
            return result
        }
        return patch(edits, bodies, &timings)
    }

    /// The edits at `paths` and their bodies rendered, or nil if a full
    /// build is needed. Reads the session, changes nothing.
    private func bodyEdits(in paths: Set<String>, _ timings: inout [(stage: Stage, seconds: Double)])
        -> (edits: [BodyEdit], restamped: [(String, CachedNote)], bodies: NoteBodies.Replacement)? {
        guard patchable != nil, let last = lastGood, notesHaveOwnFiles,
              let contentRoot = try? FileSystem.realPath(options.contentPath) else { return nil }
        let changes = Self.timed(.load, &timings) {
            paths.sorted().map { NoteChange.at($0, contentPath: options.contentPath, contentRoot: contentRoot, notes: notes) }
        }
        var edits: [BodyEdit] = []
        var restamped: [(String, CachedNote)] = []
        for change in changes {
            switch change {
            case nil: return nil
            case .unchanged(let note): if let note { restamped.append(note) }
            case .body(let edit): edits.append(edit)
            }
        }
        // A draft the build leaves out is not in the chronology.
        guard edits.allSatisfy({ last.chronology.index(of: $0.kind, $0.slug) != nil }) else { return nil }
        let bodies = Self.timed(.markdown, &timings) { last.bodies.rendering(edits.map { ($0.kind, $0.source) }) }
        // The last build had none, so a broken link is a new error: a full
        // build reports it with every other.
        guard bodies.problems.isEmpty else { return nil }
        return (edits, restamped, bodies)
    }

    /// Puts the edits into the last build. The session's state is taken out
    /// while it is changed, so its arrays of 10,000 are changed in place,
    /// not copied.
    private func patch(_ edits: [BodyEdit], _ replacement: NoteBodies.Replacement,
                       _ timings: inout [(stage: Stage, seconds: Double)]) -> BuildResult {
        var build = patchable!, state = lastGood!
        (patchable, lastGood, lastBodies) = (nil, nil, nil)
        build.result.chronology = nil
        for edit in edits {
            state.chronology.replaceBody(of: edit.kind, at: state.chronology.index(of: edit.kind, edit.slug)!, with: edit.source.body)
        }
        state.bodies.replace(with: replacement)
        let (chronology, bodies) = (state.chronology, state.bodies)

        let changed = Self.timed(.render, &timings) { () -> [RenderedFile] in
            var builder = ContextBuilder(chronology: chronology, bodies: bodies, templates: build.templates)
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
                    if build.items.rerender(index, builder, build.templates) {
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
            builder.use(build.items)
            let remade = Self.refreshFragments(of: events, in: &build.fragments, chronology, bodies)
            let rendered = pages.sorted().compactMap { path in build.pages[path].map { (path: path, page: $0) } }
            return SiteRenderer.render(rendered, builder: builder, templates: build.templates)
                + SiteRenderer.formats(chronology, bodies: bodies, fragments: build.fragments, only: remade)
        }

        var differing: [RenderedFile] = []
        for file in changed {
            state.pages[file.path] = file
            guard let index = build.fileIndex[file.path], build.result.files[index] != file else { continue }
            build.result.files[index] = file
            differing.append(file)
        }
        build.result.renderedPages = changed.count { $0.path.hasSuffix(".html") }
        build.result.chronology = chronology
        var result = build.result
        result.timings = timings
        result.changedFiles = differing
        (patchable, lastGood, lastBodies) = (build, state, bodies)
        return result
    }

    /// Makes the site-wide parts of the events at `indexes` again; returns
    /// the site-wide files whose parts changed.
    private static func refreshFragments(of indexes: Set<Int>, in fragments: inout [EventFragments],
                                         _ chronology: Chronology, _ bodies: NoteBodies) -> Set<SiteRenderer.SiteWideFile> {
        var remade: Set<SiteRenderer.SiteWideFile> = []
        // The feeds carry the newest events whole.
        let limit = chronology.settings.feedLimit
        for index in indexes.sorted() {
            let old = fragments[index], new = EventFragments(index, chronology, bodies)
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
