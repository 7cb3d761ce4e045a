/// Each event's list item rendered once through `event-item.mustache` and
/// reused by every page that lists the event (the index, and the pages of
/// its tags, people, place, documents and sources), as Hugo's
/// `partialCached` does. An event sits in about ten lists, so this renders
/// about a tenth as many items; the bytes are the same.
struct EventItems {
    /// Where a list sits decides its links' root and its items' heading level.
    enum Variant: CaseIterable {
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

    private let rendered: [Variant: [String]]

    /// Renders every event's item for every variant, on all cores.
    init(_ builder: ContextBuilder, templates: TemplateSet) {
        var rendered: [Variant: [String]] = [:]
        for variant in Variant.allCases {
            rendered[variant] = parallelMap(Array(builder.chronology.events.indices)) {
                Self.render($0, variant, builder, templates)
            }
        }
        self.rendered = rendered
    }

    func html(_ indexes: [Int], _ variant: Variant) -> String {
        let items = rendered[variant]!
        return indexes.map { items[$0] }.joined()
    }

    static func render(_ index: Int, _ variant: Variant, _ builder: ContextBuilder, _ templates: TemplateSet) -> String {
        var item = builder.eventItem(index, PageLinks(root: variant.root))
        item["headingLevel"] = variant.headingLevel
        item["root"] = variant.root
        return templates.render("event-item", item)
    }
}
