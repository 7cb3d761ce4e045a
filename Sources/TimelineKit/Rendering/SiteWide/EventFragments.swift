/// One event's part of each site-wide file that lists every event
/// (`search.json`, `timeline.ics`, `timeline.json`, and its date in
/// `sitemap.xml`), serialised once and kept by a session between builds, so
/// a rebuild after one edit re-serialises one event and assembles the files
/// by concatenation. The bytes are those the whole file would have.
struct EventFragments {
    /// The event's object in `search.json`'s `events`, compact.
    let search: [UInt8]
    /// Its VEVENT lines, folded, joined by CRLF, without a final CRLF.
    let vevent: [UInt8]
    /// Its slide in `timeline.json`'s `events`, at that depth of indentation.
    let slide: [UInt8]
    /// When it was last updated, as the sitemap and feeds say.
    let updated: Timestamp

    /// Everything the fragments are made from, besides the site's settings
    /// (a change to those starts the cache afresh): the event, its body, its
    /// place, and the articles it cites.
    struct Inputs: Equatable {
        let event: Event
        let body: Markdown.Rendered
        let place: Place?
        let articles: [Article?]

        init(_ event: Event, _ chronology: Chronology, _ bodies: NoteBodies) {
            self.event = event
            body = bodies[.event, event.source.slug]
            place = event.place.flatMap { chronology.placeIndex[$0.slug] }.map { chronology.places[$0] }
            articles = event.citedArticles.map { slug in chronology.articleIndex[slug].map { chronology.articles[$0] } }
        }
    }

    init(_ index: Int, _ chronology: Chronology, _ bodies: NoteBodies, _ media: MediaLibrary) {
        let item = FeedItem(chronology.events[index], in: chronology, bodies: bodies, media: media)
        search = SearchIndex.entry(item.event, bodies: bodies).serializedBytes()
        vevent = ICalendar.vevent(item, chronology)
        slide = TimelineJSExport.slide(item).serializedBytes(pretty: true, indent: TimelineJSExport.slideDepth)
        updated = item.updated
    }

    /// Every event's fragments, in chronological order, made anew only
    /// where `cache` holds none from the same inputs.
    static func all(_ chronology: Chronology, bodies: NoteBodies, media: MediaLibrary,
                    cache: inout KeyedCache<Inputs, EventFragments>) -> [EventFragments] {
        let events = chronology.events
        return cache.values(keys: events.map(\.source.slug), inputs: events.map { Inputs($0, chronology, bodies) }) {
            EventFragments($0, chronology, bodies, media)
        }
    }
}
