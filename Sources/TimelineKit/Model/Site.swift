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
    /// `Site.anySlug` stands for a whole folder that could not be listed.
    public var unreadable: [NoteKind: Set<String>] = [:]

    /// In `unreadable`: every note of that kind (its folder could not be read).
    public static let anySlug = "*"

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
        Self.isUnreadable(kind, slug, in: unreadable)
    }

    static func isUnreadable(_ kind: NoteKind, _ slug: String, in unreadable: [NoteKind: Set<String>]) -> Bool {
        guard let slugs = unreadable[kind] else { return false }
        return slugs.contains(slug) || slugs.contains(anySlug)
    }
}
