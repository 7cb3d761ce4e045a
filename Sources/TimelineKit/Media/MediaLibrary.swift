import Foundation

/// The media stage: every local image the notes name, checked and published
/// in its widths, and each event's social card. What was encoded before is
/// taken from the cache (`MediaCache`); the rest is encoded one image per
/// core. Of all stages after `load`, only this one reads files: the images
/// are too large to read before knowing which are needed.
public struct MediaLibrary: Sendable, Equatable {
    /// By `src` as written (`media/kremlin.jpg`).
    public var images: [String: PublishedImage] = [:]
    /// Each event's drawn social card, by event slug, when it has no image
    /// and the site has a base_url (without one no page names a card).
    public var cards: [String: PublishedImage] = [:]
    /// Every file to publish, by its path under `Public/`, and where its
    /// bytes are.
    public var files: [String: MediaFileSource] = [:]

    public init() {}

    /// The events whose social card is new, gone or drawn anew since `last`.
    func changedCards(since last: MediaLibrary) -> Set<String> {
        Set(cards.keys).union(last.cards.keys).filter { cards[$0] != last.cards[$0] }
    }

    /// Where a build keeps its cache when not told: beside `Content/`.
    public static func defaultCachePath(contentPath: String) -> String {
        let parent = (contentPath as NSString).deletingLastPathComponent
        return ContentLoader.join(parent.isEmpty ? "." : parent, ".timeline-cache")
    }

    static func prepare(_ chronology: Chronology, contentPath: String, cachePath: String,
                        cardStyle: SocialCard.Style) -> (MediaLibrary, [Diagnostic]) {
        var library = MediaLibrary()
        var diagnostics: [Diagnostic] = []
        let references = imageReferences(chronology)
        let cardEvents = chronology.settings.baseURL == nil ? [] : chronology.events.filter { event in
            !event.media.contains { $0.imagePath != nil }
        }
        guard !references.isEmpty || !cardEvents.isEmpty else { return (library, []) }
        do throws(ImageCodec.Failure) { try ImageCodec.start() } catch {
            let at = references.first?.value.first ?? SourceLocation(file: contentPath, line: 1, column: 1)
            return (library, [.error("libvips did not start: \(error.reason)", at: at, hint: "install libvips (apt-get install libvips-dev)")])
        }
        let cache = MediaCache(cachePath: cachePath)
        let index = cache.loadIndex()
        let sources = references.keys.sorted()
        let outcomes = parallelMap(sources) { src in
            ImagePublisher.publish(src, contentPath: contentPath, cache: cache, index: index)
        }
        var newIndex = index
        var uncached = false
        for (src, outcome) in zip(sources, outcomes) {
            switch outcome {
            case .success(let published):
                library.images[src] = published.image
                library.files.merge(published.files) { a, _ in a }
                newIndex[published.realPath] = published.known
                uncached = uncached || published.uncached
            case .failure(let problem):
                for location in references[src] ?? [] {
                    diagnostics.append(.error(problem.message(src), at: location, hint: problem.hint(src)))
                }
            }
        }
        if newIndex != index { cache.saveIndex(newIndex) }
        let cards = parallelMap(cardEvents.map(\.source.slug)) { slug -> (String, Result<(PublishedImage, MediaFileSource, cached: Bool), ImageCodec.Failure>) in
            let event = chronology.events[chronology.eventIndex[slug]!]
            return (slug, SocialCard.draw(for: event, siteTitle: chronology.settings.title, style: cardStyle, cache: cache))
        }
        for (slug, outcome) in cards {
            switch outcome {
            case .success(let (card, source, cached)):
                library.cards[slug] = card
                library.files[card.largest.path] = source
                uncached = uncached || !cached
            case .failure(let failure):
                let event = chronology.events[chronology.eventIndex[slug]!]
                diagnostics.append(.error("the social card could not be drawn: \(failure.reason)",
                                          at: SourceLocation(file: event.source.file, line: event.source.titleLine, column: 1),
                                          hint: "install fonts-dejavu-core, or give the event an image"))
            }
        }
        if uncached {
            diagnostics.append(Diagnostic(
                .warning, file: cache.folder, "cannot write the image cache: pictures are kept in memory for this build",
                hint: "every build will encode them again; make the folder writable or pass --cache DIR"))
        }
        return (library, diagnostics)
    }

    /// Every media item of every note: events, people, places, documents.
    static func allItems(_ chronology: Chronology) -> [MediaItem] {
        Array((chronology.events.map(\.media) + chronology.people.map(\.media)
            + chronology.places.map(\.media) + chronology.documents.map(\.media)).joined())
    }

    /// Every local image any note names, with each place it is named.
    static func imageReferences(_ chronology: Chronology) -> [String: [SourceLocation]] {
        var references: [String: [SourceLocation]] = [:]
        for item in allItems(chronology) {
            if let path = item.imagePath { references[path, default: []].append(item.location) }
        }
        return references
    }
}
