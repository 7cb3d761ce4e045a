/// `search.json`: what the chronology's filter script reads. One entry per
/// published event with the slugs it can be filtered by and the text free
/// search looks in; plus the names for each slug, for the filter menus.
public enum SearchIndex {
    public static let path = "search.json"

    /// The file around its entries, for writing it one entry at a time.
    static func frame(_ chronology: Chronology) -> ListFrame {
        ListFrame.json(pretty: false, trailer: [0x0A]) { document(chronology, $0) }
    }

    private static func document(_ chronology: Chronology, _ events: JSON) -> JSON {
        func names<T>(_ notes: [T], _ slug: (T) -> String, _ name: (T) -> String) -> JSON {
            .array(notes.map { .object([("slug", .string(slug($0))), ("name", .string(name($0)))]) })
        }
        return JSON.object([
            ("events", events),
            ("people", names(chronology.people, { $0.source.slug }, { $0.name })),
            ("places", names(chronology.places, { $0.source.slug }, { $0.name })),
            ("documents", names(chronology.documents, { $0.source.slug }, { $0.title })),
            ("tags", .array(chronology.tags.map(JSON.string))),
        ])
    }

    /// One event: the slugs it can be filtered by and the words free search looks in.
    static func entry(_ event: Event, bodies: NoteBodies) -> JSON {
        let links = PageLinks(folder: "")
        let slug = event.source.slug
        let words = [event.title, bodies[.event, slug].summary]
            + event.quotes.map(\.text) + event.disputes.flatMap { [$0.about] + $0.claims.map(\.says) }
        return .object([
            ("slug", .string(slug)),
            ("title", .string(event.title)),
            ("date", .string(event.date.display)),
            ("start", .string(event.date.start.isoString)),
            ("url", .string(links.note(.event, slug))),
            ("status", .string(event.status.rawValue)),
            ("people", .array(unique(event.people.map(\.slug) + event.quotes.map(\.by.slug)).map(JSON.string))),
            ("place", .optional(event.place?.slug)),
            ("documents", .array(event.documents.map { .string($0.slug) })),
            ("tags", .array(event.tags.map(JSON.string))),
            ("text", .string(words.joined(separator: " "))),
        ])
    }

    private static func unique(_ slugs: [String]) -> [String] {
        var seen = Set<String>()
        return slugs.filter { seen.insert($0).inserted }
    }
}
