/// An event as a list shows it, through `event-item.mustache`. A build
/// renders each list's items straight into its page: the template engine
/// makes an item in a few microseconds, and at 100,000 events holding them
/// would cost 300 MB. `serve` keeps every event's items between builds
/// (`BuildCache`), so a rebuild lists 10,000 events by copying bytes.
enum EventItems {
    /// Where a list sits decides its links' root and its items' heading level.
    enum Variant: Int, CaseIterable, Sendable {
        case index, notePage, tagPage
        /// The key-moments page: a dozen items, rendered as it is written.
        case keyMoments

        /// The variants `serve` keeps rendered for every event.
        static let kept: [Variant] = [.index, .notePage, .tagPage]

        var root: String {
            switch self {
            case .index: return ""
            case .notePage, .tagPage: return PageLinks.notePageRoot
            case .keyMoments: return "../"
            }
        }
        var headingLevel: Int {
            switch self {
            case .index: return 4
            case .notePage: return 3
            case .tagPage, .keyMoments: return 2
            }
        }
    }

    /// One event's item in each kept kind of list, by `Variant.rawValue`.
    typealias Rendered = [[UInt8]]

    /// What an item shows: the event, its body's summary, and the names of
    /// the people and place it links to. Nothing else reaches the template.
    struct Inputs: Equatable {
        let event: Event
        let summary: String
        let people: [Named?]
        let place: String?

        struct Named: Equatable {
            let name: String
            let role: String?
        }

        init(_ event: Event, _ chronology: Chronology, _ bodies: NoteBodies) {
            self.event = event
            summary = bodies[.event, event.source.slug].summary
            people = event.people.map { ref in
                chronology.personIndex[ref.slug].map { Named(name: chronology.people[$0].name, role: chronology.people[$0].role) }
            }
            place = event.place.flatMap { chronology.placeIndex[$0.slug] }.map { chronology.places[$0].name }
        }
    }

    /// Event `index`'s item in every kind of list.
    static func rendered(_ index: Int, _ builder: ContextBuilder) -> Rendered {
        Variant.kept.map { variant in
            var item: [UInt8] = []
            render(index, variant, builder, into: &item)
            return item
        }
    }

    /// Appends the item of event `index` in `variant` to `out`.
    static func render(_ index: Int, _ variant: Variant, _ builder: ContextBuilder, into out: inout [UInt8]) {
        var item = builder.eventItem(index, PageLinks(root: variant.root))
        item["headingLevel"] = .int(variant.headingLevel)
        item["root"] = .text(variant.root)
        builder.templates.render("event-item", .map(item), into: &out)
    }
}
