/// The parse stage: every loaded file into the typed `Site`, with all the
/// problems found in any of them.
public enum SiteParser {
    public static func parse(_ content: LoadedContent) -> (Site?, [Diagnostic]) {
        let results = parallelMap(content.files) { ParsedNote.parse($0) }
        return assemble(settingsText: content.settingsText, settingsPath: content.settingsPath, notes: results)
    }

    /// Builds the `Site` from `site.yml` and already parsed notes.
    public static func assemble(
        settingsText: String?, settingsPath: String, notes: [(ParsedNote, [Diagnostic])]
    ) -> (Site?, [Diagnostic]) {
        var (settings, diagnostics) = SettingsParser.parse(text: settingsText, path: settingsPath)
        var articles: [Article] = [], events: [Event] = [], people: [Person] = []
        var places: [Place] = [], documents: [Document] = []
        var unreadable: [NoteKind: Set<String>] = [:]
        for (note, problems) in notes {
            diagnostics += problems
            switch note {
            case .article(let x): articles.append(x)
            case .event(let x): events.append(x)
            case .person(let x): people.append(x)
            case .place(let x): places.append(x)
            case .document(let x): documents.append(x)
            case let .unreadable(kind, slug): unreadable[kind, default: []].insert(slug)
            }
        }
        guard let settings else { return (nil, diagnostics) }
        var site = Site(settings: settings, articles: articles, events: events, people: people,
                        places: places, documents: documents)
        site.unreadable = unreadable
        return (site, diagnostics)
    }
}
