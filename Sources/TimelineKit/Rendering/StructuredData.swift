/// schema.org JSON-LD for search engines and link previews: `Event` on event
/// pages, `NewsArticle` on source pages. Serialised by `JSON`, which escapes
/// `<`, `>` and `&`, so no field can close the `<script>` element.
extension ContextBuilder {
    func eventStructuredData(_ event: Event, url: String?) -> String {
        var fields: [(String, JSON)] = [
            ("@context", .string("https://schema.org")),
            ("@type", .string("Event")),
            ("name", .string(event.title)),
            ("startDate", .string(event.date.startISO)),
        ]
        if let end = event.date.endISO { fields.append(("endDate", .string(end))) }
        let summary = bodies[.event, event.source.slug].summary
        if !summary.isEmpty { fields.append(("description", .string(summary))) }
        if let place = event.place.flatMap({ chronology.placeIndex[$0.slug] }).map({ chronology.places[$0] }) {
            var location: [(String, JSON)] = [("@type", .string("Place")), ("name", .string(place.name))]
            if let country = place.country { location.append(("address", .string(country))) }
            if let c = place.coordinates {
                location.append(("geo", .object([
                    ("@type", .string("GeoCoordinates")), ("latitude", .number(c.latitude)), ("longitude", .number(c.longitude)),
                ])))
            }
            fields.append(("location", .object(location)))
        }
        let people = event.people.compactMap { chronology.personIndex[$0.slug] }.map { chronology.people[$0] }
        if !people.isEmpty {
            fields.append(("attendee", .array(people.map { .object([("@type", .string("Person")), ("name", .string($0.name))]) })))
        }
        if let last = event.changeNotes(dayZone: chronology.settings.dayZone).last { fields.append(("dateModified", .string(last.date.startISO))) }
        if !event.corrections.isEmpty {
            fields.append(("correction", .array(event.corrections.map { note in
                .object([("@type", .string("CorrectionComment")), ("text", .string(note.text)), ("datePublished", .string(note.date.startISO))])
            })))
        }
        if let url { fields.append(("url", .string(url))) }
        return JSON.object(fields).serialized()
    }

    func articleStructuredData(_ article: Article, url: String?) -> String {
        var fields: [(String, JSON)] = [
            ("@context", .string("https://schema.org")),
            ("@type", .string("NewsArticle")),
            ("headline", .string(article.title)),
            ("datePublished", .string(article.published.isoString)),
        ]
        if let author = article.author { fields.append(("author", .object([("@type", .string("Person")), ("name", .string(author))]))) }
        if let outlet = article.outlet {
            fields.append(("publisher", .object([("@type", .string("Organization")), ("name", .string(outlet))])))
        }
        if let original = article.url { fields.append(("isBasedOn", .string(original))) }
        if let url { fields.append(("url", .string(url))) }
        return JSON.object(fields).serialized()
    }

    /// A meta description: the first paragraph, cut at a word near 160 characters.
    static func metaDescription(_ text: String) -> String {
        let limit = 160
        guard text.count > limit else { return text }
        let cut = text.prefix(limit)
        let end = cut.lastIndex(of: " ") ?? cut.endIndex
        return String(cut[..<end]).trimmingSpaces + "…"
    }
}
