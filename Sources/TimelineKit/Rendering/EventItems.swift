/// Each event's list item rendered once through `event-item.mustache` and
/// reused by every page that lists the event (the index, and the pages of
/// its tags, people, place, documents and sources), as Hugo's
/// `partialCached` does. An event sits in about ten lists, so this renders
/// about a tenth as many items; the bytes are the same.
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

    /// Items by event index, one array per variant; nil for a variant not
    /// rendered up front.
    private var rendered: [[String]?]

    /// Every event's items in `variants`, rendered anew only where `cache`
    /// has none made from the same inputs (with the same templates).
    init(_ builder: ContextBuilder, templates: TemplateSet, cache: inout KeyedCache<Inputs, [String]>,
         variants: [Variant] = Variant.allCases) {
        let chronology = builder.chronology
        let events = chronology.events
        let inputs = events.map { Inputs($0, chronology, builder.bodies) }
        let items = cache.values(keys: events.map(\.source.slug), inputs: inputs) { index in
            variants.map { Self.render(index, $0, builder, templates) }
        }
        var rendered = [[String]?](repeating: nil, count: Variant.allCases.count)
        for (position, variant) in variants.enumerated() { rendered[variant.rawValue] = items.map { $0[position] } }
        self.rendered = rendered
    }

    /// Renders the items of the event at `index` again, in every variant
    /// held (after an edit to its body, which gives its summary); returns
    /// whether any came out different.
    mutating func rerender(_ index: Int, _ builder: ContextBuilder, _ templates: TemplateSet) -> Bool {
        var changed = false
        for variant in Variant.allCases where rendered[variant.rawValue] != nil {
            let item = Self.render(index, variant, builder, templates)
            if item != rendered[variant.rawValue]![index] {
                rendered[variant.rawValue]![index] = item
                changed = true
            }
        }
        return changed
    }

    /// The items of the events at `indexes`, joined; nil when `variant` was
    /// not rendered up front.
    func html(_ indexes: [Int], _ variant: Variant) -> String? {
        guard let items = rendered[variant.rawValue] else { return nil }
        var html = ""
        html.reserveCapacity(indexes.reduce(0) { $0 + items[$1].utf8.count })
        for index in indexes { html += items[index] }
        return html
    }

    static func render(_ index: Int, _ variant: Variant, _ builder: ContextBuilder, _ templates: TemplateSet) -> String {
        var item = builder.eventItem(index, PageLinks(root: variant.root))
        item["headingLevel"] = variant.headingLevel
        item["root"] = variant.root
        return templates.render("event-item", item)
    }
}
