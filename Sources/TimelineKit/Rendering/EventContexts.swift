/// The event as lists show it (chronology, person, tag pages) and as its own
/// page shows it.
extension ContextBuilder {
    func eventItem(_ index: Int, _ links: PageLinks) -> [String: Any] {
        let event = chronology.events[index]
        var item: [String: Any] = [
            "slug": event.source.slug,
            "href": links.note(.event, event.source.slug),
            "title": event.title,
            "date": event.date.display,
            "datetime": event.date.start.isoString,
            "status": event.status.rawValue,
            "statusLabel": statusLabel(event.status),
            // Lists show a teaser; the event's page has the whole body.
            "summary": Self.metaDescription(bodies[.event, event.source.slug].summary),
        ]
        if event.date.approximate { item["approximate"] = true }
        if event.status == .disputed || !event.disputes.isEmpty { item["disputed"] = true }
        if event.draft { item["draft"] = true }
        if let place = event.place.flatMap(placeLink(links)) { item["place"] = place }
        item["people"] = event.people.compactMap(personLink(links))
        item["tags"] = event.tags.map { ["name": $0, "href": links.tag($0)] }
        // What the filter script matches on, so it works even where it cannot
        // fetch search.json (a page opened from file://).
        item["filterPeople"] = (event.people.map(\.slug) + event.quotes.map(\.by.slug)).joined(separator: " ")
        item["filterPlace"] = event.place?.slug ?? ""
        item["filterDocuments"] = event.documents.map(\.slug).joined(separator: " ")
        item["filterTags"] = event.tags.joined(separator: " ")
        return item
    }

    /// A list of events for a template: `events` (one value per event, for
    /// templates that iterate) and `eventsHTML` (each rendered through
    /// event-item.mustache, which the shipped event-list.mustache includes).
    func eventList(_ indexes: [Int], _ variant: EventItems.Variant) -> [String: Any] {
        let links = PageLinks(root: variant.root)
        let entries = indexes.map { EventListEntry(index: $0, builder: self, links: links) }
        if let deferredLists { return ["events": entries, "eventsHTML": deferredLists.marker(for: indexes, variant)] }
        return ["events": entries, "eventsHTML": listHTML(indexes, variant)]
    }

    /// The list's items, from those rendered up front where there are any.
    func listHTML(_ indexes: [Int], _ variant: EventItems.Variant) -> String {
        items.map { String(decoding: $0.utf8(indexes, variant), as: UTF8.self) }
            ?? indexes.map { EventItems.render($0, variant, self, templates) }.joined()
    }

    /// `listHTML` as UTF-8, for a splice.
    func listUTF8(_ indexes: [Int], _ variant: EventItems.Variant) -> [UInt8] {
        items?.utf8(indexes, variant) ?? Array(listHTML(indexes, variant).utf8)
    }

    func eventPage(_ index: Int, _ links: PageLinks) -> [String: Any] {
        let event = chronology.events[index]
        var context = eventItem(index, links)
        context["pageTitle"] = event.title
        context["bodyHTML"] = bodies[.event, event.source.slug].html
        let summary = bodies[.event, event.source.slug].summary
        if !summary.isEmpty { context["description"] = Self.metaDescription(summary) }
        context["ogType"] = "article"
        context["jsonLD"] = eventStructuredData(event, url: canonicalURL(.event(index)))
        context["documents"] = event.documents.compactMap(documentLink(links))
        context["sources"] = event.sources.compactMap(articleLink(links))
        context["quotes"] = event.quotes.map { quote -> [String: Any] in
            var item: [String: Any] = ["text": quote.text]
            if let by = personLink(links)(quote.by) { item["by"] = by }
            if let source = articleLink(links)(quote.source) { item["source"] = source }
            return item
        }
        context["disputes"] = event.disputes.map { dispute -> [String: Any] in
            [
                "about": dispute.about,
                "claims": dispute.claims.map { claim -> [String: Any] in
                    var item: [String: Any] = ["says": claim.says]
                    if let source = articleLink(links)(claim.source) { item["source"] = source }
                    return item
                },
            ]
        }
        if index > 0 { context["previous"] = neighbour(index - 1, links) }
        if index + 1 < chronology.events.count { context["next"] = neighbour(index + 1, links) }
        return context
    }

    private func neighbour(_ index: Int, _ links: PageLinks) -> [String: Any] {
        let event = chronology.events[index]
        return ["title": event.title, "href": links.note(.event, event.source.slug), "date": event.date.display]
    }

    func statusLabel(_ status: EventStatus) -> String {
        switch status {
        case .confirmed: return "Confirmed"
        case .reported: return "Reported"
        case .disputed: return "Disputed"
        }
    }

    // MARK: Links to other notes, by reference

    func personLink(_ links: PageLinks) -> (Reference) -> [String: Any]? {
        { ref in
            chronology.personIndex[ref.slug].map { i in
                var item: [String: Any] = ["name": chronology.people[i].name, "href": links.note(.person, ref.slug)]
                if let role = chronology.people[i].role { item["role"] = role }
                return item
            }
        }
    }

    func placeLink(_ links: PageLinks) -> (Reference) -> [String: Any]? {
        { ref in
            chronology.placeIndex[ref.slug].map { i in
                ["name": chronology.places[i].name, "href": links.note(.place, ref.slug)]
            }
        }
    }

    func documentLink(_ links: PageLinks) -> (Reference) -> [String: Any]? {
        { ref in
            chronology.documentIndex[ref.slug].map { i in
                ["title": chronology.documents[i].title, "href": links.note(.document, ref.slug)]
            }
        }
    }

    func articleLink(_ links: PageLinks) -> (Reference) -> [String: Any]? {
        { ref in
            chronology.articleIndex[ref.slug].map { i in
                let article = chronology.articles[i]
                var item: [String: Any] = [
                    "title": article.title, "href": links.note(.article, ref.slug),
                    "published": article.published.display, "publishedISO": article.published.isoString,
                ]
                if let outlet = article.outlet { item["outlet"] = outlet }
                return item
            }
        }
    }
}
