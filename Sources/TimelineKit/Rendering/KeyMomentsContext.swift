import TimelineTemplates

/// The "Key moments" digest: the events marked `key: true`, as a short list
/// at the top of the chronology and as a page of their own.
extension ContextBuilder {
    func keyMomentsPage() -> TemplateContext {
        ["pageTitle": "Key moments"].merging(eventList(chronology.keyEvents, .keyMoments)) { a, _ in a }
    }

    /// The digest on the index: date, title and summary of each.
    func keyMomentsDigest(_ links: PageLinks) -> TemplateValue {
        .list(inListOrder(chronology.keyEvents).map { index -> TemplateValue in
            let event = chronology.events[index]
            return [
                "title": .text(event.title),
                "href": .text(links.note(.event, event.source.slug)),
                "date": .text(event.date.display),
                "datetime": .text(event.date.startISO),
                "summary": .text(Self.metaDescription(bodies[.event, event.source.slug].summary)),
            ]
        })
    }
}
