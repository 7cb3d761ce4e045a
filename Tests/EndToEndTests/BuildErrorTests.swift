import Foundation
import Testing

/// Bad input gets a precise `FILE:LINE:COL: message (hint)`, every problem in
/// one run, a non-zero exit, and the previous `Public/` left exactly as it was.
@Suite struct BuildErrorTests {
    /// Builds a good site first, breaks the content, builds again.
    private func failingBuild(_ breakContent: (Workspace) throws -> Void) throws -> (TimelineCLI.Outcome, before: [String: Data], after: [String: Data]) {
        let workspace = try Workspace()
        let first = try workspace.build()
        #expect(first.status == 0, "\(first.stderr)")
        let before = try snapshot(workspace.folder.path("Public"))
        try breakContent(workspace)
        let outcome = try workspace.build()
        let after = try snapshot(workspace.folder.path("Public"))
        return (outcome, before, after)
    }

    @Test func misspeltPersonSuggestsTheRightSlug() throws {
        let (outcome, before, after) = try failingBuild { w in
            try w.edit("Content/events/geneva-meeting.md", replacing: "people: [anna-envoy,", with: "people: [anna-envoi,")
        }
        #expect(outcome.status == 1)
        #expect(outcome.stderrLines == [
            "Content/events/geneva-meeting.md:5:10: unknown person 'anna-envoi' in people (did you mean 'anna-envoy'?)",
            "error: the build stopped at the link stage with 1 error; nothing was written",
        ])
        #expect(outcome.stdout.isEmpty)
        #expect(before == after)
        #expect(before.count > 20)
    }

    @Test func misquoteIsAnError() throws {
        let (outcome, before, after) = try failingBuild { w in
            try w.edit("Content/events/geneva-meeting.md", replacing: "text: \"very productive\"", with: "text: \"extremely productive\"")
        }
        #expect(outcome.status == 1)
        #expect(outcome.stderrLines.first ==
            "Content/events/geneva-meeting.md:12:11: quote not found in article 'wire-report': \"extremely productive\" (copy the words exactly as articles/wire-report.md has them)")
        #expect(before == after)
    }

    @Test func everyProblemIsReportedInOneRun() throws {
        let (outcome, before, after) = try failingBuild { w in
            try w.edit("Content/events/earlier-contacts.md", replacing: "date: \"2024\"", with: "date: \"2024-02-30\"")
            try w.edit("Content/events/plan-drafted.md", replacing: "documents: [draft-one]", with: "documents: [draft-onw]")
            try w.edit("Content/events/deal-claims.md", replacing: "(geneva-meeting.md#quotes-h)", with: "(geneva-meating.md)")
            try w.edit("Content/people/anna-envoy.md", replacing: "name: Anna Envoy", with: "name: \"Anna Envoy")
            try w.write("Content/events/Bad Name.md", "---\ntitle: x\ndate: 2025\n---\n")
        }
        #expect(outcome.status == 1)
        #expect(outcome.stderrLines == [
            "Content/events/Bad Name.md: invalid file name 'Bad Name.md': a slug uses only lowercase a-z, 0-9 and single hyphens (rename it to 'bad-name.md')",
            "Content/events/deal-claims.md:15:30: broken link to 'geneva-meating.md': no events/geneva-meating.md (did you mean 'geneva-meeting.md'?)",
            "Content/events/earlier-contacts.md:3:7: invalid date '2024-02-30': day 30 does not exist in that month (it has 29 days)",
            "Content/events/plan-drafted.md:5:13: unknown document 'draft-onw' in documents (did you mean 'draft-one'?)",
            // Points where the quotation opened; anna-envoy's broken file is
            // not reported again as an unknown person where events name her.
            "Content/people/anna-envoy.md:2:7: invalid YAML: the text quoted here runs on to line 7 (close the quotation mark on this line)",
            "error: the build stopped at the load stage with 5 errors; nothing was written",
        ])
        #expect(before == after)
    }

    @Test func missingTemplateAndTemplateSyntaxErrorNameTheTemplateFile() throws {
        let workspace = try Workspace()
        try FileManager.default.removeItem(at: workspace.folder.path("Templates/tag.mustache"))
        try workspace.edit("Templates/place.mustache", replacing: "<h1>{{name}}</h1>", with: "<h1>{{#name}}</h1>")
        try workspace.edit("Templates/people.mustache", replacing: "<h1>People</h1>", with: "<h1>People</h1>\n{{> peeple-list}}")
        let outcome = try workspace.build()
        #expect(outcome.status == 1)
        #expect(outcome.stderrLines == [
            "Templates/people.mustache:5:1: partial 'peeple-list' not found (create peeple-list.mustache beside it)",
            // Where the unclosed {{#name}} opened, not the {{/main}} where the parser notices it.
            "Templates/place.mustache:7:5: template syntax error: section 'name' is opened but never closed (check the {{...}} tags on this line)",
            "Templates/tag.mustache: template not found (every page kind needs its template)",
            "error: the build stopped at the templates stage with 3 errors; nothing was written",
        ])
        #expect(!FileManager.default.fileExists(atPath: workspace.folder.path("Public").path))
    }

    @Test func missingContentFolderIsAClearError() throws {
        let workspace = try Workspace()
        let outcome = try workspace.build(["--content", "Nowhere"])
        #expect(outcome.status == 1)
        #expect(outcome.stderrLines.first == "Nowhere: content folder not found (create it with site.yml and events/, or pass --content DIR)")
    }
}
