/// One HTML page of the site: which template renders it and where it goes.
public enum Page: Sendable, Hashable {
    case index
    case event(Int)
    case articles
    case article(Int)
    case people
    case person(Int)
    case places
    case place(Int)
    case documents
    case document(Int)
    case tags
    case tag(String)
    case keyMoments
    case changes
    case notFound

    /// Every page of a chronology, in a fixed order.
    public static func all(in chronology: Chronology) -> [Page] {
        var pages: [Page] = [.index, .keyMoments, .changes, .articles, .people, .places, .documents, .tags, .notFound]
        pages += chronology.events.indices.map(Page.event)
        pages += chronology.articles.indices.map(Page.article)
        pages += chronology.people.indices.map(Page.person)
        pages += chronology.places.indices.map(Page.place)
        pages += chronology.documents.indices.map(Page.document)
        pages += chronology.tags.map(Page.tag)
        return pages
    }

    public var template: String {
        switch self {
        case .index: return "index"
        case .event: return "event"
        case .articles: return "articles"
        case .article: return "article"
        case .people: return "people"
        case .person: return "person"
        case .places: return "places"
        case .place: return "place"
        case .documents: return "documents"
        case .document: return "document"
        case .tags: return "tags"
        case .tag: return "tag"
        case .keyMoments: return "key-moments"
        case .changes: return "changes"
        case .notFound: return "404"
        }
    }

    /// The folder of the page within the site, e.g. `events/moscow-meeting/`;
    /// empty for the root.
    public func folder(in chronology: Chronology) -> String {
        switch self {
        case .index, .notFound: return ""
        case .event(let i): return "events/\(chronology.events[i].source.slug)/"
        case .articles: return "articles/"
        case .article(let i): return "articles/\(chronology.articles[i].source.slug)/"
        case .people: return "people/"
        case .person(let i): return "people/\(chronology.people[i].source.slug)/"
        case .places: return "places/"
        case .place(let i): return "places/\(chronology.places[i].source.slug)/"
        case .documents: return "documents/"
        case .document(let i): return "documents/\(chronology.documents[i].source.slug)/"
        case .tags: return "tags/"
        case .tag(let tag): return "tags/\(tag)/"
        case .keyMoments: return "key-moments/"
        case .changes: return "changes/"
        }
    }

    /// The file the page is written to.
    public func path(in chronology: Chronology) -> String {
        self == .notFound ? "404.html" : folder(in: chronology) + "index.html"
    }
}
