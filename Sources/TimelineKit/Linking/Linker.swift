/// The link stage: checks that every slug a note names exists, that every
/// quote and claim occurs in its source, and that document lineage has no
/// cycle; then builds the `Chronology`.
public enum Linker {
    public static func link(_ site: Site, includeDrafts: Bool) -> (Chronology, [Diagnostic]) {
        link(site, includeDrafts: includeDrafts, verifier: QuoteVerifier(articles: site.articles))
    }

    /// `verifier` must hold `site`'s articles (a session keeps its folding between builds).
    public static func link(_ site: Site, includeDrafts: Bool, verifier: QuoteVerifier) -> (Chronology, [Diagnostic]) {
        let events = site.events.filter { includeDrafts || !$0.draft }
        var diagnostics: [Diagnostic] = []
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
            guard articles.contains(source.slug), !verifier.verify(words, in: source.slug) else { return }
            diagnostics.append(.error(
                "\(what) not found in article '\(source.slug)': \"\(excerpt(words))\"", at: location,
                hint: "copy the words exactly as articles/\(source.slug).md has them"))
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
            }
        }
        for document in site.documents {
            if let older = document.supersedes { check(older, .document, field: "supersedes") }
        }
        diagnostics += DocumentLineage.cycles(in: site.documents)
        return (Chronology(site: site, events: events), diagnostics)
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
