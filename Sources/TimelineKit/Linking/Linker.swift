/// The link stage: checks that every slug a note names exists, that every
/// quote and claim occurs in its source, and that document lineage has no
/// cycle; then builds the `Chronology`.
public enum Linker {
    public static func link(_ site: Site, includeDrafts: Bool) -> (Chronology, [Diagnostic]) {
        let events = site.events.filter { includeDrafts || !$0.draft }
        var diagnostics: [Diagnostic] = []
        let people = Set(site.people.map(\.source.slug))
        let places = Set(site.places.map(\.source.slug))
        let documents = Set(site.documents.map(\.source.slug))
        let articles = Set(site.articles.map(\.source.slug))
        let verifier = QuoteVerifier(articles: site.articles)

        func check(_ reference: Reference, in known: Set<String>, kind: String, field: String) {
            guard !known.contains(reference.slug) else { return }
            diagnostics.append(.error(
                "unknown \(kind) '\(reference.slug)' in \(field)", at: reference.location,
                hint: Suggestion.hint(for: reference.slug, in: known)
                    ?? "create \(folder(of: kind))/\(reference.slug).md or fix the slug"))
        }

        for event in events {
            if let place = event.place { check(place, in: places, kind: "place", field: "place") }
            event.people.forEach { check($0, in: people, kind: "person", field: "people") }
            event.documents.forEach { check($0, in: documents, kind: "document", field: "documents") }
            event.sources.forEach { check($0, in: articles, kind: "article", field: "sources") }
            for quote in event.quotes {
                check(quote.by, in: people, kind: "person", field: "quotes")
                check(quote.source, in: articles, kind: "article", field: "quotes")
                if articles.contains(quote.source.slug), !verifier.verify(quote.text, in: quote.source.slug) {
                    diagnostics.append(.error(
                        "quote not found in article '\(quote.source.slug)': \"\(excerpt(quote.text))\"",
                        at: quote.location,
                        hint: "copy the words exactly as articles/\(quote.source.slug).md has them"))
                }
            }
            for dispute in event.disputes {
                for claim in dispute.claims {
                    check(claim.source, in: articles, kind: "article", field: "disputes")
                    if articles.contains(claim.source.slug), !verifier.verify(claim.says, in: claim.source.slug) {
                        diagnostics.append(.error(
                            "claim not found in article '\(claim.source.slug)': \"\(excerpt(claim.says))\"",
                            at: claim.location,
                            hint: "copy the words exactly as articles/\(claim.source.slug).md has them"))
                    }
                }
            }
        }
        for document in site.documents {
            if let older = document.supersedes { check(older, in: documents, kind: "document", field: "supersedes") }
        }
        diagnostics += DocumentLineage.cycles(in: site.documents)
        return (Chronology(site: site, events: events), diagnostics)
    }

    private static func folder(of kind: String) -> String {
        switch kind {
        case "person": return "people"
        default: return kind + "s"
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
