import TimelineTemplates

/// Pages for sources, people, places, documents and tags, each with the
/// events that name it: the other half of every reference.
extension ContextBuilder {
    func articlePage(_ index: Int, _ links: PageLinks) -> TemplateContext {
        let article = chronology.articles[index]
        let slug = article.source.slug
        var context: TemplateContext = [
            "pageTitle": .text(article.title),
            "title": .text(article.title),
            "published": .text(article.published.display),
            "publishedISO": .text(article.published.isoString),
            "bodyHTML": .text(bodies[.article, slug].html),
        ].merging(eventList(chronology.eventsByArticle[slug] ?? [], .notePage)) { a, _ in a }
        // Each phrase once, with what it means: an article saying "on Tuesday"
        // five times lists it once.
        var seen = Set<String>()
        let mentions = DateExpressions.find(in: article.source.body, published: article.published)
            .filter { seen.insert($0.phrase + "\u{0}" + $0.date.isoString).inserted }
        let overruled = overruledDates(of: article)
        context["dates"] = .list(mentions.map { mention -> TemplateValue in
            var item: TemplateContext = [
                "phrase": .text(mention.phrase), "means": .text(mention.date.display), "datetime": .text(mention.date.start.isoString),
                "relative": .bool(mention.kind == .relative),
            ]
            if let event = overruled[QuoteVerifier.fold(mention.phrase)] {
                item["contradicted"] = ["title": .text(event.title), "href": .text(links.note(.event, event.source.slug)),
                                        "date": .text(event.date.display)]
            }
            return .map(item)
        })
        if let outlet = article.outlet { context["outlet"] = .text(outlet) }
        if let author = article.author { context["author"] = .text(author) }
        if let url = article.url { context["url"] = .text(url) }
        if article.excerpt { context["excerpt"] = true }
        if let archived = article.archived { context["archived"] = .text(archived) }
        if let language = article.language { context["language"] = .text(language) }
        let summary = bodies[.article, slug].summary
        if !summary.isEmpty { context["description"] = .text(Self.metaDescription(summary)) }
        context["ogType"] = "article"
        context["jsonLD"] = .text(articleStructuredData(article, url: canonicalURL(.article(index))))
        return context
    }

    /// Dates this article states in a claim that a finding settled against
    /// it: the claim's date falls outside the event's. By folded phrase.
    func overruledDates(of article: Article) -> [[UInt8]: Event] {
        var overruled: [[UInt8]: Event] = [:]
        for index in chronology.eventsByArticle[article.source.slug] ?? [] {
            let event = chronology.events[index]
            let range = TimeAxis.days(event.date)
            for dispute in event.disputes where dispute.finding != nil {
                for claim in dispute.claims where claim.source.slug == article.source.slug {
                    for mention in DateExpressions.find(in: claim.says, published: article.published) where mention.kind == .absolute {
                        let stated = TimeAxis.days(mention.date)
                        if stated.end <= range.start || stated.start >= range.end { overruled[QuoteVerifier.fold(mention.phrase)] = event }
                    }
                }
            }
        }
        return overruled
    }

    func articlesContext(_ links: PageLinks) -> TemplateContext {
        let order = chronology.articles.indices.sorted { a, b in
            let x = chronology.articles[a], y = chronology.articles[b]
            if x.published != y.published { return x.published > y.published }
            return x.source.slug < y.source.slug
        }
        return [
            "pageTitle": "Sources",
            "articles": .list(order.map { i -> TemplateValue in
                var item = articleLink(links)(reference(chronology.articles[i].source.slug))!
                item["eventCountLabel"] = .text(Self.countLabel(chronology.eventsByArticle[chronology.articles[i].source.slug]?.count ?? 0, "event"))
                return .map(item)
            }),
        ]
    }

    func personPage(_ index: Int, _ links: PageLinks) -> TemplateContext {
        let person = chronology.people[index]
        let slug = person.source.slug
        var context: TemplateContext = [
            "pageTitle": .text(person.name),
            "name": .text(person.name),
            "bodyHTML": .text(bodies[.person, slug].html),
        ].merging(eventList(chronology.eventsByPerson[slug] ?? [], .notePage)) { a, _ in a }
        if let role = person.role { context["role"] = .text(role) }
        // The first picture is the portrait; the rest follow the description.
        let portraitIndex = person.media.firstIndex { $0.imagePath != nil }
        if let portraitIndex, case .list(let pictures) = mediaList([person.media[portraitIndex]], links, sizes: Self.portraitSizes),
           let portrait = pictures.first {
            context["portrait"] = portrait
        }
        context["media"] = mediaList(person.media.enumerated().filter { $0.offset != portraitIndex }.map(\.element), links,
                                     eagerFirst: portraitIndex == nil)
        if let image = socialImage(person.media) { context["ogImage"] = .map(image) }
        if Self.hasEmbeds(person.media) { context["hasEmbeds"] = true }
        if let country = person.country { context["country"] = .text(country) }
        let quotes = inListOrder(chronology.quotesByPerson[slug] ?? []).map { location -> TemplateValue in
            let event = chronology.events[location.event]
            let quote = event.quotes[location.quote]
            var item: TemplateContext = [
                "text": .text(quote.text),
                "event": ["title": .text(event.title), "href": .text(links.note(.event, event.source.slug)), "date": .text(event.date.display)],
            ]
            if let source = articleLink(links)(quote.source) { item["source"] = .map(source) }
            return .map(item)
        }
        context["quotes"] = .list(quotes)
        return context
    }

    func peopleContext(_ links: PageLinks) -> TemplateContext {
        let order = chronology.people.indices.sorted { byName(chronology.people[$0].name, chronology.people[$1].name) }
        return [
            "pageTitle": "People",
            "people": .list(order.map { i -> TemplateValue in
                let slug = chronology.people[i].source.slug
                var item = personLink(links)(reference(slug))!
                item["eventCountLabel"] = .text(Self.countLabel(chronology.eventsByPerson[slug]?.count ?? 0, "event"))
                return .map(item)
            }),
        ]
    }

    func placePage(_ index: Int, _ links: PageLinks) -> TemplateContext {
        let place = chronology.places[index]
        let slug = place.source.slug
        var context: TemplateContext = [
            "pageTitle": .text(place.name),
            "name": .text(place.name),
            "bodyHTML": .text(bodies[.place, slug].html),
        ].merging(eventList(chronology.eventsByPlace[slug] ?? [], .notePage)) { a, _ in a }
        if let country = place.country { context["country"] = .text(country) }
        context["media"] = mediaList(place.media, links)
        if let image = socialImage(place.media) { context["ogImage"] = .map(image) }
        if Self.hasEmbeds(place.media) { context["hasEmbeds"] = true }
        if let c = place.coordinates {
            context["coordinates"] = .text(Self.degrees(c.latitude, "N", "S") + ", " + Self.degrees(c.longitude, "E", "W"))
        }
        return context
    }

    func placesContext(_ links: PageLinks) -> TemplateContext {
        let order = chronology.places.indices.sorted { byName(chronology.places[$0].name, chronology.places[$1].name) }
        return [
            "pageTitle": "Places",
            "places": .list(order.map { i -> TemplateValue in
                let place = chronology.places[i]
                var item = placeLink(links)(reference(place.source.slug))!
                if let country = place.country { item["country"] = .text(country) }
                item["eventCountLabel"] = .text(Self.countLabel(chronology.eventsByPlace[place.source.slug]?.count ?? 0, "event"))
                return .map(item)
            }),
        ]
    }

    func documentPage(_ index: Int, _ links: PageLinks) -> TemplateContext {
        let document = chronology.documents[index]
        let slug = document.source.slug
        var context: TemplateContext = [
            "pageTitle": .text(document.title),
            "title": .text(document.title),
            "bodyHTML": .text(bodies[.document, slug].html),
        ].merging(eventList(chronology.eventsByDocument[slug] ?? [], .notePage)) { a, _ in a }
        if let date = document.date { context["date"] = .text(date.display) }
        context["media"] = mediaList(document.media, links)
        if let image = socialImage(document.media) { context["ogImage"] = .map(image) }
        if Self.hasEmbeds(document.media) { context["hasEmbeds"] = true }
        if let points = document.points { context["points"] = .text(String(points)) }
        if let older = document.supersedes.flatMap(documentLink(links)) { context["supersedes"] = .map(older) }
        let newer = (chronology.supersededBy[slug] ?? []).compactMap { documentLink(links)(reference($0)) }
        context["supersededBy"] = .list(newer.map(TemplateValue.map))
        if let diagram = LineageDiagram(chronology: chronology) {
            context["diagram"] = .map(diagram.context(chronology: chronology, links: links, current: slug))
        }
        let chain = DocumentLineage.chain(through: slug, in: chronology)
        context["lineage"] = .list(chain.count < 2 ? [] : chain.map { member -> TemplateValue in
            var item = documentLink(links)(reference(member))!
            if member == slug { item["current"] = true }
            if let points = chronology.documents[chronology.documentIndex[member]!].points { item["points"] = .text(String(points)) }
            return .map(item)
        })
        return context
    }

    func documentsContext(_ links: PageLinks) -> TemplateContext {
        let order = chronology.documents.indices.sorted { a, b in
            let x = chronology.documents[a], y = chronology.documents[b]
            switch (x.date, y.date) {
            case let (p?, q?) where p != q: return p < q
            case (nil, _?): return false
            case (_?, nil): return true
            default: return x.source.slug < y.source.slug
            }
        }
        var context: TemplateContext = ["pageTitle": "Documents"]
        if let diagram = LineageDiagram(chronology: chronology) {
            context["diagram"] = .map(diagram.context(chronology: chronology, links: links, current: nil))
        }
        context["documents"] = .list(order.map { i -> TemplateValue in
                let document = chronology.documents[i]
                var item = documentLink(links)(reference(document.source.slug))!
                if let date = document.date { item["date"] = .text(date.display) }
                if let points = document.points { item["points"] = .text(String(points)) }
                if let older = document.supersedes.flatMap(documentLink(links)) { item["supersedes"] = .map(older) }
                item["eventCountLabel"] = .text(Self.countLabel(chronology.eventsByDocument[document.source.slug]?.count ?? 0, "event"))
                return .map(item)
            })
        return context
    }

    func tagPage(_ tag: String, _ links: PageLinks) -> TemplateContext {
        ["pageTitle": .text("Tag: \(tag)"), "tag": .text(tag)].merging(eventList(chronology.eventsByTag[tag] ?? [], .tagPage)) { a, _ in a }
    }

    func tagsContext(_ links: PageLinks) -> TemplateContext {
        [
            "pageTitle": "Tags",
            "tags": .list(chronology.tags.map { tag -> TemplateValue in
                ["name": .text(tag), "href": .text(links.tag(tag)), "eventCount": .int(chronology.eventsByTag[tag]?.count ?? 0)]
            }),
        ]
    }

    private func reference(_ slug: String) -> Reference {
        Reference(slug: slug, location: SourceLocation(file: ""))
    }

    private func byName(_ a: String, _ b: String) -> Bool {
        let x = a.lowercased(), y = b.lowercased()
        return x != y ? x.utf8.lexicographicallyPrecedes(y.utf8) : a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    static func degrees(_ value: Double, _ positive: String, _ negative: String) -> String {
        let magnitude = abs(value)
        let scaled = Int((magnitude * 10000).rounded())
        let fraction = String(scaled % 10000)
        let padded = String(repeating: "0", count: 4 - fraction.count) + fraction
        return "\(scaled / 10000).\(padded)° \(value < 0 ? negative : positive)"
    }
}

extension ContextBuilder {
    /// `1 event`, `3 events`.
    static func countLabel(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
