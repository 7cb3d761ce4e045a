import Mustache

/// What tells an event's list items apart from list to list is only the
/// root its links start from and the level of its heading (see
/// `EventItems.Variant`). So an item is rendered once, with stand-ins for
/// these, and each list fills in its own: a third of the renders, which
/// were a third of a build.
///
/// Filling in gives the bytes a render with the real values gives. A
/// template can only print such a value or test that it is there, and to
/// swift-mustache a string or a number always is: a stand-in prints as its
/// marker, is always there, and HTML escaping leaves it alone. Anything
/// else a template could do with one (transform it, look inside it, print
/// the whole context) trips the render's `Probe`, and that item is
/// rendered once per variant instead. NUL, which the markers hold, never
/// reaches a template otherwise (see `DeferredLists.marker`).
enum ItemStandIns {
    static let rootMarker = "\u{0}Root\u{0}"
    static let levelMarker = "\u{0}Level\u{0}"

    /// Event `index`'s item rendered with stand-ins; nil when the template
    /// did more with them than print them or test them.
    static func render(_ index: Int, _ builder: ContextBuilder, _ templates: TemplateSet) -> String? {
        let probe = Probe()
        var item = builder.eventItem(index, PageLinks(root: rootMarker)).mapValues { standIn($0, probe) }
        item["headingLevel"] = StandIn(text: levelMarker, probe: probe)
        item["root"] = StandIn(text: rootMarker, probe: probe)
        let text = templates.render("event-item", item)
        guard !probe.tripped else { return nil }
        // A NUL that starts no whole marker would be left in by `fill`.
        var filled: [UInt8] = []
        fill(text, .notePage, into: &filled)
        return filled.contains(0) ? nil : text
    }

    /// Whether `variant` can take its items from the stand-ins' render. An
    /// empty root (the chronology's) prints nothing where its stand-in
    /// printed something. That matters only to indentation: swift-mustache
    /// indents a partial's or a block's lines before the first thing
    /// printed on them, so the item template may have neither (nor a
    /// delimiter change, which could hide them).
    static func canFill(_ variant: EventItems.Variant, _ templates: TemplateSet) -> Bool {
        !variant.root.isEmpty || !TemplateTags.tags(in: (templates.sources["event-item"] ?? "")[...]).contains { tag in
            let name = tag.content.drop { $0 == "{" || $0 == "&" || $0 == " " || $0 == "\t" || $0 == "\n" }
            return name.first.map { ">$<=".contains($0) } ?? false
        }
    }

    /// `canFill` for each variant, by `Variant.rawValue`.
    static func fillable(_ templates: TemplateSet) -> [Bool] {
        EventItems.Variant.allCases.map { canFill($0, templates) }
    }

    /// `item` (from `render`) with `variant`'s values put in, appended to
    /// `out`; a NUL that starts no marker is copied as it is.
    static func fill(_ item: String, _ variant: EventItems.Variant, into out: inout [UInt8]) {
        let root = Array(variant.root.utf8), level = Array(String(variant.headingLevel).utf8)
        let rootMarker = Array(Self.rootMarker.utf8), levelMarker = Array(Self.levelMarker.utf8)
        var item = item
        item.withUTF8 { bytes in
            var offset = 0
            while let nul = bytes[offset...].firstIndex(of: 0) {
                out.append(contentsOf: bytes[offset..<nul])
                if bytes[nul...].starts(with: rootMarker) {
                    out.append(contentsOf: root)
                    offset = nul + rootMarker.count
                } else if bytes[nul...].starts(with: levelMarker) {
                    out.append(contentsOf: level)
                    offset = nul + levelMarker.count
                } else {
                    out.append(0)
                    offset = nul + 1
                }
            }
            out.append(contentsOf: bytes[offset...])
        }
    }

    /// Text holding a marker (the root, the heading level, or a link that
    /// starts at the root) wrapped as a `StandIn`; lists and mappings with
    /// their text wrapped, keeping their types; the rest as it is.
    private static func standIn(_ value: Any, _ probe: Probe) -> Any {
        switch value {
        case let text as String where text.utf8.contains(0): return StandIn(text: text, probe: probe)
        case let mapping as [String: Any]: return mapping.mapValues { standIn($0, probe) }
        case let list as [[String: Any]]: return list.map { $0.mapValues { standIn($0, probe) } }
        default: return value
        }
    }

    /// Set when a template used a stand-in in a way filling in cannot
    /// reproduce. One per render, on one thread.
    final class Probe {
        var tripped = false
    }

    /// A value holding markers. It prints as its text; every other use of it
    /// trips the probe.
    struct StandIn: MustacheCustomRenderable, MustacheTransformable, MustacheParent,
        CustomStringConvertible, CustomDebugStringConvertible {
        let text: String
        let probe: Probe

        var renderText: String { text }
        var isNull: Bool { false }

        func transform(_ name: String) -> Any? {
            probe.tripped = true
            return nil
        }

        func child(named: String) -> Any? {
            probe.tripped = true
            return nil
        }

        // `{{.}}` or `{{people}}` prints a mapping or a list by describing it.
        var description: String {
            probe.tripped = true
            return text
        }

        var debugDescription: String {
            probe.tripped = true
            return text.debugDescription
        }
    }
}
