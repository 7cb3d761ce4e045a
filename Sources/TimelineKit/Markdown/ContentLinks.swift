/// Links between notes written as relative file paths, the way they work in
/// any Markdown editor (`[the plan](../documents/28-point-plan.md)`), turned
/// into links between pages. A link to a note that does not exist is an error.
public struct ContentLinks: Sendable, Equatable {
    /// Slugs per folder, of the notes that will have pages.
    let pages: [NoteKind: Set<String>]
    /// Notes that exist but failed to parse: already reported in their own file.
    let unreadable: [NoteKind: Set<String>]
    let drafts: Set<String>

    public init(chronology: Chronology) {
        pages = [
            .article: Set(chronology.articles.map(\.source.slug)),
            .event: Set(chronology.events.map(\.source.slug)),
            .person: Set(chronology.people.map(\.source.slug)),
            .place: Set(chronology.places.map(\.source.slug)),
            .document: Set(chronology.documents.map(\.source.slug)),
        ]
        unreadable = chronology.unreadable
        drafts = chronology.excludedDrafts
    }

    public enum Resolution: Equatable {
        /// Not a link to a note (web address, anchor, other file): left alone.
        case notContent
        /// The page's path from the site root, e.g. `documents/28-point-plan/index.html#points`.
        case page(String)
        case missing(kind: NoteKind?, slug: String, suggestion: String?)
        /// A draft event this build leaves out.
        case draft(slug: String)
    }

    /// Resolves `destination` as written in a note of folder `from`.
    public func resolve(_ destination: String, from: NoteKind) -> Resolution {
        if destination.isEmpty || destination.hasPrefix("#") || destination.hasPrefix("/") { return .notContent }
        if destination.contains(":") { return .notContent }  // any scheme: https:, mailto:
        let (path, fragment) = split(destination)
        guard path.hasSuffix(".md") else { return .notContent }

        var components = [from.folder]
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..": if !components.isEmpty { components.removeLast() } else { return .missing(kind: nil, slug: path, suggestion: nil) }
            default: components.append(String(part))
            }
        }
        guard components.count == 2, let kind = NoteKind(rawValue: components[0]) else {
            return .missing(kind: nil, slug: path, suggestion: nil)
        }
        let slug = String(components[1].dropLast(3))
        let known = pages[kind] ?? []
        if kind == .event, drafts.contains(slug) { return .draft(slug: slug) }
        guard known.contains(slug) || Site.isUnreadable(kind, slug, in: unreadable) else {
            return .missing(kind: kind, slug: slug, suggestion: Suggestion.closest(to: slug, in: known))
        }
        return .page("\(kind.folder)/\(slug)/index.html" + fragment)
    }

    private func split(_ destination: String) -> (String, String) {
        guard let hash = destination.firstIndex(of: "#") else { return (destination, "") }
        return (String(destination[..<hash]), String(destination[hash...]))
    }
}
