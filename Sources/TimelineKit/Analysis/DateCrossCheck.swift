/// Holds event dates to what their sources say. Each article is searched
/// for the absolute dates it states (`DateExpressions`). A date belongs to
/// the event, among those citing the article, whose place, people and title
/// words its sentence names most (at least two); if it falls outside that
/// event's dates it is a contradiction, unless a dispute on the event
/// already records it.
public enum DateCrossCheck {
    public static func contradictions(_ chronology: Chronology) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        for article in chronology.articles {
            let citing = (chronology.eventsByArticle[article.source.slug] ?? [])
                .map { chronology.events[$0] }
                .filter { $0.sources.contains { $0.slug == article.source.slug } }
            guard !citing.isEmpty else { continue }
            let keywords = citing.map { self.keywords(of: $0, in: chronology) }
            let body = article.source.body
            for mention in DateExpressions.find(in: body, published: article.published) where mention.kind == .absolute {
                let sentence = Self.sentence(around: mention.offset, in: body).lowercased()
                let scores = keywords.map { words in words.filter { sentence.contains($0) }.count }
                guard let best = scores.max(), best >= 2 else { continue }
                let stated = TimeAxis.days(mention.date)
                for (event, score) in zip(citing, scores) where score == best {
                    let range = TimeAxis.days(event.date)
                    guard stated.end <= range.start || stated.start >= range.end,
                          !recorded(mention.phrase, from: article.source.slug, in: event) else { continue }
                    warnings.append(.warning(
                        "articles/\(article.source.slug).md says \"\(mention.phrase)\" (\(mention.date.display)), but the event is dated \(event.date.display)",
                        at: SourceLocation(file: event.source.file, line: event.dateLine, column: 1),
                        hint: "correct the date, or record the disagreement under disputes"))
                }
            }
        }
        return warnings
    }

    /// A dispute claim from that article quoting the phrase records it.
    static func recorded(_ phrase: String, from article: String, in event: Event) -> Bool {
        let folded = QuoteVerifier.fold(phrase)
        return event.disputes.contains { dispute in
            dispute.claims.contains { claim in
                claim.source.slug == article && QuoteVerifier.contains(QuoteVerifier.fold(claim.says), folded)
            }
        }
    }

    /// Lowercased words that tie a sentence to the event: place and people
    /// names (each word of them) and title words of five letters or more.
    static func keywords(of event: Event, in chronology: Chronology) -> Set<String> {
        var names: [String] = []
        if let place = event.place.flatMap({ chronology.placeIndex[$0.slug] }) { names.append(chronology.places[place].name) }
        names += event.people.compactMap { chronology.personIndex[$0.slug] }.map { chronology.people[$0].name }
        var words = Set(names.flatMap { $0.lowercased().split(separator: " ").map(String.init) }.filter { $0.count >= 3 })
        for word in event.title.lowercased().split(whereSeparator: { !$0.isLetter }) where word.count >= 5 {
            words.insert(String(word))
        }
        return words.subtracting(commonWords)
    }

    /// Words too common in news text to tie a sentence to an event.
    static let commonWords: Set<String> = [
        "about", "after", "again", "against", "being", "could", "during", "first", "their", "there",
        "these", "those", "under", "which", "while", "would", "where", "other", "between", "president",
        "meets", "meeting", "talks", "says", "said", "reports", "report",
    ]

    /// The sentence holding the byte at `offset`: from the previous full stop
    /// (or line break) to the next.
    static func sentence(around offset: Int, in text: String) -> String {
        let bytes = Array(text.utf8)
        guard offset < bytes.count else { return "" }
        func isEnd(_ i: Int) -> Bool { bytes[i] == UInt8(ascii: "\n") || (bytes[i] == UInt8(ascii: ".") && i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: " ")) }
        var start = offset
        while start > 0, !isEnd(start - 1) { start -= 1 }
        var end = offset
        while end < bytes.count, !isEnd(end) { end += 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
