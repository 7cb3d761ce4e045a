/// `timeline check`'s editorial warnings: things that build but that an
/// editor would want to know before publishing. None stops a build.
public enum EditorialReview {
    public static func warnings(_ chronology: Chronology) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        func at(_ source: NoteSource, line: Int? = nil) -> SourceLocation {
            SourceLocation(file: source.file, line: line ?? source.titleLine, column: 1)
        }
        for event in chronology.events where event.sources.isEmpty {
            warnings.append(.warning("event has no source", at: at(event.source),
                                     hint: "add sources: [ARTICLE] naming an article that reports it"))
        }
        for person in chronology.people where chronology.eventsByPerson[person.source.slug] == nil {
            warnings.append(.warning("no event mentions \(person.name)", at: at(person.source),
                                     hint: "name them in an event's people or quotes, or remove the note"))
        }
        for place in chronology.places where chronology.eventsByPlace[place.source.slug] == nil {
            warnings.append(.warning("no event happens at \(place.name)", at: at(place.source),
                                     hint: "name it as an event's place, or remove the note"))
        }
        for document in chronology.documents where chronology.eventsByDocument[document.source.slug] == nil {
            warnings.append(.warning("no event mentions the document '\(document.title)'", at: at(document.source),
                                     hint: "name it in an event's documents, or remove the note"))
        }
        for article in chronology.articles where chronology.eventsByArticle[article.source.slug] == nil {
            warnings.append(.warning("no event cites this article", at: at(article.source),
                                     hint: "name it in an event's sources, or remove the note"))
        }
        warnings += SourceCoverage.warnings(chronology)
        warnings += tooManyKeyMoments(chronology)
        warnings += reportedBeforeItHappened(chronology)
        warnings += likelyDuplicates(chronology)
        warnings += DateCrossCheck.contradictions(chronology)
        return warnings
    }

    /// A digest of more than this many is not one.
    static let keyMomentLimit = 12

    /// Said once, at the first key event past the limit.
    static func tooManyKeyMoments(_ chronology: Chronology) -> [Diagnostic] {
        let keys = chronology.keyEvents
        guard keys.count > keyMomentLimit else { return [] }
        let extra = chronology.events[keys[keyMomentLimit]]
        return [.warning(
            "\(keys.count) events are key moments: a digest that long is not one",
            at: SourceLocation(file: extra.source.file, line: extra.source.titleLine, column: 1),
            hint: "keep key: true for at most \(keyMomentLimit) turning points")]
    }

    /// An event whose every source was published before it began.
    static func reportedBeforeItHappened(_ chronology: Chronology) -> [Diagnostic] {
        chronology.events.compactMap { event in
            let published = event.sources.compactMap { chronology.articleIndex[$0.slug] }.map { chronology.articles[$0].published }
            guard let latest = published.max(), latest < event.date.start.firstDay else { return nil }
            return .warning(
                "reported before it happened: dated \(event.date.display), but every source was published by \(latest.display)",
                at: SourceLocation(file: event.source.file, line: event.dateLine, column: 1),
                hint: "check the date, or cite a source published after it")
        }
    }

    /// Two events on the same date whose titles differ by little: probably
    /// the same event noted twice.
    static func likelyDuplicates(_ chronology: Chronology) -> [Diagnostic] {
        var byDate: [String: [Event]] = [:]
        for event in chronology.events { byDate[event.date.isoString, default: []].append(event) }
        var warnings: [Diagnostic] = []
        for events in byDate.values where events.count > 1 {
            let sorted = events.sorted { $0.source.slug < $1.source.slug }
            for (i, a) in sorted.enumerated() {
                for b in sorted[(i + 1)...] where similarTitles(a.title, b.title) {
                    warnings.append(.warning(
                        "same date and nearly the same title as events/\(a.source.slug).md",
                        at: SourceLocation(file: b.source.file, line: b.source.titleLine, column: 1),
                        hint: "if they are one event, merge the notes"))
                }
            }
        }
        return warnings
    }

    /// Titles alike after folding case and punctuation: within a few edits
    /// of each other (a fifth of the length).
    static func similarTitles(_ a: String, _ b: String) -> Bool {
        let x = Array(normalized(a).unicodeScalars), y = Array(normalized(b).unicodeScalars)
        guard !x.isEmpty, !y.isEmpty else { return false }
        return Suggestion.editDistance(x, y) <= max(x.count, y.count) / 5
    }

    private static func normalized(_ title: String) -> String {
        title.lowercased().unicodeScalars
            .map { $0.properties.isAlphabetic || $0.properties.numericType != nil ? String($0) : " " }
            .joined().split(separator: " ").joined(separator: " ")
    }
}
