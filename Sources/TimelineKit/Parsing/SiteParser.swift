/// The parse stage: every loaded file into the typed `Site`, with all the
/// problems found in any of them.
public enum SiteParser {
    public static func parse(_ content: LoadedContent) -> (Site?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let (settings, settingsProblems) = SettingsParser.parse(text: content.settingsText, path: content.settingsPath)
        diagnostics += settingsProblems

        var articles: [Article] = [], events: [Event] = [], people: [Person] = []
        var places: [Place] = [], documents: [Document] = []
        var unreadable: [NoteKind: Set<String>] = [:]
        for file in content.files {
            let (frontMatter, problems) = FrontMatter.parse(file)
            diagnostics += problems
            guard let frontMatter else {
                unreadable[file.kind, default: []].insert(file.slug)
                continue
            }
            let parsedBefore = articles.count + events.count + people.count + places.count + documents.count
            let f = frontMatter.fields
            let source = NoteSource(slug: file.slug, file: file.path, body: frontMatter.body, bodyLine: frontMatter.bodyLine)
            switch file.kind {
            case .article: NoteParser.article(f, source).map { articles.append($0) }
            case .event: NoteParser.event(f, source).map { events.append($0) }
            case .person: NoteParser.person(f, source).map { people.append($0) }
            case .place: NoteParser.place(f, source).map { places.append($0) }
            case .document: NoteParser.document(f, source).map { documents.append($0) }
            }
            if articles.count + events.count + people.count + places.count + documents.count == parsedBefore {
                unreadable[file.kind, default: []].insert(file.slug)
            }
            diagnostics += f.diagnostics
        }
        guard let settings else { return (nil, diagnostics) }
        var site = Site(settings: settings, articles: articles, events: events, people: people,
                        places: places, documents: documents)
        site.unreadable = unreadable
        return (site, diagnostics)
    }
}
