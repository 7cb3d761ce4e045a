/// An event as a list shows it, through `event-item.mustache`. Every list
/// renders its own items straight into its page: the template engine makes
/// an item in a few microseconds, so there is nothing to share between the
/// ten or so lists an event is in that would pay for holding it.
enum EventItems {
    /// Where a list sits decides its links' root and its items' heading level.
    enum Variant: Int, CaseIterable, Sendable {
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

    /// Appends the item of event `index` in `variant` to `out`.
    static func render(_ index: Int, _ variant: Variant, _ builder: ContextBuilder, into out: inout [UInt8]) {
        var item = builder.eventItem(index, PageLinks(root: variant.root))
        item["headingLevel"] = .int(variant.headingLevel)
        item["root"] = .text(variant.root)
        builder.templates.render("event-item", .map(item), into: &out)
    }
}
