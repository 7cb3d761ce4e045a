/// The site with every reference resolved, both ways: events in reading
/// order, and for each person, place, document, article and tag the events
/// that name it. Templates read only this, never raw notes.
public struct Chronology: Sendable {
    public let settings: SiteSettings
    /// Published events in chronological order (drafts only when asked for).
    public private(set) var events: [Event]
    public private(set) var articles: [Article]
    public private(set) var people: [Person]
    public private(set) var places: [Place]
    public private(set) var documents: [Document]
    /// Every tag in use, sorted.
    public let tags: [String]
    /// Notes that exist but failed to parse (see `Site.unreadable`).
    public let unreadable: [NoteKind: Set<String>]
    /// Draft events this build leaves out.
    public let excludedDrafts: Set<String>

    /// Indexes into `events`, in chronological order, per slug.
    public let eventsByPerson: [String: [Int]]
    public let eventsByPlace: [String: [Int]]
    public let eventsByDocument: [String: [Int]]
    public let eventsByArticle: [String: [Int]]
    public let eventsByTag: [String: [Int]]
    /// The key moments (`key: true`), in chronological order.
    public let keyEvents: [Int]
    /// Quotes per speaker, as (event index, quote index) in chronological order.
    public let quotesByPerson: [String: [QuoteLocation]]
    /// The documents that supersede each document (the reverse of `supersedes`).
    public let supersededBy: [String: [String]]

    public let articleIndex: [String: Int]
    public let personIndex: [String: Int]
    public let placeIndex: [String: Int]
    public let documentIndex: [String: Int]
    public let eventIndex: [String: Int]

    public struct QuoteLocation: Sendable, Hashable {
        public let event: Int
        public let quote: Int
    }

    init(site: Site, events: [Event]) {
        settings = site.settings
        self.events = Self.inReadingOrder(events, dayZone: site.settings.dayZone)
        articles = site.articles
        people = site.people
        places = site.places
        documents = site.documents
        unreadable = site.unreadable
        excludedDrafts = Set(site.events.filter(\.draft).map(\.source.slug)).subtracting(events.map(\.source.slug))

        var byPerson: [String: [Int]] = [:], byPlace: [String: [Int]] = [:], byDocument: [String: [Int]] = [:]
        var byArticle: [String: [Int]] = [:], byTag: [String: [Int]] = [:]
        var quotes: [String: [QuoteLocation]] = [:]
        var keys: [Int] = []
        for (index, event) in self.events.enumerated() {
            if event.key { keys.append(index) }
            for slug in Self.unique(event.people.map(\.slug) + event.quotes.map(\.by.slug)) { byPerson[slug, default: []].append(index) }
            if let place = event.place { byPlace[place.slug, default: []].append(index) }
            for slug in Self.unique(event.documents.map(\.slug)) { byDocument[slug, default: []].append(index) }
            for slug in Self.unique(event.citedArticles) { byArticle[slug, default: []].append(index) }
            for tag in Self.unique(event.tags) { byTag[tag, default: []].append(index) }
            for (q, quote) in event.quotes.enumerated() {
                quotes[quote.by.slug, default: []].append(QuoteLocation(event: index, quote: q))
            }
        }
        keyEvents = keys
        eventsByPerson = byPerson
        eventsByPlace = byPlace
        eventsByDocument = byDocument
        eventsByArticle = byArticle
        eventsByTag = byTag
        quotesByPerson = quotes
        tags = byTag.keys.sorted()

        var successors: [String: [String]] = [:]
        for document in documents {
            if let older = document.supersedes?.slug { successors[older, default: []].append(document.source.slug) }
        }
        supersededBy = successors

        articleIndex = Self.index(articles.map(\.source.slug))
        personIndex = Self.index(people.map(\.source.slug))
        placeIndex = Self.index(places.map(\.source.slug))
        documentIndex = Self.index(documents.map(\.source.slug))
        eventIndex = Self.index(self.events.map(\.source.slug))
    }

    /// Lets go of every event's Markdown, once its body is rendered: a
    /// one-shot build needs only the HTML after that, and at 100,000
    /// events the Markdown is 150 MB. Articles keep theirs (their pages
    /// look for dates in it).
    mutating func forgetEventMarkdown() {
        for index in events.indices { events[index].source.body = "" }
    }

    /// Where note `slug` of `kind` is in its array, if it is in this chronology.
    func index(of kind: NoteKind, _ slug: String) -> Int? {
        switch kind {
        case .event: return eventIndex[slug]
        case .person: return personIndex[slug]
        case .place: return placeIndex[slug]
        case .document: return documentIndex[slug]
        case .article: return articleIndex[slug]
        }
    }

    /// Replaces the body of the note at `index` of `kind`'s array: all a
    /// body edit changes here (see `BodyEdit`).
    mutating func replaceBody(of kind: NoteKind, at index: Int, with body: String) {
        switch kind {
        case .event: events[index].source.body = body
        case .person: people[index].source.body = body
        case .place: places[index].source.body = body
        case .document: documents[index].source.body = body
        case .article: articles[index].source.body = body
        }
    }

    /// When an event starts, then precision, then `order`, then title, then
    /// slug: a total order, so the chronology reads the same every build. A
    /// moment sorts by its instant; a day without a time at the first second
    /// of that day in the site's zone, before the day's moments.
    static func inReadingOrder(_ events: [Event], dayZone: Zone) -> [Event] {
        let keys = events.map { ReadingKey($0, dayZone: dayZone) }
        return keys.indices.sorted { a, b in
            let x = keys[a], y = keys[b]
            if x != y { return x < y }
            let e = events[a], f = events[b]
            if e.title != f.title { return e.title.utf8.lexicographicallyPrecedes(f.title.utf8) }
            return e.source.slug < f.source.slug
        }.map { events[$0] }
    }

    /// Everything but title and slug that places an event in the chronology.
    struct ReadingKey: Comparable {
        let start: Int
        /// Year, month, day, then a time: coarser first at the same start.
        let precision: Int
        let order: Int
        /// A single date before a range on the same start, then by end.
        let end: Int
        let endPrecision: Int
        let approximate: Bool

        init(_ event: Event, dayZone: Zone) {
            let date = event.date
            start = date.startInstant(dayZone: dayZone)
            precision = date.startTime == nil ? date.start.precision.rawValue : 3
            order = event.order
            end = date.endInstant(dayZone: dayZone) ?? Int.min
            endPrecision = date.end.map { date.endTime == nil ? $0.precision.rawValue : 3 } ?? 0
            approximate = date.approximate
        }

        static func < (a: ReadingKey, b: ReadingKey) -> Bool {
            (a.start, a.precision, a.order, a.end, a.endPrecision, a.approximate ? 1 : 0)
                < (b.start, b.precision, b.order, b.end, b.endPrecision, b.approximate ? 1 : 0)
        }
    }

    private static func index(_ slugs: [String]) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: slugs.enumerated().map { ($1, $0) })
    }

    private static func unique(_ slugs: [String]) -> [String] {
        var seen = Set<String>()
        return slugs.filter { seen.insert($0).inserted }
    }
}
