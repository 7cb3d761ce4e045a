/// What `serve` keeps between builds, as one value the pipeline is handed
/// and hands back: each note's parse by its file's stamp, each body's
/// rendering, the quote verifier's index of the sources, the parsed
/// templates, each event's list items and parts of the site-wide files,
/// and the last good build. `build` and `check`
/// start from an empty one and drop it.
public struct BuildCache {
    /// A note as read from a plain file (not a link), with the stamp its
    /// file had.
    struct Note {
        let stamp: FileStamp
        let file: SourceFile
        let parsed: (ParsedNote, [Diagnostic])
    }

    var notes: [String: Note] = [:]
    /// Whether each note was read from a file no other note shares (no
    /// symbolic or hard links): only then does a changed path name every
    /// note whose text changed.
    var notesHaveOwnFiles = false
    var bodies: NoteBodies?
    var verifier: QuoteVerifier?
    /// The templates last parsed, reused while their text is the same.
    var templates: TemplateSet?
    /// Each event's parts of the site-wide files, made with `fragmentSettings`.
    var fragments = KeyedCache<EventFragments.Inputs, EventFragments>()
    var fragmentSettings: SiteSettings?
    /// The pictures the fragments and items were made with: a changed
    /// picture changes the file names they link to. (Social cards appear in
    /// neither.)
    var fragmentMedia: [String: PublishedImage]?
    var itemMedia: [String: PublishedImage]?
    /// Each event's list items, made with the templates `itemTemplates`.
    var items = KeyedCache<EventItems.Inputs, EventItems.Rendered>()
    var itemTemplates: [String: String]?
    /// The last build that succeeded.
    var last: LastBuild?

    public init() {}

    /// Every event's fragments, made anew only where the kept ones were
    /// made from other inputs.
    mutating func fragments(for model: RenderModel) -> [EventFragments] {
        if fragmentSettings != model.chronology.settings || fragmentMedia != model.media.images {
            fragments.removeAll()
            fragmentSettings = model.chronology.settings
            fragmentMedia = model.media.images
        }
        return EventFragments.all(model.chronology, bodies: model.bodies, media: model.media, cache: &fragments)
    }

    /// Every event's list items, rendered anew only where the kept ones
    /// were made from other inputs.
    mutating func items(for model: RenderModel) -> [EventItems.Rendered] {
        if itemTemplates != model.templates.sources || itemMedia != model.media.images {
            items.removeAll()
            itemTemplates = model.templates.sources
            itemMedia = model.media.images
        }
        let chronology = model.chronology, bodies = model.bodies
        let builder = ContextBuilder(chronology: chronology, bodies: bodies, templates: model.templates, media: model.media)
        return items.values(keys: chronology.events.map(\.source.slug),
                            inputs: chronology.events.map { EventItems.Inputs($0, chronology, bodies) }) {
            EventItems.rendered($0, builder)
        }
    }
}

/// The last successful build, whole: what the next one renders only the
/// difference from, and what an edit to note bodies is patched into.
struct LastBuild {
    var model: RenderModel
    let assets: [RenderedFile]
    var result: BuildResult
    /// Where each file is in `result.files`.
    let fileIndex: [String: Int]
    /// Each page by the path it renders to.
    let pages: [String: Page]
    var fragments: [EventFragments]
    var items: [EventItems.Rendered]

    init(model: RenderModel, assets: [RenderedFile], result: BuildResult, fragments: [EventFragments],
         items: [EventItems.Rendered]) {
        (self.model, self.assets, self.result, self.fragments, self.items) = (model, assets, result, fragments, items)
        fileIndex = Dictionary(result.files.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { a, _ in a })
        let all = Page.all(in: model.chronology)
        pages = Dictionary(zip(all.map { $0.path(in: model.chronology) }, all), uniquingKeysWith: { a, _ in a })
    }
}
