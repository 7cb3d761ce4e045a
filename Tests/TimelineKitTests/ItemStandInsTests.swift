import Foundation
import Testing
@testable import TimelineKit

/// Each event's list item is rendered once with stand-ins and filled in for
/// each list. Whatever event-item.mustache does, every list must get the
/// bytes a render with its own values gives; the stand-ins are used where
/// they can be and left alone where filling in could differ.
@Suite struct ItemStandInsTests {
    /// How the event item is rendered: stand-ins for every list, for the
    /// note and tag pages only (the chronology's empty root cannot be
    /// filled in under indentation), or not at all (the template used a
    /// stand-in as more than text).
    enum Path: Sendable { case allFilled, indexOnItsOwn, allOnTheirOwn }

    static let templates: [(String, String, Path)] = [
        ("as shipped", "", .allFilled),
        ("root printed and tested", "{{{root}}}|{{&root}}|{{#root}}[{{.}}]{{/root}}{{^root}}none{{/root}}|{{#headingLevel}}{{.}}{{/headingLevel}}", .allFilled),
        ("links as text", "{{%CONTENT_TYPE: TEXT}}<{{href}}>{{#place}}{{place.href}}{{/place}}", .allFilled),
        ("heading level transformed", "<h{{plusone(headingLevel)}}>", .allOnTheirOwn),
        ("link upper-cased", "{{uppercased(href)}}", .allOnTheirOwn),
        ("root tested for emptiness", "{{#empty(root)}}at the root{{/empty(root)}}", .allOnTheirOwn),
        ("looked up inside a link", "{{#href}}{{title}}{{/href}}", .allOnTheirOwn),
        ("indented partial", "  {{> item-extra}}\n", .indexOnItsOwn),
        ("root as a partial's name", "{{>*root}}", .indexOnItsOwn),
    ]

    @Test(arguments: templates)
    func everyListGetsWhatItsOwnRenderGives(name: String, addition: String, path: Path) throws {
        let folder = try Self.templatesFolder(appending: addition)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (loaded, diagnostics) = TemplateSet.load(from: folder)
        let templates = try #require(loaded, "\(name): \(diagnostics)")
        let (chronology, _) = try link(Self.notes)
        let builder = ContextBuilder(chronology: chronology, bodies: NoteBodies.render(chronology).0, templates: templates)
        var cache = KeyedCache<EventItems.Inputs, EventItems.Item>()
        let items = EventItems(builder, templates: templates, cache: &cache)
        #expect(EventItems(builder, templates: templates).items == items.items, "\(name): with and without a cache")

        for index in chronology.events.indices {
            let item = items.items[index]
            switch path {
            case .allFilled: #expect(item.marked != nil && item.own == [nil, nil, nil], "\(name)")
            case .indexOnItsOwn: #expect(item.marked != nil && item.own.map { $0 != nil } == [true, false, false], "\(name)")
            case .allOnTheirOwn: #expect(item.marked == nil && item.own.allSatisfy { $0 != nil }, "\(name)")
            }
            for variant in EventItems.Variant.allCases {
                let own = EventItems.render(index, variant, builder, templates)
                #expect(items.utf8([index], variant) == Array(own.utf8), "\(name): \(chronology.events[index].source.slug), \(variant)")
                #expect(!own.utf8.contains(0))
            }
        }
        let all = Array(chronology.events.indices)
        #expect(items.utf8(all, .tagPage) == Array(all.map { EventItems.render($0, .tagPage, builder, templates) }.joined().utf8))
    }

    /// Printing a whole mapping describes its values, stand-ins among them.
    @Test func printingTheWholeItemTripsTheProbe() throws {
        let folder = try Self.templatesFolder(appending: "{{place}}{{tags}}")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let templates = try #require(TemplateSet.load(from: folder).0)
        let (chronology, _) = try link(Self.notes)
        let builder = ContextBuilder(chronology: chronology, bodies: NoteBodies.render(chronology).0, templates: templates)
        for (index, event) in chronology.events.enumerated() {
            let describesAStandIn = event.place != nil || !event.tags.isEmpty
            #expect((ItemStandIns.render(index, builder, templates) == nil) == describesAStandIn, "\(event.source.slug)")
        }
    }

    /// Events with and without a place, people and tags, so every section
    /// of the shipped item template is taken and skipped.
    static let notes: [SourceFile] = [
        person("envoy"), person("minister"), place("geneva"),
        event("talks", title: "Talks <in> 'Geneva' & more", date: "2025-11-23",
              "people: [envoy, minister]\nplace: geneva\ntags: [talks, peace-plan]", body: "Envoys & ministers met.\n\nMore."),
        event("plan", title: "Plan published", date: "2025-11-20", "status: reported"),
        event("call", date: "2025-11", "people: [envoy]\ntags: [talks]"),
    ]

    /// A copy of the shipped templates with `addition` inserted as
    /// event-item.mustache's second line, a partial for it to include, and
    /// a template named by the empty string (`.mustache`).
    static func templatesFolder(appending addition: String) throws -> String {
        let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Templates").path
        let folder = FileManager.default.temporaryDirectory.path + "/timeline-items-" + UUID().uuidString
        try FileManager.default.copyItem(atPath: shipped, toPath: folder)
        let item = folder + "/event-item.mustache"
        var lines = try String(contentsOfFile: item, encoding: .utf8).components(separatedBy: "\n")
        lines.insert(addition, at: 1)
        try lines.joined(separator: "\n").write(toFile: item, atomically: true, encoding: .utf8)
        try "{{root}}".write(toFile: folder + "/item-extra.mustache", atomically: true, encoding: .utf8)
        try "root named a partial".write(toFile: folder + "/.mustache", atomically: true, encoding: .utf8)
        return folder
    }
}
