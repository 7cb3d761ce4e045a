import Foundation

/// `check`'s test that the story is sourced: every article says where it
/// came from, and every person and place an event names is named in one of
/// the articles it cites. It compares names, not claims: it catches an event
/// that borrowed a fact from reporting it does not cite (the usual slip), but
/// not a wrong claim about someone its sources do mention.
public enum SourceCoverage {
    public static func warnings(_ chronology: Chronology) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        for article in chronology.articles where article.url == nil {
            warnings.append(.warning(
                "article has no url", at: SourceLocation(file: article.source.file, line: article.source.titleLine, column: 1),
                hint: "add url: https://... so readers can check the source"))
        }
        var words: [String: [String]] = [:]
        func articleWords(_ slug: String) -> [String] {
            if let known = words[slug] { return known }
            let found = chronology.articleIndex[slug].map { Self.words(of: chronology.articles[$0].source.body) } ?? []
            words[slug] = found
            return found
        }
        for event in chronology.events {
            let cited = Array(Set(event.citedArticles)).sorted()
            guard !cited.isEmpty else { continue } // "event has no source" says it already
            for named in namedNotes(in: event, chronology) {
                let spellings = named.spellings.map(Self.words(of:)).filter { !$0.isEmpty }
                let mentioned = cited.contains { slug in
                    let text = articleWords(slug)
                    return spellings.contains { Self.contains(text, $0) }
                }
                if !mentioned {
                    warnings.append(.warning(
                        "none of this event's sources mentions \(named.name)", at: named.location,
                        hint: "cite an article that names \(named.kind == .person ? "them" : "it"), or add the spelling it uses to \(named.kind.folder)/\(named.slug).md's aliases"))
                }
            }
        }
        return warnings
    }

    /// A person or place an event names, and the spellings a source may use.
    struct NamedNote {
        var kind: NoteKind
        var slug: String
        var name: String
        var spellings: [String]
        var location: SourceLocation
    }

    /// The event's people, quoted people and place, and the people and
    /// places its body links to; each once, at the first place it is named.
    static func namedNotes(in event: Event, _ chronology: Chronology) -> [NamedNote] {
        var references: [(NoteKind, Reference)] = event.people.map { (.person, $0) } + event.quotes.map { (.person, $0.by) }
        if let place = event.place { references.append((.place, place)) }
        let bodyLocation = SourceLocation(file: event.source.file, line: event.source.bodyLine, column: 1)
        for (kind, slug) in bodyLinks(event.source.body) {
            references.append((kind, Reference(slug: slug, location: bodyLocation)))
        }
        var seen = Set<String>(), named: [NamedNote] = []
        for (kind, reference) in references where seen.insert("\(kind.folder)/\(reference.slug)").inserted {
            switch kind {
            case .person:
                guard let index = chronology.personIndex[reference.slug] else { continue }
                let person = chronology.people[index]
                let surname = person.name.split(separator: " ").last.map(String.init) ?? person.name
                named.append(NamedNote(kind: kind, slug: reference.slug, name: person.name,
                                       spellings: [surname] + person.aliases, location: reference.location))
            case .place:
                guard let index = chronology.placeIndex[reference.slug] else { continue }
                let place = chronology.places[index]
                // "Hallandale Beach, Florida" is named "Hallandale Beach" in a report.
                let shortName = place.name.split(separator: ",").first.map(String.init) ?? place.name
                named.append(NamedNote(kind: kind, slug: reference.slug, name: place.name,
                                       spellings: [place.name, shortName] + place.aliases, location: reference.location))
            default: continue
            }
        }
        return named
    }

    /// `../people/SLUG.md` and `../places/SLUG.md` link targets in a body.
    static func bodyLinks(_ body: String) -> [(NoteKind, String)] {
        var links: [(NoteKind, String)] = []
        for kind in [NoteKind.person, .place] {
            let marker = "../\(kind.folder)/"
            var rest = body[...]
            while let start = rest.range(of: marker) {
                let after = rest[start.upperBound...]
                guard let end = after.range(of: ".md") else { break }
                let slug = String(after[..<end.lowerBound])
                if Slug.isValid(slug) { links.append((kind, slug)) }
                rest = after[end.upperBound...]
            }
        }
        return links
    }

    /// Lowercased words without diacritics: "Micheál's" → ["micheal", "s"].
    static func words(of text: String) -> [String] {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }

    /// Whether `phrase` occurs as consecutive whole words in `text`.
    static func contains(_ text: [String], _ phrase: [String]) -> Bool {
        guard !phrase.isEmpty, text.count >= phrase.count else { return false }
        return (0...(text.count - phrase.count)).contains { start in
            phrase.indices.allSatisfy { text[start + $0] == phrase[$0] }
        }
    }
}
