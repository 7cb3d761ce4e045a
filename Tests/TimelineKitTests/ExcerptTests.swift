import Testing
@testable import TimelineKit

/// Articles that hold only passages of a report: quotes are checked against
/// each passage, never across the `[…]` between two.
@Suite struct ExcerptTests {
    static func excerpt(_ body: String) -> SourceFile {
        note(.article, "wire", "title: Wire\npublished: 2025-12-03\nurl: https://example.org/wire\nexcerpt: true", body: body)
    }

    @Test func passagesAreSplitAtElisionLines() {
        #expect(QuoteVerifier.passages(of: "One.\n\n[…]\n\nTwo.\n  [...]  \nThree.") == ["One.\n", "\nTwo.", "Three."])
        #expect(QuoteVerifier.passages(of: "A line with […] inside stays whole.") == ["A line with […] inside stays whole."])
    }

    @Test func aQuoteInOnePassageIsFoundAndOneAcrossTwoIsNamed() throws {
        let site = try makeSite([Self.excerpt("The talks began late.\n\n[…]\n\nThey ended after midnight."), person("aide")])
        let verifier = QuoteVerifier(articles: site.articles)
        #expect(verifier.find("They ended after midnight", in: "wire") == .found)
        #expect(verifier.find("began late. They ended", in: "wire") == .acrossPassages)
        #expect(verifier.find("began early", in: "wire") == .notFound)
    }

    @Test func aWholeArticleIsOnePassage() throws {
        let site = try makeSite([article("full", body: "The talks began late.\n\n[…]\n\nThey ended after midnight.")])
        let verifier = QuoteVerifier(articles: site.articles)
        // Not an excerpt: the brackets are part of its text.
        #expect(verifier.find("began late. […] They ended", in: "full") == .found)
        #expect(verifier.find("began late. They ended", in: "full") == .notFound)
    }

    @Test func theLinkerSaysWhenAQuoteRunsAcrossPassages() throws {
        let (_, problems) = try link([
            Self.excerpt("The talks began late.\n\n[…]\n\nThey ended after midnight."), person("aide"),
            event("talks", "quotes:\n  - {by: aide, text: \"began late. They ended\", source: wire}"),
        ])
        #expect(problems == [
            "Content/events/talks.md:5:22: quote runs across two passages of the excerpt 'wire': \"began late. They ended\" (the words on either side of […] were not written together; quote one passage)",
        ])
    }
}
