/// What `serve` keeps between builds, as one value the pipeline is handed
/// and hands back: each note's parse by its file's stamp, each body's
/// rendering, the quote verifier's index of the sources, each event's parts
/// of the site-wide files, and the last good build. `build` and `check`
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
    /// Each event's parts of the site-wide files, made with `fragmentSettings`.
    var fragments = KeyedCache<EventFragments.Inputs, EventFragments>()
    var fragmentSettings: SiteSettings?
    /// The last build that succeeded.
    var last: LastBuild?

    public init() {}

    /// Every event's fragments, made anew only where the kept ones were
    /// made from other inputs.
    mutating func fragments(for model: RenderModel) -> [EventFragments] {
        if fragmentSettings != model.chronology.settings {
            fragments.removeAll()
            fragmentSettings = model.chronology.settings
        }
        return EventFragments.all(model.chronology, bodies: model.bodies, cache: &fragments)
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

    init(model: RenderModel, assets: [RenderedFile], result: BuildResult, fragments: [EventFragments]) {
        (self.model, self.assets, self.result, self.fragments) = (model, assets, result, fragments)
        fileIndex = Dictionary(result.files.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { a, _ in a })
        let all = Page.all(in: model.chronology)
        pages = Dictionary(zip(all.map { $0.path(in: model.chronology) }, all), uniquingKeysWith: { a, _ in a })
    }
}
