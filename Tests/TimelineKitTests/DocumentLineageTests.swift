import Testing
@testable import TimelineKit

@Suite struct DocumentLineageTests {
    func chronology(_ documents: [SourceFile]) throws -> Chronology {
        try link(documents).0
    }

    static let plans = [
        document("19-point-framework", supersedes: "28-point-plan"),
        document("20-point-plan", supersedes: "19-point-framework"),
        document("28-point-plan"),
        document("unrelated"),
    ]

    @Test(arguments: ["28-point-plan", "19-point-framework", "20-point-plan"])
    func theChainRunsFromOldestToNewestThroughAnyMember(slug: String) throws {
        #expect(DocumentLineage.chain(through: slug, in: try chronology(Self.plans))
            == ["28-point-plan", "19-point-framework", "20-point-plan"])
    }

    @Test func aDocumentWithoutLineageIsAChainOfOne() throws {
        #expect(DocumentLineage.chain(through: "unrelated", in: try chronology(Self.plans)) == ["unrelated"])
    }

    @Test func theChainFollowsTheFirstSuccessorBySlug() throws {
        let chronology = try chronology([document("a"), document("c", supersedes: "a"), document("b", supersedes: "a")])
        #expect(DocumentLineage.chain(through: "a", in: chronology) == ["a", "b"])
    }

    @Test func theChainStopsAtAMissingPredecessor() throws {
        let (chronology, _) = Linker.link(try makeSite([document("b", supersedes: "a")]), includeDrafts: false)
        #expect(DocumentLineage.chain(through: "b", in: chronology) == ["b"])
    }

    @Test func theChainThroughACycleEnds() throws {
        let (chronology, _) = Linker.link(
            try makeSite([document("a", supersedes: "b"), document("b", supersedes: "a")]), includeDrafts: false)
        #expect(DocumentLineage.chain(through: "a", in: chronology) == ["b", "a"])
    }

    @Test func aLineageWithoutCyclesHasNoProblems() throws {
        #expect(DocumentLineage.cycles(in: try makeSite(Self.plans).documents) == [])
    }

    @Test func aDocumentSupersedingItselfIsACycle() throws {
        let problems = DocumentLineage.cycles(in: try makeSite([document("a", supersedes: "a")]).documents)
        #expect(problems.map(\.description) == [
            "Content/documents/a.md:3:13: 'supersedes' forms a cycle: a → a (the oldest document must not supersede anything)",
        ])
    }

    @Test func aChainLeadingIntoACycleIsNotItselfReported() throws {
        let site = try makeSite([document("a", supersedes: "a"), document("z", supersedes: "a")])
        #expect(DocumentLineage.cycles(in: site.documents).map(\.message) == ["'supersedes' forms a cycle: a → a"])
    }
}
