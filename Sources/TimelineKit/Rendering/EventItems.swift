/// Each event's list item rendered once through `event-item.mustache` and
/// reused by every page that lists the event (the index, and the pages of
/// its tags, people, place, documents and sources), as Hugo's
/// `partialCached` does. An event sits in about ten lists, so this renders
/// about a tenth as many items; the bytes are the same. One render serves
/// the three variants of lists (see `ItemStandIns`).
struct EventItems {
    /// Where a list sits decides its links' root and its items' heading level.
    enum Variant: Int, CaseIterable {
        case index, notePage, tagPage

        var root: String { self == .index ? "" : PageLinks.notePageRoot }
        var headingLevel: Int {
            switch self {
            case .index: return 4
            case .notePage: return 3
            case .tagPage: return 2
            }
        }
    }

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

    /// One event's item in every variant: rendered once with stand-ins
    /// where `ItemStandIns` can fill them in, on its own where not.
    struct Item: Equatable {
        /// The item with stand-ins; nil where the template did more with
        /// them than print them.
        let marked: String?
        /// The item rendered for each variant `marked` does not serve, by
        /// `Variant.rawValue`.
        let own: [String?]

        init(_ index: Int, _ builder: ContextBuilder, _ templates: TemplateSet, filled: [Bool]) {
            let marked = filled.contains(true) ? ItemStandIns.render(index, builder, templates) : nil
            self.marked = marked
            own = Variant.allCases.map { variant in
                marked != nil && filled[variant.rawValue] ? nil : EventItems.render(index, variant, builder, templates)
            }
        }

        func append(_ variant: Variant, to out: inout [UInt8]) {
            if let own = own[variant.rawValue] { out.append(contentsOf: own.utf8) } else { ItemStandIns.fill(marked!, variant, into: &out) }
        }
    }

    /// Every event's item, by event index.
    private(set) var items: [Item]
    /// Which variants the stand-ins serve, by `Variant.rawValue`.
    private let filled: [Bool]

    /// Every event's item, rendered anew only where `cache` has none made
    /// from the same inputs (with the same templates).
    init(_ builder: ContextBuilder, templates: TemplateSet, cache: inout KeyedCache<Inputs, Item>) {
        let chronology = builder.chronology
        let events = chronology.events
        let inputs = events.map { Inputs($0, chronology, builder.bodies) }
        let filled = ItemStandIns.fillable(templates)
        items = cache.values(keys: events.map(\.source.slug), inputs: inputs) { Item($0, builder, templates, filled: filled) }
        self.filled = filled
    }

    /// Every event's item, rendered with nothing kept for a next build: no
    /// inputs or cache entries, which at 100,000 events held the build's
    /// peak memory 80 MB higher while the items were made.
    init(_ builder: ContextBuilder, templates: TemplateSet) {
        let filled = ItemStandIns.fillable(templates)
        items = parallelMap(Array(builder.chronology.events.indices)) { Item($0, builder, templates, filled: filled) }
        self.filled = filled
    }

    /// Renders the item of the event at `index` again (after an edit to its
    /// body, which gives its summary); returns whether it came out different.
    mutating func rerender(_ index: Int, _ builder: ContextBuilder, _ templates: TemplateSet) -> Bool {
        let item = Item(index, builder, templates, filled: filled)
        guard item != items[index] else { return false }
        items[index] = item
        return true
    }

    /// The items of the events at `indexes` in `variant`, joined, as UTF-8:
    /// what a splice writes (111 MB for the chronology at 100,000 events,
    /// so not copied into a string as well).
    func utf8(_ indexes: [Int], _ variant: Variant) -> [UInt8] {
        var html: [UInt8] = []
        html.reserveCapacity(indexes.reduce(0) { $0 + (items[$1].marked ?? items[$1].own[variant.rawValue]!).utf8.count })
        for index in indexes { items[index].append(variant, to: &html) }
        return html
    }

    /// The item of event `index` in `variant`, through event-item.mustache
    /// with the real values: what filling in stand-ins must match.
    static func render(_ index: Int, _ variant: Variant, _ builder: ContextBuilder, _ templates: TemplateSet) -> String {
        var item = builder.eventItem(index, PageLinks(root: variant.root))
        item["headingLevel"] = variant.headingLevel
        item["root"] = variant.root
        return templates.render("event-item", item)
    }
}
