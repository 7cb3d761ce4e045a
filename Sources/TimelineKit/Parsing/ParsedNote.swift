/// One file's parse result. Each depends on that file alone, so they can be
/// parsed in parallel and kept between builds while the file is unchanged.
public enum ParsedNote: Sendable, Equatable {
    case article(Article)
    case event(Event)
    case person(Person)
    case place(Place)
    case document(Document)
    /// The file could not be read as a note; its diagnostics say why.
    case unreadable(NoteKind, String)

    public static func parse(_ file: SourceFile) -> (ParsedNote, [Diagnostic]) {
        if let problem = file.loadProblem { return (.unreadable(file.kind, file.slug), [problem]) }
        let (frontMatter, problems) = FrontMatter.parse(file)
        guard let frontMatter else { return (.unreadable(file.kind, file.slug), problems) }
        let f = frontMatter.fields
        var source = NoteSource(slug: file.slug, file: file.path, body: frontMatter.body, bodyLine: frontMatter.bodyLine)
        source.titleLine = f.keyLocation(file.kind == .person || file.kind == .place ? "name" : "title").line
        let note: ParsedNote?
        switch file.kind {
        case .article: note = NoteParser.article(f, source).map(ParsedNote.article)
        case .event: note = NoteParser.event(f, source).map(ParsedNote.event)
        case .person: note = NoteParser.person(f, source).map(ParsedNote.person)
        case .place: note = NoteParser.place(f, source).map(ParsedNote.place)
        case .document: note = NoteParser.document(f, source).map(ParsedNote.document)
        }
        return (note ?? .unreadable(file.kind, file.slug), problems + f.diagnostics)
    }
}

extension ParsedNote {
    /// The note's kind and source, nil for an unreadable note.
    var source: NoteSource? {
        switch self {
        case .article(let note): return note.source
        case .event(let note): return note.source
        case .person(let note): return note.source
        case .place(let note): return note.source
        case .document(let note): return note.source
        case .unreadable: return nil
        }
    }

    /// Whether `other` is this note, its body perhaps changed but nothing
    /// above it, not even the line the body starts on: then only what
    /// shows the body can differ.
    func matchesAboveBody(_ other: ParsedNote) -> Bool {
        func same<Note: HasSource & Equatable>(_ a: Note, _ b: Note) -> Bool {
            var b = b
            b.source.body = a.source.body
            return a == b
        }
        switch (self, other) {
        case let (.article(a), .article(b)): return same(a, b)
        case let (.event(a), .event(b)): return same(a, b)
        case let (.person(a), .person(b)): return same(a, b)
        case let (.place(a), .place(b)): return same(a, b)
        case let (.document(a), .document(b)): return same(a, b)
        default: return false
        }
    }
}
