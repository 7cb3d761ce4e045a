/// Every note's body rendered once, with links between notes turned into
/// links between pages. All note pages sit two folders deep
/// (`events/SLUG/index.html`), so bodies are rendered for that depth.
public struct NoteBodies: Sendable {
    public struct Key: Hashable, Sendable {
        public let kind: NoteKind
        public let slug: String
    }

    /// A rendered body and what it was rendered from, to know when it can
    /// be reused (nil when no later build will ask).
    struct Entry: Sendable {
        let source: NoteSource?
        let rendered: Markdown.Rendered
        let problems: [Diagnostic]
    }

    private var entries: [Key: Entry]
    /// Which notes exist: a body's links resolve differently when this changes.
    private let links: ContentLinks
    private let allowsRawHTML: Bool

    public subscript(kind: NoteKind, slug: String) -> Markdown.Rendered {
        entries[Key(kind: kind, slug: slug)]?.rendered ?? Markdown.Rendered(html: "", summary: "")
    }

    /// Renders all bodies in parallel; each link to a missing note is an error
    /// at its line. Bodies in `previous` are reused when their note, the set of
    /// notes and the raw-HTML setting are all unchanged. Without
    /// `remembering`, the Markdown is not kept (a one-shot build lets it go).
    public static func render(_ chronology: Chronology, reusing previous: NoteBodies? = nil,
                              remembering: Bool = true) -> (NoteBodies, [Diagnostic]) {
        let links = ContentLinks(chronology: chronology)
        let allowsRawHTML = chronology.settings.unsafeHTML
        let markdown = Markdown(allowsRawHTML: allowsRawHTML)
        let reusable = previous.flatMap { $0.links == links && $0.allowsRawHTML == allowsRawHTML ? $0.entries : nil } ?? [:]
        var notes: [(NoteKind, NoteSource)] = []
        notes += chronology.articles.map { (.article, $0.source) }
        notes += chronology.events.map { (.event, $0.source) }
        notes += chronology.people.map { (.person, $0.source) }
        notes += chronology.places.map { (.place, $0.source) }
        notes += chronology.documents.map { (.document, $0.source) }

        let results = parallelMap(notes) { kind, source -> Entry in
            if let earlier = reusable[Key(kind: kind, slug: source.slug)], earlier.source == source { return earlier }
            return entry(kind, source, markdown: markdown, links: links, remembering: remembering)
        }
        var entries: [Key: Entry] = [:]
        var diagnostics: [Diagnostic] = []
        for ((kind, source), entry) in zip(notes, results) {
            entries[Key(kind: kind, slug: source.slug)] = entry
            diagnostics += entry.problems
        }
        return (NoteBodies(entries: entries, links: links, allowsRawHTML: allowsRawHTML), diagnostics)
    }

    /// Bodies of some notes rendered anew, to be put in with `replace`.
    struct Replacement {
        fileprivate let entries: [(Key, Entry)]
        /// Each link to a missing note, as in `render`.
        let problems: [Diagnostic]
    }

    /// Renders the bodies of `notes` again. The set of notes must be the one
    /// these bodies were rendered for, so every other body's links resolve
    /// as before (a body edit keeps it).
    func rendering(_ notes: [(NoteKind, NoteSource)]) -> Replacement {
        let markdown = Markdown(allowsRawHTML: allowsRawHTML)
        let entries = notes.map { kind, source in
            (Key(kind: kind, slug: source.slug), Self.entry(kind, source, markdown: markdown, links: links, remembering: true))
        }
        return Replacement(entries: entries, problems: entries.flatMap(\.1.problems))
    }

    /// Puts in bodies rendered by `rendering`, in place: a session's bodies
    /// are 10,000 entries, which a copy would cost more than the edit.
    mutating func replace(with replacement: Replacement) {
        for (key, entry) in replacement.entries { entries[key] = entry }
    }

    /// One body rendered, each link to a missing note an error at its line.
    private static func entry(_ kind: NoteKind, _ source: NoteSource, markdown: Markdown, links: ContentLinks,
                              remembering: Bool) -> Entry {
        var problems: [Diagnostic] = []
        let output = markdown.render(source.body) { link in
            switch links.resolve(link.destination, from: kind) {
            case .notContent:
                return nil
            case .page(let path):
                return "../../" + path
            case .draft(let slug):
                problems.append(Diagnostic(
                    .error, file: source.file, line: source.bodyLine + link.line - 1, column: link.column,
                    "link to draft event '\(slug)', which this build leaves out",
                    hint: "publish the event, remove the link, or build with --drafts"))
                return nil
            case let .missing(target, slug, suggestion):
                let what = target.map { "no \($0.folder)/\(slug).md" } ?? "not a note in Content/"
                problems.append(Diagnostic(
                    .error, file: source.file, line: source.bodyLine + link.line - 1, column: link.column,
                    "broken link to '\(link.destination)': \(what)",
                    hint: suggestion.map { "did you mean '\($0).md'?" } ?? "link to an existing note, like ../people/SLUG.md"))
                return nil
            }
        }
        return Entry(source: remembering ? source : nil, rendered: output, problems: problems)
    }
}
