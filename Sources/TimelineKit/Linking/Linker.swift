/// The link stage: checks that every slug a note names exists, that every
/// quote and claim occurs in its source, and that document lineage has no
/// cycle; then builds the `Chronology`.
public enum Linker {
    public static func link(_ site: Site, includeDrafts: Bool) -> (Chronology, [Diagnostic]) {
        link(site, includeDrafts: includeDrafts, verifier: QuoteVerifier(articles: site.articles))
    }

    /// `verifier` must hold `site`'s articles (a session keeps its folding between builds).
    public static func link(_ site: Site, includeDrafts: Bool, verifier: QuoteVerifier) -> (Chronology, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let events = site.events.filter { includeDrafts || !$0.draft }.map { placedInTime($0, site.settings, &diagnostics) }
        let known: [NoteKind: Set<String>] = [
            .person: Set(site.people.map(\.source.slug)),
            .place: Set(site.places.map(\.source.slug)),
            .document: Set(site.documents.map(\.source.slug)),
            .article: Set(site.articles.map(\.source.slug)),
        ]
        let articles = known[.article]!

        func check(_ reference: Reference, _ kind: NoteKind, field: String) {
            let slugs = known[kind] ?? []
            guard !slugs.contains(reference.slug), !site.isUnreadable(kind, reference.slug) else { return }
            diagnostics.append(.error(
                "unknown \(kind.noun) '\(reference.slug)' in \(field)", at: reference.location,
                hint: Suggestion.hint(for: reference.slug, in: slugs)
                    ?? "create \(kind.folder)/\(reference.slug).md or fix the slug"))
        }

        /// A quote's or claim's words must occur in the article it cites.
        func verify(_ what: String, _ words: String, in source: Reference, at location: SourceLocation) {
            guard articles.contains(source.slug) else { return }
            switch verifier.find(words, in: source.slug) {
            case .found: return
            case .notFound:
                diagnostics.append(.error(
                    "\(what) not found in article '\(source.slug)': \"\(excerpt(words))\"", at: location,
                    hint: "copy the words exactly as articles/\(source.slug).md has them"))
            case .acrossPassages:
                diagnostics.append(.error(
                    "\(what) runs across two passages of the excerpt '\(source.slug)': \"\(excerpt(words))\"", at: location,
                    hint: "the words on either side of […] were not written together; quote one passage"))
            }
        }

        for event in events {
            if let place = event.place { check(place, .place, field: "place") }
            event.people.forEach { check($0, .person, field: "people") }
            event.documents.forEach { check($0, .document, field: "documents") }
            event.sources.forEach { check($0, .article, field: "sources") }
            for quote in event.quotes {
                check(quote.by, .person, field: "quotes")
                check(quote.source, .article, field: "quotes")
                verify("quote", quote.text, in: quote.source, at: quote.location)
            }
            for dispute in event.disputes {
                for claim in dispute.claims {
                    check(claim.source, .article, field: "disputes")
                    verify("claim", claim.says, in: claim.source, at: claim.location)
                }
                dispute.finding?.sources.forEach { check($0, .article, field: "a finding") }
            }
        }
        for document in site.documents {
            if let older = document.supersedes { check(older, .document, field: "supersedes") }
        }
        diagnostics += DocumentLineage.cycles(in: site.documents)
        return (Chronology(site: site, events: events), diagnostics)
    }

    /// The event with every time given an offset (from its own zone, else
    /// the site's) and its zone named in the site's language.
    static func placedInTime(_ event: Event, _ settings: SiteSettings, _ diagnostics: inout [Diagnostic]) -> Event {
        guard event.date.hasTime else { return event }
        var event = event
        // The parser resolved times against the event's own zone; what is
        // left has no offset and takes the site's.
        var shownIn = event.timezone
        if event.date.lacksOffset {
            guard let zone = settings.timezone else {
                diagnostics.append(.error(DateParseError.timeWithoutZone(event.date.isoString).description, at: event.dateLocation))
                return event
            }
            do {
                event.date = try event.date.resolved(in: zone)
            } catch {
                diagnostics.append(.error(error.description, at: event.dateLocation))
                return event
            }
            shownIn = zone
        }
        if let shownIn {
            event.date.zoneLabel = shownIn.name(language: settings.language)
        } else if let offset = (event.date.startTime ?? event.date.endTime)?.offset {
            // Only an offset was written: name it, not a zone it might be.
            event.date.zoneLabel = ClockTime.offsetLabel(offset)
        }
        return event
    }

    /// Long quotes shortened for one-line messages.
    static func excerpt(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count > 80 else { return text }
        var short = ""
        short.unicodeScalars.append(contentsOf: scalars[0..<77])
        return short + "..."
    }
}
