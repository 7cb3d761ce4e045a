import Foundation
import Testing
@testable import TimelineTemplates

/// Timeline's own templates (Templates/*.mustache), rendered by both engines
/// against random contexts over the names they use: the bytes must be equal.
@Suite struct TimelineTemplateTests {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Templates")

    static func templates() throws -> [String: String] {
        var templates: [String: String] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: directory.path) where file.hasSuffix(".mustache") {
            templates[String(file.dropLast(".mustache".count))] = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
        }
        return templates
    }

    /// Names printed (leaves) and names only used as sections (containers).
    static func names(in templates: [String: String]) -> (leaves: Set<String>, containers: Set<String>) {
        var leaves = Set<String>(), sections = Set<String>()
        let tag = try! NSRegularExpression(pattern: #"\{\{\{?\s*([#^&]?)\s*([A-Za-z0-9_.()-]+)\s*\}?\}\}"#)
        for source in templates.values {
            let ns = source as NSString
            for match in tag.matches(in: source, range: NSRange(location: 0, length: ns.length)) {
                let sigil = ns.substring(with: match.range(at: 1))
                var name = ns.substring(with: match.range(at: 2))
                if let open = name.lastIndex(of: "("), let close = name.firstIndex(of: ")") {
                    name = String(name[name.index(after: open)..<close])
                }
                let segments = name.split(separator: ".").map(String.init)
                guard let last = segments.last else { continue }
                segments.dropLast().forEach { sections.insert($0) }
                if sigil == "#" || sigil == "^" { sections.insert(last) } else { leaves.insert(last) }
            }
        }
        return (leaves, sections.subtracting(leaves))
    }

    static func context(_ rng: inout SplitMix64, leaves: [String], containers: [String], depth: Int) -> TemplateValue {
        var entries: [String: TemplateValue] = [:]
        let share = depth == 0 ? 70 : 30
        for name in leaves where rng.chance(share) {
            entries[name] = rng.chance(15) ? .null : ContextGenerator.scalar(&rng)
        }
        for name in containers where rng.chance(share) {
            switch rng.below(depth >= 2 ? 2 : 5) {
            case 0: entries[name] = .bool(rng.chance(60))
            case 1: entries[name] = rng.chance(50) ? .null : .list([])
            case 2: entries[name] = context(&rng, leaves: leaves, containers: containers, depth: depth + 1)
            default:
                entries[name] = .list((0..<rng.below(3)).map { _ in context(&rng, leaves: leaves, containers: containers, depth: depth + 1) })
            }
        }
        return .map(entries)
    }

    @Test func timelineTemplatesRenderAsSwiftMustacheDoes() throws {
        let templates = try Self.templates()
        #expect(templates.count > 10)
        let library = try TemplateLibrary(templates: templates)
        let (leaves, containers) = Self.names(in: templates)
        let reference = try #require(Reference.library(templates))
        var failures = 0
        for seed in UInt64(1)...25 where failures < 3 {
            var rng = SplitMix64(seed: seed)
            let context = Self.context(&rng, leaves: leaves.sorted(), containers: containers.sorted(), depth: 0)
            for name in templates.keys.sorted() {
                var out: [UInt8] = []
                library.render(name, context, into: &out)
                let theirs = reference.render(Reference.any(context), withTemplate: name)
                if out != Array((theirs ?? "").utf8) {
                    failures += 1
                    Issue.record("seed \(seed), template \(name):\nours:\n\(String(decoding: out, as: UTF8.self))\nswift-mustache:\n\(theirs ?? "<nil>")")
                    break
                }
            }
        }
    }
}
