/// Which pages a change touches, so a rebuild renders only those. A page
/// shows a note's data in three ways: its own page, the pages that list the
/// events naming it, and the site-wide pages (index, lists); everything that
/// can show a changed note is re-rendered, nothing else.
enum AffectedPages {
    /// Pages always re-rendered: cheap, and they summarise everything.
    static let siteWide: Set<String> = [
        "index.html", "404.html", "key-moments/index.html", "changes/index.html", "articles/index.html", "people/index.html",
        "places/index.html", "documents/index.html", "tags/index.html",
    ]

    /// Paths of the pages to re-render, or nil when everything must be.
    static func between(
        _ old: Chronology, _ oldBodies: NoteBodies, _ new: Chronology, _ newBodies: NoteBodies
    ) -> Set<String>? {
        guard old.settings == new.settings else { return nil }
        var pages = siteWide
        func changed<T: Equatable>(_ kind: NoteKind, _ a: [T], _ b: [T], slug: (T) -> String) -> Set<String> {
            // An edit seldom adds, removes or reorders notes: compare them
            // side by side, without hashing and copying 10,000 events.
            if a.count == b.count, a.indices.allSatisfy({ slug(a[$0]) == slug(b[$0]) }) {
                var slugs: Set<String> = []
                for i in a.indices {
                    let key = slug(a[i])
                    if a[i] != b[i] || oldBodies[kind, key] != newBodies[kind, key] { slugs.insert(key) }
                }
                return slugs
            }
            let before = Dictionary(uniqueKeysWithValues: a.map { (slug($0), $0) })
            let after = Dictionary(uniqueKeysWithValues: b.map { (slug($0), $0) })
            return Set(before.keys).union(after.keys).filter { key in
                before[key] != after[key] || oldBodies[kind, key] != newBodies[kind, key]
            }
        }
        func include(_ kind: NoteKind, _ slugs: Set<String>) {
            for slug in slugs {
                pages.formUnion(showing(kind, slug, in: old))
                pages.formUnion(showing(kind, slug, in: new))
            }
        }
        include(.event, changed(.event, old.events, new.events, slug: { $0.source.slug }))
        include(.person, changed(.person, old.people, new.people, slug: { $0.source.slug }))
        include(.place, changed(.place, old.places, new.places, slug: { $0.source.slug }))
        include(.article, changed(.article, old.articles, new.articles, slug: { $0.source.slug }))
        include(.document, changed(.document, old.documents, new.documents, slug: { $0.source.slug }))
        return pages
    }

    /// Every page that can show the note: an event's listings (below); for
    /// any other note, its own page and the listings of the events naming it
    /// (list items carry names), and for a document every document page
    /// (each draws the whole lineage).
    static func showing(_ kind: NoteKind, _ slug: String, in chronology: Chronology) -> Set<String> {
        let naming: [Int]?
        switch kind {
        case .event: return listings(ofEvent: slug, in: chronology)
        case .person: naming = chronology.eventsByPerson[slug]
        case .place: naming = chronology.eventsByPlace[slug]
        case .article: naming = chronology.eventsByArticle[slug]
        case .document: naming = chronology.eventsByDocument[slug]
        }
        var pages: Set<String> = [notePath(kind, slug)]
        if kind == .document { pages.formUnion(chronology.documents.map { notePath(.document, $0.source.slug) }) }
        for event in naming ?? [] { pages.formUnion(listings(ofEvent: chronology.events[event].source.slug, in: chronology)) }
        return pages
    }

    /// The event's own page, its neighbours (whose earlier/later links name
    /// it) and every page that lists it.
    static func listings(ofEvent slug: String, in chronology: Chronology) -> Set<String> {
        guard let index = chronology.eventIndex[slug] else { return [] }
        let event = chronology.events[index]
        var pages: Set<String> = [notePath(.event, slug)]
        for neighbour in [index - 1, index + 1] where chronology.events.indices.contains(neighbour) {
            pages.insert(notePath(.event, chronology.events[neighbour].source.slug))
        }
        pages.formUnion(event.tags.map { "tags/\($0)/index.html" })
        if event.key { pages.insert("key-moments/index.html") }
        pages.formUnion((event.people.map(\.slug) + event.quotes.map(\.by.slug)).map { notePath(.person, $0) })
        if let place = event.place { pages.insert(notePath(.place, place.slug)) }
        pages.formUnion(event.documents.map { notePath(.document, $0.slug) })
        pages.formUnion(event.citedArticles.map { notePath(.article, $0) })
        return pages
    }

    static func notePath(_ kind: NoteKind, _ slug: String) -> String { "\(kind.folder)/\(slug)/index.html" }
}
