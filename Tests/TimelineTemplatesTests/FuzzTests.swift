import Testing
@testable import TimelineTemplates

/// Random bytes as templates: ours parses or rejects, and renders, without trapping.
@Suite struct FuzzTests {
    @Test func randomBytesNeverCrash() {
        var rng = SplitMix64(seed: 0xF00D)
        let context = ContextGenerator.root(&rng)
        var accepted = 0
        for _ in 0..<20_000 {
            let source: String
            if rng.chance(50) {
                var bytes: [UInt8] = []
                for _ in 0..<rng.below(64) { bytes.append(UInt8(truncatingIfNeeded: rng.next())) }
                source = String(decoding: bytes, as: UTF8.self)
            } else {
                source = ContextGenerator.noise(&rng)
            }
            guard let template = try? Template(name: "fuzz", source: source) else { continue }
            accepted += 1
            let library = TemplateLibrary([template])
            _ = library.render("fuzz", context)
        }
        #expect(accepted > 0)
    }

    /// Set delimiters of one character, where swift-mustache itself would trap.
    @Test func oneCharacterDelimitersNeverCrash() throws {
        for source in ["{{=< >=}}<#a></a>", "{{=| |=}}|#a||/a|", "{{=< >=}}<#a><\\a>", "{{=x y=}}x#ayx/ay"] {
            let library = try? TemplateLibrary(templates: ["t": source])
            _ = library?.render("t", ["a": true])
            _ = library?.render("t", ["a": .lambda(TemplateLambda { $0 })])
        }
    }
}
