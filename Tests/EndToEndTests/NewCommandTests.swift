import Foundation
import Testing

/// `timeline new` in a project folder: the path on stdout, a note that builds
/// as it is, a fresh name when one is taken, never an overwritten file, and
/// one-line errors with exit status 1.
@Suite struct NewCommandTests {
    private func new(_ arguments: [String], in workspace: Workspace) throws -> TimelineCLI.Outcome {
        try TimelineCLI.run(["new"] + arguments, in: workspace.url)
    }

    @Test func newEventPrintsItsPathAndTheSiteBuildsWithIt() throws {
        let workspace = try Workspace()
        let outcome = try new(["event", "Talks in Київ", "--date", "2025-12-04"], in: workspace)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout == "Content/events/talks-in-kyiv.md\n")
        #expect(outcome.stderr.isEmpty)
        let note = try workspace.folder.read("Content/events/talks-in-kyiv.md")
        #expect(note.hasPrefix("---\ntitle: \"Talks in Київ\"\ndate: \"2025-12-04\" "))

        let build = try workspace.build()
        #expect(build.status == 0, "\(build.stderr)")
        #expect(build.stderr.isEmpty)
        let page = try HTMLPage(workspace.folder.path("Public/events/talks-in-kyiv/index.html"))
        #expect(page.text("//h1") == "Talks in Київ")
        let index = try HTMLPage(workspace.folder.path("Public/index.html"))
        #expect(index.attributes("//a", "href").contains("events/talks-in-kyiv/index.html"))
    }

    @Test func theSameTitleAgainGetsTheNextFreeName() throws {
        let workspace = try Workspace()
        let first = try new(["event", "Talks in Київ", "--date", "2025-12-04"], in: workspace)
        let second = try new(["event", "Talks in Київ", "--date", "2025-12-05"], in: workspace)
        #expect([first.status, second.status] == [0, 0])
        #expect(first.stdout == "Content/events/talks-in-kyiv.md\n")
        #expect(second.stdout == "Content/events/talks-in-kyiv-2.md\n")
        #expect(try workspace.folder.read("Content/events/talks-in-kyiv.md").contains("date: \"2025-12-04\""))
        #expect(try workspace.folder.read("Content/events/talks-in-kyiv-2.md").contains("date: \"2025-12-05\""))
        #expect(try workspace.build().status == 0)
    }

    @Test func anExistingNoteIsNeverOverwritten() throws {
        let workspace = try Workspace()
        let before = try Data(contentsOf: workspace.folder.path("Content/events/geneva-meeting.md"))
        let outcome = try new(["event", "Geneva meeting", "--date", "2025-11-23"], in: workspace)
        #expect(outcome.status == 0)
        #expect(outcome.stdout == "Content/events/geneva-meeting-2.md\n")
        #expect(try Data(contentsOf: workspace.folder.path("Content/events/geneva-meeting.md")) == before)
    }

    @Test func aBadDateFailsWithOneLineAndWritesNothing() throws {
        let workspace = try Workspace()
        let before = try snapshot(workspace.folder.path("Content"))
        let cases: [([String], String)] = [
            (["event", "Talks in Kyiv", "--date", "2025-02-30"],
             "--date: invalid date '2025-02-30': day 30 does not exist in that month (it has 28 days)"),
            (["event", "Talks in Kyiv", "--date", "04/12/2025"],
             "--date: invalid date '04/12/2025': write the year first, as YYYY-MM-DD ('2025-12-04' if 04 is the day, '2025-04-12' if it is the month)"),
            (["event", "Talks in Kyiv"],
             "--date: an event needs a date (pass --date YYYY-MM-DD, YYYY-MM, YYYY or YYYY-MM-DD/YYYY-MM-DD)"),
            (["article", "Envoys meet", "--date", "2025-12"],
             "--date: an article's date is the day it was published, not '2025-12' (write YYYY-MM-DD)"),
            (["person", "Anna Envoy", "--date", "2025-12-04"], "--date: a person has no date (leave out --date)"),
            (["place", "★★★"], "TITLE: cannot make a file name from '★★★' (use at least one letter or digit)"),
            (["place", "Kyiv", "--content", "Notes"],
             "Notes: content folder not found (run this where Content/ is, or pass --content DIR)"),
        ]
        for (arguments, message) in cases {
            let outcome = try new(arguments, in: workspace)
            #expect(outcome.status == 1, "\(arguments)")
            #expect(outcome.stderrLines == [message])
            #expect(outcome.stdout.isEmpty)
        }
        #expect(try snapshot(workspace.folder.path("Content")) == before)
    }

    /// A Cyrillic name with no letter only Ukrainian has is romanised by the
    /// Russian system (see `Transliteration`); with one, by the Ukrainian.
    @Test func cyrillicNamesBecomeLatinSlugs() throws {
        let workspace = try Workspace()
        let russian = try new(["person", "Борис Посланник"], in: workspace)
        let ukrainian = try new(["person", "Володимир Зеленський"], in: workspace)
        let place = try new(["place", "Київ", "--content", "Content/"], in: workspace)
        #expect(russian.stdout == "Content/people/boris-poslannik.md\n")
        #expect(ukrainian.stdout == "Content/people/volodymyr-zelenskyi.md\n")
        #expect(place.stdout == "Content/places/kyiv.md\n")
        #expect(try workspace.folder.read("Content/people/boris-poslannik.md").hasPrefix("---\nname: \"Борис Посланник\"\n"))
        let build = try workspace.build()
        #expect(build.status == 0, "\(build.stderr)")
        let page = try HTMLPage(workspace.folder.path("Public/people/boris-poslannik/index.html"))
        #expect(page.text("//h1") == "Борис Посланник")
    }

    @Test func everyKindBuildsAsItIs() throws {
        let workspace = try Workspace()
        let runs = [
            ["event", "Talks resume", "--date", "2025-12"],
            ["article", "Envoys meet again", "--date", "2025-12-05"],
            ["person", "Zoë O'Brien"],
            ["place", "Genève"],
            ["document", "Draft four", "--date", "2025-12-04"],
            ["document", "Draft five"],
        ]
        var printed: [String] = []
        for arguments in runs {
            let outcome = try new(arguments, in: workspace)
            #expect(outcome.status == 0, "\(arguments): \(outcome.stderr)")
            printed.append(outcome.stdout)
        }
        #expect(printed == [
            "Content/events/talks-resume.md\n", "Content/articles/envoys-meet-again.md\n",
            "Content/people/zoe-obrien.md\n", "Content/places/geneve.md\n",
            "Content/documents/draft-four.md\n", "Content/documents/draft-five.md\n",
        ])
        let build = try workspace.build()
        #expect(build.status == 0, "\(build.stderr)")
        #expect(build.stderr.isEmpty)
        for page in ["events/talks-resume", "articles/envoys-meet-again", "people/zoe-obrien", "places/geneve",
                     "documents/draft-four", "documents/draft-five"] {
            #expect(FileManager.default.fileExists(atPath: workspace.folder.path("Public/\(page)/index.html").path), "\(page)")
        }
    }
}
