import TimelineTemplates

/// The event as lists show it (chronology, person, tag pages) and as its own
/// page shows it.
extension ContextBuilder {
    func eventItem(_ index: Int, _ links: PageLinks) -> TemplateContext {
        let event = chronology.events[index]
        var item: TemplateContext = [
            "slug": .text(event.source.slug),
            "href": .text(links.note(.event, event.source.slug)),
            "title": .text(event.title),
            "date": .text(event.date.display),
            "datetime": .text(event.date.startISO),
            "status": .text(event.status.rawValue),
            "statusLabel": .text(statusLabel(event.status)),
            // Lists show a teaser; the event's page has the whole body.
            "summary": .text(Self.metaDescription(bodies[.event, event.source.slug].summary)),
        ]
        if event.date.approximate { item["approximate"] = true }
        // A dispute with a finding is settled: lists say "Resolved" once
        // every one is, unless the event itself is disputed.
        let unresolved = event.disputes.contains { $0.finding == nil }
        if event.status == .disputed || unresolved { item["disputed"] = true }
        if event.status != .disputed, !event.disputes.isEmpty, !unresolved { item["resolved"] = true }
        if event.draft { item["draft"] = true }
        if event.key { item["key"] = true }
        if !event.corrections.isEmpty { item["corrected"] = true }
        if let place = event.place.flatMap(placeLink(links)) { item["place"] = .map(place) }
        if let thumbnail = thumbnail(event.media, links) { item["thumbnail"] = .map(thumbnail) }
        item["people"] = .list(event.people.compactMap(personLink(links)).map(TemplateValue.map))
        item["tags"] = .list(event.tags.map { ["name": .text($0), "href": .text(links.tag($0))] })
        // What the filter script matches on, so it works even where it cannot
        // fetch search.json (a page opened from file://).
        item["filterPeople"] = .text((event.people.map(\.slug) + event.quotes.map(\.by.slug)).joined(separator: " "))
        item["filterPlace"] = .text(event.place?.slug ?? "")
        item["filterDocuments"] = .text(event.documents.map(\.slug).joined(separator: " "))
        item["filterTags"] = .text(event.tags.joined(separator: " "))
        return item
    }

    /// A list of events for a template: `events` (one value per event, for
    /// templates that iterate, made only if a template looks inside) and
    /// `eventsHTML` (each rendered through event-item.mustache, which the
    /// shipped event-list.mustache includes), written straight into the page.
    /// Indexes in chronological order; the list runs as site.yml's `order` says.
    func eventList(_ indexes: [Int], _ variant: EventItems.Variant) -> TemplateContext {
        let indexes = inListOrder(indexes)
        let links = PageLinks(root: variant.root)
        let builder = self
        let entries = indexes.map { index in TemplateValue.deferred(TemplateDeferred { .map(builder.eventItem(index, links)) }) }
        return ["events": .list(entries), "eventsHTML": .writer(TemplateWriter { out in
            if let items = builder.items, EventItems.Variant.kept.contains(variant) {
                for index in indexes { out += items[index][variant.rawValue] }
            } else {
                for index in indexes { EventItems.render(index, variant, builder, into: &out) }
            }
        })]
    }

    /// Chronological things (events, quotes, months) in the order lists
    /// show them: newest first when site.yml says `order: newest`.
    func inListOrder<T>(_ items: [T]) -> [T] {
        chronology.settings.order == .newest ? items.reversed() : items
    }

    func eventPage(_ index: Int, _ links: PageLinks) -> TemplateContext {
        let event = chronology.events[index]
        var context = eventItem(index, links)
        context["pageTitle"] = .text(event.title)
        context["bodyHTML"] = .text(bodies[.event, event.source.slug].html)
        let summary = bodies[.event, event.source.slug].summary
        if !summary.isEmpty { context["description"] = .text(Self.metaDescription(summary)) }
        context["ogType"] = "article"
        context["media"] = mediaList(event.media, links)
        if Self.hasEmbeds(event.media) { context["hasEmbeds"] = true }
        if let image = socialImage(event.media, eventSlug: event.source.slug) { context["ogImage"] = .map(image) }
        context["jsonLD"] = .text(eventStructuredData(event, url: canonicalURL(.event(index))))
        context["documents"] = .list(event.documents.compactMap(documentLink(links)).map(TemplateValue.map))
        context["sources"] = .list(event.sources.compactMap(articleLink(links)).map(TemplateValue.map))
        context["quotes"] = .list(event.quotes.map { quote -> TemplateValue in
            var item: TemplateContext = ["text": .text(quote.text)]
            if let by = personLink(links)(quote.by) { item["by"] = .map(by) }
            if let source = articleLink(links)(quote.source) { item["source"] = .map(source) }
            return .map(item)
        })
        context["disputes"] = .list(event.disputes.map { dispute -> TemplateValue in
            var context: TemplateContext = [
                "about": .text(dispute.about),
                "claims": .list(dispute.claims.map { claim -> TemplateValue in
                    var item: TemplateContext = ["says": .text(claim.says)]
                    if let source = articleLink(links)(claim.source) { item["source"] = .map(source) }
                    return .map(item)
                }),
            ]
            if let finding = dispute.finding {
                context["finding"] = [
                    "text": .text(finding.text),
                    "sources": .list(finding.sources.compactMap(articleLink(links)).map(TemplateValue.map)),
                ]
            }
            return .map(context)
        })
        context["changes"] = .list(event.changeNotes(dayZone: chronology.settings.dayZone).map { .map(changeNote($0)) })
        if index > 0 { context["previous"] = .map(neighbour(index - 1, links)) }
        if index + 1 < chronology.events.count { context["next"] = .map(neighbour(index + 1, links)) }
        return context
    }

    private func neighbour(_ index: Int, _ links: PageLinks) -> TemplateContext {
        let event = chronology.events[index]
        return ["title": .text(event.title), "href": .text(links.note(.event, event.source.slug)), "date": .text(event.date.display)]
    }

    func statusLabel(_ status: EventStatus) -> String {
        switch status {
        case .confirmed: return "Confirmed"
        case .reported: return "Reported"
        case .disputed: return "Disputed"
        }
    }

    // MARK: Links to other notes, by reference

    func personLink(_ links: PageLinks) -> (Reference) -> TemplateContext? {
        { ref in
            chronology.personIndex[ref.slug].map { i in
                var item: TemplateContext = ["name": .text(chronology.people[i].name), "href": .text(links.note(.person, ref.slug))]
                if let role = chronology.people[i].role { item["role"] = .text(role) }
                return item
            }
        }
    }

    func placeLink(_ links: PageLinks) -> (Reference) -> TemplateContext? {
        { ref in
            chronology.placeIndex[ref.slug].map { i in
                ["name": .text(chronology.places[i].name), "href": .text(links.note(.place, ref.slug))]
            }
        }
    }

    func documentLink(_ links: PageLinks) -> (Reference) -> TemplateContext? {
        { ref in
            chronology.documentIndex[ref.slug].map { i in
                ["title": .text(chronology.documents[i].title), "href": .text(links.note(.document, ref.slug))]
            }
        }
    }

    func articleLink(_ links: PageLinks) -> (Reference) -> TemplateContext? {
        { ref in
            chronology.articleIndex[ref.slug].map { i in
                let article = chronology.articles[i]
                var item: TemplateContext = [
                    "title": .text(article.title), "href": .text(links.note(.article, ref.slug)),
                    "published": .text(article.published.display), "publishedISO": .text(article.published.isoString),
                ]
                if let outlet = article.outlet { item["outlet"] = .text(outlet) }
                return item
            }
        }
    }
}
