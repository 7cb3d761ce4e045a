import Testing
@testable import TimelineKit

@Suite struct NoteBodiesTests {
    static let files: [SourceFile] = [
        document("28-point-plan"), person("vladimir-putin"),
        event("talks", "people: [vladimir-putin]", body: """
            The [plan](../documents/28-point-plan.md#points) was discussed.

            [Putin](../people/vladimir-puttin.md) and [the site](../../README.md) spoke.
            """),
    ]

    @Test func linksBetweenNotesBecomeLinksBetweenPages() throws {
        let (bodies, _) = NoteBodies.render(try link(Self.files).0)
        #expect(bodies[.event, "talks"].html.hasPrefix(
            "<p>The <a href=\"../../documents/28-point-plan/index.html#points\">plan</a> was discussed.</p>\n"))
        #expect(bodies[.event, "talks"].summary == "The plan was discussed.")
    }

    @Test func brokenLinksAreReportedAtTheirLineInTheFile() throws {
        let (_, problems) = NoteBodies.render(try link(Self.files).0)
        #expect(problems.map(\.description) == [
            "Content/events/talks.md:8:1: broken link to '../people/vladimir-puttin.md': no people/vladimir-puttin.md"
                + " (did you mean 'vladimir-putin.md'?)",
            "Content/events/talks.md:8:43: broken link to '../../README.md': not a note in Content/"
                + " (link to an existing note, like ../people/SLUG.md)",
        ])
    }

    @Test func aNoteWithoutABodyRendersEmpty() throws {
        let (bodies, _) = NoteBodies.render(try link(Self.files).0)
        #expect(bodies[.person, "vladimir-putin"].html == "")
        #expect(bodies[.place, "nowhere"].summary == "")
    }
}
