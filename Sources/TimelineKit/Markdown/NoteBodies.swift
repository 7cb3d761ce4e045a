/// Every note's body rendered once, with links between notes turned into
/// links between pages. All note pages sit two folders deep
/// (`events/SLUG/index.html`), so bodies are rendered for that depth.
public struct NoteBodies: Sendable {
    public struct Key: Hashable, Sendable {
        public let kind: NoteKind
        public let slug: String
    }

    private let rendered: [Key: Markdown.Rendered]

    public subscript(kind: NoteKind, slug: String) -> Markdown.Rendered {
        rendered[Key(kind: kind, slug: slug)] ?? Markdown.Rendered(html: "", summary: "")
    }

    /// Renders all bodies in parallel; each link to a missing note is an error
    /// at its line.
    public static func render(_ chronology: Chronology) -> (NoteBodies, [Diagnostic]) {
        let links = ContentLinks(chronology: chronology)
        let markdown = Markdown(allowsRawHTML: chronology.settings.unsafeHTML)
        var notes: [(NoteKind, NoteSource)] = []
        notes += chronology.articles.map { (.article, $0.source) }
        notes += chronology.events.map { (.event, $0.source) }
        notes += chronology.people.map { (.person, $0.source) }
        notes += chronology.places.map { (.place, $0.source) }
        notes += chronology.documents.map { (.document, $0.source) }

        let results = parallelMap(notes) { kind, source -> (Markdown.Rendered, [Diagnostic]) in
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
            return (output, problems)
        }
        var rendered: [Key: Markdown.Rendered] = [:]
        var diagnostics: [Diagnostic] = []
        for ((kind, source), (output, problems)) in zip(notes, results) {
            rendered[Key(kind: kind, slug: source.slug)] = output
            diagnostics += problems
        }
        return (NoteBodies(rendered: rendered), diagnostics)
    }
}
