import Foundation
import Testing
@testable import TimelineKit
@testable import TimelineTemplates

/// docs/templates.md is the templates' API: every name it lists is in the
/// context of a real page of that kind, and every name a real page offers
/// is listed, so the reference and the code cannot drift apart.
@Suite struct TemplateReferenceTests {
    /// One row of the reference: a name's path (`quotes[].text`) and
    /// whether it is marked optional.
    struct Row: Hashable {
        let path: String
        let optional: Bool
    }

    /// The reference's rows by section (`event`, `layout`, `event-item`, `axis`…).
    static let reference: [String: [Row]] = {
        let text = (try? String(contentsOf: ShippedTemplatesTests.repository.appendingPathComponent("docs/templates.md"),
                                encoding: .utf8)) ?? ""
        var sections: [String: [Row]] = [:]
        var current: String?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("## ") {
                let heading = line.dropFirst(3)
                current = heading.hasPrefix("`") ? heading.dropFirst().prefix { $0 != "`" }.description : nil
            } else if let section = current, line.hasPrefix("| `") {
                let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
                guard cells.count >= 2 else { continue }
                sections[section, default: []].append(Row(path: cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`")),
                                                          optional: cells[1].contains("optional")))
            }
        }
        return sections
    }()

    static let partials = ["axis", "filters", "lineage"]

    /// Every page of every story, by template, as the paths its context holds.
    static let pages: [String: [Set<String>]] = {
        var pages: [String: [Set<String>]] = [:]
        for (_, model) in (try? ShippedTemplatesTests.models()) ?? [] {
            let builder = ContextBuilder(chronology: model.chronology, bodies: model.bodies, templates: model.templates,
                                         media: model.media)
            for page in Page.all(in: model.chronology) {
                pages[page.template, default: []].append(paths(of: builder.context(for: page)))
            }
            for index in model.chronology.events.indices {
                var item = builder.eventItem(index, PageLinks(root: ""))
                item["headingLevel"] = 4
                item["root"] = ""
                pages["event-item", default: []].append(paths(of: .map(item)))
            }
        }
        return pages
    }()

    /// Every path in `value`: `title`, `people`, `people[].name`, `axis.marks[].x`.
    static func paths(of value: TemplateValue, _ prefix: String = "", depth: Int = 0) -> Set<String> {
        guard depth < 12 else { return [] }
        switch value {
        case .map(let map):
            var found: Set<String> = []
            for (name, child) in map {
                let path = prefix.isEmpty ? name : prefix + "." + name
                found.insert(path)
                found.formUnion(paths(of: child, path, depth: depth + 1))
            }
            return found
        case .list(let list) where !prefix.isEmpty:
            return list.reduce(into: Set<String>()) { found, element in found.formUnion(paths(of: element, prefix + "[]", depth: depth + 1)) }
        case .deferred(let deferred):
            return paths(of: deferred.make(), prefix, depth: depth)
        default:
            return []
        }
    }

    /// `path` as the part of the reference about an event list has it, when
    /// it is inside one: `years[].months[].events[].title` → `events[].title`.
    static func inEventList(_ path: String) -> String? {
        for start in ["events", "eventsHTML"] {
            if path.hasPrefix(start) { return path }
            if let range = path.range(of: "." + start, options: .backwards) { return String(path[path.index(after: range.lowerBound)...]) }
        }
        return nil
    }

    @Test func theReferenceCoversEveryPageKind() {
        for kind in TemplateSet.requiredPages + ["layout", "event-list", "event-item"] {
            #expect(!(Self.reference[kind] ?? []).isEmpty, "docs/templates.md has no table for `\(kind)`")
        }
    }

    @Test func everyNameTheReferenceListsIsInARealPage() {
        let everywhere = Self.pages.filter { $0.key != "event-item" }.values.flatMap { $0 }
        for (section, rows) in Self.reference {
            for row in rows {
                let found: Bool
                switch section {
                case "layout", _ where Self.partials.contains(section):
                    found = everywhere.contains { $0.contains(row.path) }
                case "event-list":
                    found = everywhere.contains { page in page.contains { Self.inEventList($0) == row.path } }
                default:
                    let kind = Self.pages[section] ?? []
                    found = kind.contains { $0.contains(row.path) }
                    // A name not marked optional is on every page of its kind.
                    if found, !row.optional, !row.path.contains("[]") {
                        #expect(kind.allSatisfy { $0.contains(row.path) }, "`\(section)`: \(row.path) is missing on some pages")
                    }
                }
                #expect(found, "docs/templates.md lists `\(row.path)` under `\(section)`, but no page's context has it")
            }
        }
    }

    @Test func everyNameARealPageOffersIsInTheReference() {
        let shared = Set((["layout"] + Self.partials).flatMap { (Self.reference[$0] ?? []).map(\.path) })
        let eventList = Set((Self.reference["event-list"] ?? []).map(\.path))
        for (kind, pages) in Self.pages {
            let own = Set((Self.reference[kind] ?? []).map(\.path))
            let undocumented = Set(pages.flatMap { $0 }).filter { path in
                !own.contains(path) && (kind == "event-item" || !shared.contains(path))
                    && (kind == "event-item" || !(Self.inEventList(path).map(eventList.contains) ?? false))
            }
            #expect(undocumented.isEmpty, "`\(kind)` pages offer \(undocumented.sorted()), which docs/templates.md does not list")
        }
    }
}
