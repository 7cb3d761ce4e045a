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
        var zoneNames = ZoneNames(language: site.settings.language)
        let events = site.events.filter { includeDrafts || !$0.draft }.map { placedInTime($0, site.settings, &zoneNames, &diagnostics) }
        let known: [NoteKind: Set<String>] = [
            .person: Set(site.people.map(\.source.slug)),
            .place: Set(site.places.map(\.source.slug)),
            .document: Set(site.documents.map(\.source.slug)),
            .article: Set(site.articles.map(\.source.slug)),
        ]
        let articles = known[.article]!
        let published = Dictionary(site.articles.map { ($0.source.slug, $0.published) }) { first, _ in first }

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
            checkChangeDates(event, published, &diagnostics)
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
    /// the site's) and its zone named in the site's language; its
    /// corrections and updates likewise.
    static func placedInTime(_ event: Event, _ settings: SiteSettings, _ names: inout ZoneNames,
                             _ diagnostics: inout [Diagnostic]) -> Event {
        var event = event
        event.date = placed(event.date, shownIn: event.timezone, settings, at: event.dateLocation, &names, &diagnostics)
        let zone = event.timezone
        func placeAll(_ notes: inout [ChangeNote]) {
            for index in notes.indices {
                notes[index].date = placed(notes[index].date, shownIn: zone, settings, at: notes[index].location,
                                           &names, &diagnostics)
            }
        }
        placeAll(&event.corrections)
        placeAll(&event.updates)
        return event
    }

    /// Each zone's name in the site's language, asked of ICU once per zone
    /// and link rather than with a new formatter for every timed event.
    struct ZoneNames {
        let language: String
        private var known: [Zone: String] = [:]

        init(language: String) { self.language = language }

        mutating func name(_ zone: Zone) -> String {
            if let name = known[zone] { return name }
            let name = zone.name(language: language)
            known[zone] = name
            return name
        }
    }

    /// The parser resolved times against the event's own zone; what is
    /// left has no offset and takes the site's.
    private static func placed(_ date: EventDate, shownIn zone: Zone?, _ settings: SiteSettings, at location: SourceLocation,
                               _ names: inout ZoneNames, _ diagnostics: inout [Diagnostic]) -> EventDate {
        guard date.hasTime else { return date }
        var date = date, shownIn = zone
        if date.lacksOffset {
            guard let zone = settings.timezone else {
                diagnostics.append(.error(DateParseError.timeWithoutZone(date.isoString).description, at: location))
                return date
            }
            do {
                date = try date.resolved(in: zone)
            } catch {
                diagnostics.append(.error(error.description, at: location))
                return date
            }
            shownIn = zone
        }
        if let shownIn {
            date.zoneLabel = names.name(shownIn)
        } else if let offset = (date.startTime ?? date.endTime)?.offset {
            // Only an offset was written: name it, not a zone it might be.
            date.zoneLabel = ClockTime.offsetLabel(offset)
        }
        return date
    }

    /// A correction or update dated before the event's first source was
    /// published corrects a report that did not exist yet.
    static func checkChangeDates(_ event: Event, _ published: [String: PartialDate], _ diagnostics: inout [Diagnostic]) {
        guard !event.corrections.isEmpty || !event.updates.isEmpty else { return }
        let published = event.sources.compactMap { published[$0.slug] }
        guard let first = published.min() else { return }
        for note in event.corrections + event.updates where note.date.start < first {
            diagnostics.append(.error(
                "\(note.kind.rawValue) dated \(note.date.start.display), before the event's first source was published (\(first.display))",
                at: note.location, hint: "date it when the \(note.kind.rawValue) was made"))
        }
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
