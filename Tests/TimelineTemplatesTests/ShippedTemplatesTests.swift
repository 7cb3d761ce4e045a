import Foundation
import Mustache
import Testing
@testable import TimelineKit
@testable import TimelineTemplates

/// Our template engine against swift-mustache, the engine the templates
/// were written for: every shipped template, for every page of the shipped
/// story and of the test fixtures, and every event's list item in each kind
/// of list, rendered by both from the same context, byte for byte.
@Suite struct ShippedTemplatesTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let stories = ["Content", "Tests/EndToEndTests/Fixtures/small-story", "Tests/EndToEndTests/Fixtures/hostile-story"]

    @Test func everyPageRendersAsSwiftMustacheRendersIt() throws {
        for (story, model) in try Self.models() {
            try render(story, model)
        }
    }

    private func render(_ story: String, _ model: RenderModel) throws {
        let reference = MustacheLibrary(templates: try model.templates.sources.mapValues { try MustacheTemplate(string: $0) })
        let builder = ContextBuilder(chronology: model.chronology, bodies: model.bodies, templates: model.templates,
                                         media: model.media)
        let pages = Page.all(in: model.chronology)
        #expect(pages.count > 10)
        for page in pages {
            let context = builder.context(for: page)
            var ours: [UInt8] = []
            model.templates.render(page.template, context, into: &ours)
            let theirs = reference.render(Reference.any(context), withTemplate: page.template) ?? "(no template)"
            #expect(String(decoding: ours, as: UTF8.self) == theirs, "\(story): \(page.path(in: model.chronology))")
        }
        for index in model.chronology.events.indices {
            for variant in EventItems.Variant.allCases {
                var item = builder.eventItem(index, PageLinks(root: variant.root))
                item["headingLevel"] = .int(variant.headingLevel)
                item["root"] = .text(variant.root)
                var ours: [UInt8] = []
                EventItems.render(index, variant, builder, into: &ours)
                let theirs = reference.render(Reference.any(.map(item)), withTemplate: "event-item") ?? "(no template)"
                #expect(String(decoding: ours, as: UTF8.self) == theirs, "\(story): item \(index), \(variant)")
            }
        }
    }

    /// The story at `folder` (relative to the repository) through every
    /// stage before rendering, with the shipped templates.
    static func model(_ folder: String, drafts: Bool = false) throws -> RenderModel {
        var result = BuildResult()
        var cache = BuildCache()
        let options = BuildOptions(contentPath: repository.appendingPathComponent(folder).path,
                                   templatesPath: repository.appendingPathComponent("Templates").path, includeDrafts: drafts)
        let model = Pipeline.prepare(options, &result, &cache, remembering: true)
        return try #require(model, "\(folder): \(result.diagnostics.errors)")
    }

    /// A story of 45 events on as many days: past 40, the axis draws bars.
    static func longStory() throws -> RenderModel {
        let events = (1...45).map { day -> SourceFile in
            let date = day <= 30 ? "2025-11-\(day < 10 ? "0" : "")\(day)" : "2025-12-\(day - 30 < 10 ? "0" : "")\(day - 30)"
            return SourceFile(kind: .event, slug: "day-\(day)", path: "Content/events/day-\(day).md",
                              text: "---\ntitle: Day \(day)\ndate: \(date)\n---\nWhat happened on day \(day).\n")
        }
        let content = LoadedContent(settingsPath: "Content/site.yml", settingsText: "title: Long\n", files: events)
        let site = try #require(SiteParser.parse(content).0)
        let (chronology, problems) = Linker.link(site, includeDrafts: false)
        #expect(problems.isEmpty)
        let (templates, _) = TemplateSet.load(from: repository.appendingPathComponent("Templates").path)
        return RenderModel(chronology: chronology, bodies: NoteBodies.render(chronology).0, templates: try #require(templates))
    }

    /// Every model the template tests render: the stories, the small one
    /// with its draft, and the long one.
    static func models() throws -> [(name: String, model: RenderModel)] {
        try stories.map { ($0, try model($0)) }
            + [("small story with drafts", try model("Tests/EndToEndTests/Fixtures/small-story", drafts: true)),
               ("45 events", try longStory())]
    }
}

