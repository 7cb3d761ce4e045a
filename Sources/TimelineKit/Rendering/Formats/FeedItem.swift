/// One event as the machine-readable formats (Atom, JSON Feed, iCalendar,
/// sitemap) describe it. Every date comes from the content, never the clock:
/// an event is "updated" on the latest of its own end (its last day, or its
/// last moment when it has times) and the publication of the articles it cites.
struct FeedItem {
    let event: Event
    /// Absolute when `base_url` is set; otherwise relative to the site root,
    /// which is where every one of these files lives.
    let url: String
    /// Stable across builds: the absolute URL, or a tag URI without base_url.
    let id: String
    let published: Timestamp
    let updated: Timestamp
    let summary: String
    /// Body HTML with links made absolute (or root-relative), for feed readers.
    let contentHTML: String
    /// Its first item, for timeline.json's slide.
    let media: FeedMedia?
    /// Its first picture, for the feeds.
    let picture: FeedMedia?

    init(_ event: Event, in chronology: Chronology, bodies: NoteBodies, media library: MediaLibrary = MediaLibrary()) {
        self.event = event
        let slug = event.source.slug
        let path = "events/\(slug)/"
        let base = chronology.settings.baseURL
        url = (base ?? "") + path
        id = base.map { $0 + path } ?? FeedItem.tagURI(site: chronology.settings.title, path: path)
        let cited = Set(event.citedArticles)
        let publications = cited.compactMap { chronology.articleIndex[$0] }.map { Timestamp(day: chronology.articles[$0].published) }
        published = publications.min() ?? Timestamp(seconds: event.date.startInstant(dayZone: .utc))
        updated = (publications + [Timestamp(lastOf: event.date)]).max()!
        let body = bodies[.event, slug]
        summary = body.summary
        contentHTML = body.html.replacingAll("href=\"../../", with: "href=\"" + (base ?? ""))
        media = FeedMedia(event, media: library, base: base)
        picture = FeedMedia(event, media: library, base: base, picturesOnly: true)
    }

    /// `tag:timeline.invalid,2000:SITE/events/SLUG` (RFC 4151). The `.invalid`
    /// authority says honestly that no domain is known; set `base_url` for
    /// ids that are the pages' addresses.
    static func tagURI(site: String, path: String) -> String {
        let name = Slug.suggestion(for: site)
        return "tag:timeline.invalid,2000:\(name.isEmpty ? "site" : name)/\(path)"
    }

    /// Newest first, as feed readers list them.
    static func all(_ chronology: Chronology, bodies: NoteBodies, media: MediaLibrary = MediaLibrary()) -> [FeedItem] {
        newest(chronology, bodies: bodies, media: media, limit: 0)
    }

    /// The `limit` newest, newest first; all when `limit` is 0.
    static func newest(_ chronology: Chronology, bodies: NoteBodies, media: MediaLibrary, limit: Int) -> [FeedItem] {
        let events = limit > 0 ? chronology.events.suffix(limit) : chronology.events[...]
        return events.reversed().map { FeedItem($0, in: chronology, bodies: bodies, media: media) }
    }
}
