/// Everything `Content/` says, typed and validated field by field, before any
/// cross-reference is resolved. Collections are sorted by slug, so later stages
/// never depend on the order the file system listed files in.
public struct Site: Sendable {
    public var settings: SiteSettings
    public var articles: [Article]
    public var events: [Event]
    public var people: [Person]
    public var places: [Place]
    public var documents: [Document]
    /// Notes that exist but could not be read; their own errors are already
    /// reported, so references to them are not reported again as unknown.
    public var unreadable: [NoteKind: Set<String>] = [:]

    public init(
        settings: SiteSettings, articles: [Article] = [], events: [Event] = [],
        people: [Person] = [], places: [Place] = [], documents: [Document] = []
    ) {
        self.settings = settings
        self.articles = articles.sorted { $0.source.slug < $1.source.slug }
        self.events = events.sorted { $0.source.slug < $1.source.slug }
        self.people = people.sorted { $0.source.slug < $1.source.slug }
        self.places = places.sorted { $0.source.slug < $1.source.slug }
        self.documents = documents.sorted { $0.source.slug < $1.source.slug }
    }
}

extension Site {
    /// True when a note of that kind exists but failed to parse: references
    /// to it are not worth a second error.
    func isUnreadable(_ kind: NoteKind, _ slug: String) -> Bool {
        unreadable[kind]?.contains(slug) ?? false
    }
}
