/// The kinds of note a `Content/` folder holds, named by their folder.
public enum NoteKind: String, Sendable, CaseIterable, Hashable {
    case article = "articles"
    case event = "events"
    case person = "people"
    case place = "places"
    case document = "documents"

    /// The folder name, which is also the URL segment of its pages.
    public var folder: String { rawValue }

    /// How messages name one note of this kind: "unknown person 'x'".
    public var noun: String {
        switch self {
        case .article: return "article"
        case .event: return "event"
        case .person: return "person"
        case .place: return "place"
        case .document: return "document"
        }
    }
}

/// A reference from one note to another, remembered with where it was written
/// so a dangling one can be reported at its line.
public struct Reference: Sendable, Hashable {
    public let slug: String
    public let location: SourceLocation
}

/// Settings from `site.yml`.
public struct SiteSettings: Sendable, Equatable {
    public var title: String
    public var description: String?
    public var language: String
    /// Always ends with `/` when present.
    public var baseURL: String?
    public var author: String?
    public var unsafeHTML: Bool
    /// site.yml's base_url was refused (already an error): the build does
    /// not also warn that none is set.
    public var baseURLRefused = false
    /// How many of the newest events the feeds carry; 0 for all.
    public var feedLimit: Int = 100
    /// The zone of dates without a time (UTC unless site.yml says), and of
    /// times written without an offset on events that name no zone.
    public var timezone: Zone?
    /// The direction of the chronology and of every event list.
    public var order: ChronologyOrder = .oldest

    /// Where a day without a time begins and ends.
    public var dayZone: Zone { timezone ?? .utc }

    public init(
        title: String, description: String? = nil, language: String = "en",
        baseURL: String? = nil, author: String? = nil, unsafeHTML: Bool = false
    ) {
        self.title = title
        self.description = description
        self.language = language
        self.baseURL = baseURL
        self.author = author
        self.unsafeHTML = unsafeHTML
    }
}

/// What every note has: its identity, its file and its Markdown body.
public struct NoteSource: Sendable, Equatable {
    public let slug: String
    public let file: String
    /// Where the note's title (or name) is written: warnings about the whole
    /// note point there.
    public var titleLine: Int = 1
    /// The body's Markdown and the file line it starts on, for link errors.
    /// Emptied by a one-shot build once rendered (see `Chronology.forgetEventMarkdown`).
    public internal(set) var body: String
    public let bodyLine: Int
}

public struct Article: Sendable, Equatable {
    public internal(set) var source: NoteSource
    public var title: String
    public var published: PartialDate
    public var outlet: String?
    public var author: String?
    public var url: String?
    /// The body holds passages of the original, separated by `[…]` lines,
    /// not its whole text (for reports that may not be republished).
    public var excerpt: Bool = false
    /// An https address of an archived copy.
    public var archived: String?
    /// BCP 47 tag of the article's language, when not the site's.
    public var language: String?
}

public struct Quote: Sendable, Equatable {
    public var by: Reference
    public var text: String
    public var source: Reference
    public let location: SourceLocation
}

public struct Claim: Sendable, Equatable {
    public var source: Reference
    public var says: String
    public let location: SourceLocation
}

public struct Dispute: Sendable, Equatable {
    public var about: String
    public var claims: [Claim]
    /// The editor's conclusion, when there is one: the dispute is resolved.
    public var finding: Finding?
}

/// A correction or an update of an event, made in the open: when, and what.
public struct ChangeNote: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case correction, update

        /// How pages name it: "Correction", "Update".
        public var label: String { self == .correction ? "Correction" : "Update" }
    }

    public let kind: Kind
    /// A day, or a moment.
    public var date: EventDate
    public var text: String
    /// Where the entry is written, for messages about it.
    public let location: SourceLocation
}

/// What the editor concluded about a dispute, and the sources it rests on.
public struct Finding: Sendable, Equatable {
    public var text: String
    public var sources: [Reference]
}

/// site.yml's `order`: the axis always runs forward in time; lists run this way.
public enum ChronologyOrder: String, Sendable, CaseIterable {
    case oldest
    case newest
}

public enum EventStatus: String, Sendable, CaseIterable {
    case confirmed
    case reported
    case disputed
}

public struct Event: Sendable, Equatable {
    public internal(set) var source: NoteSource
    public var title: String
    public var date: EventDate
    /// Where `date`'s value is written, for messages about the date.
    public var dateLocation: SourceLocation
    public var dateLine: Int { dateLocation.line }
    /// The zone its times are shown in (`timezone`).
    public var timezone: Zone?
    /// Among events of the same day without a time, lower comes first.
    public var order: Int = 0
    public var place: Reference?
    public var people: [Reference]
    public var documents: [Reference]
    public var sources: [Reference]
    public var tags: [String]
    public var status: EventStatus
    public var quotes: [Quote]
    public var disputes: [Dispute]
    public var draft: Bool
    /// In the "Key moments" digest (`key: true`).
    public var key: Bool = false
    /// What was wrong and put right, and what was added, each dated.
    public var corrections: [ChangeNote] = []
    public var updates: [ChangeNote] = []
    /// Pictures, videos and posts, in the order the page shows them.
    public var media: [MediaItem] = []

    /// Its corrections and updates together, oldest first; a day sorts at
    /// its first second in `dayZone` (the site's).
    public func changeNotes(dayZone: Zone) -> [ChangeNote] {
        (corrections + updates).sorted { $0.date.startInstant(dayZone: dayZone) < $1.date.startInstant(dayZone: dayZone) }
    }

    /// Every article the event rests on: its sources, its quotes', its
    /// claims' and its findings', in that order, possibly repeated.
    public var citedArticles: [String] {
        sources.map(\.slug) + quotes.map(\.source.slug)
            + disputes.flatMap { $0.claims.map(\.source.slug) + ($0.finding?.sources.map(\.slug) ?? []) }
    }
}

public struct Person: Sendable, Equatable {
    public internal(set) var source: NoteSource
    public var name: String
    public var role: String?
    public var country: String?
    /// Other spellings of the name in sources ("Zelensky" for Zelenskyy),
    /// so `check` can tell whether a source mentions them.
    public var aliases: [String] = []
    /// The first image is the person's portrait.
    public var media: [MediaItem] = []
}

public struct Coordinates: Sendable, Hashable {
    public var latitude: Double
    public var longitude: Double
}

public struct Place: Sendable, Equatable {
    public internal(set) var source: NoteSource
    public var name: String
    public var country: String?
    public var coordinates: Coordinates?
    /// Other spellings of the name in sources ("Kiev" for Kyiv).
    public var aliases: [String] = []
    public var media: [MediaItem] = []
}

public struct Document: Sendable, Equatable {
    public internal(set) var source: NoteSource
    public var title: String
    public var date: EventDate?
    public var points: Int?
    public var supersedes: Reference?
    public var media: [MediaItem] = []
}


/// A note of any kind, for code that only touches its source.
protocol HasSource {
    var source: NoteSource { get set }
}

extension Article: HasSource {}
extension Event: HasSource {}
extension Person: HasSource {}
extension Place: HasSource {}
extension Document: HasSource {}
