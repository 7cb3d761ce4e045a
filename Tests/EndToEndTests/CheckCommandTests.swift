import Foundation
import Testing

/// `timeline check`: every build error plus editorial warnings, each with
/// its file and line, written nowhere.
@Suite struct CheckCommandTests {
    @Test func theShippedStoryChecksClean() throws {
        let outcome = try TimelineCLI.run(["check", "--strict"], in: TimelineCLI.packageRoot)
        #expect(outcome.status == 0, "\(outcome.stdout)")
        #expect(outcome.stdout == "0 errors, 0 warnings\n")
    }

    @Test func eachPlantedProblemIsReportedWithItsFileAndLine() throws {
        let workspace = try Workspace()
        // An event with no source, reported (by its only source) before it happened.
        try workspace.write("Content/events/late-summit.md", """
            ---
            title: Summit in Geneva
            date: 2025-12-20
            place: geneva
            ---
            A later summit.
            """)
        try workspace.edit("Content/events/late-summit.md", replacing: "place: geneva", with: "place: geneva\nsources: [wire-report]")
        // Near-duplicate of the Geneva meeting, same date.
        try workspace.write("Content/events/geneva-meeting-copy.md", """
            ---
            title: Envoys meet in Geneva.
            date: 2025-11-23
            sources: [wire-report]
            ---
            """)
        // A person, a place and a document no event names; an article no event cites.
        try workspace.write("Content/people/idle-aide.md", "---\nname: Idle Aide\n---\n")
        try workspace.write("Content/places/nowhere.md", "---\nname: Nowhere\n---\n")
        try workspace.write("Content/documents/unused-annex.md", "---\ntitle: Unused annex\n---\n")
        try workspace.write("Content/articles/uncited.md", "---\ntitle: Uncited\npublished: 2025-11-30\nurl: https://example.org/uncited\n---\nText.\n")
        // An article states another date for the Geneva meeting; no dispute records it.
        try workspace.edit("Content/articles/wire-report.md", replacing: "The envoys met in Geneva “for hours” on Sunday, officials said.",
                           with: "The envoys met in Geneva “for hours” on Sunday, officials said. Anna Envoy first came to Geneva on 2 March 2025.")
        let outcome = try TimelineCLI.run(["check"], in: workspace.url)
        #expect(outcome.status == 0, "warnings alone do not fail")
        #expect(outcome.stdout.split(separator: "\n").map(String.init) == [
            "Content/articles/uncited.md:2:1: warning: no event cites this article (name it in an event's sources, or remove the note)",
            "Content/documents/draft-three.md:2:1: warning: no event mentions the document 'Draft three' (name it in an event's documents, or remove the note)",
            "Content/documents/unused-annex.md:2:1: warning: no event mentions the document 'Unused annex' (name it in an event's documents, or remove the note)",
            "Content/events/earlier-contacts.md:2:1: warning: event has no source (add sources: [ARTICLE] naming an article that reports it)",
            "Content/events/geneva-meeting-copy.md:2:1: warning: same date and nearly the same title as events/geneva-meeting.md (if they are one event, merge the notes)",
            "Content/events/geneva-meeting.md:3:1: warning: articles/wire-report.md says \"2 March 2025\" (2 March 2025), but the event is dated 23 November 2025 (correct the date, or record the disagreement under disputes)",
            "Content/events/late-summit.md:3:1: warning: reported before it happened: dated 20 December 2025, but every source was published by 24 November 2025 (check the date, or cite a source published after it)",
            "Content/events/plan-drafted.md:2:1: warning: event has no source (add sources: [ARTICLE] naming an article that reports it)",
            "Content/people/idle-aide.md:2:1: warning: no event mentions Idle Aide (name them in an event's people or quotes, or remove the note)",
            "Content/places/nowhere.md:2:1: warning: no event happens at Nowhere (name it as an event's place, or remove the note)",
            "note: Content is not in a git work tree: changes since the last commit are not compared",
            "0 errors, 10 warnings",
        ])
        #expect(try TimelineCLI.run(["check", "--strict"], in: workspace.url).status == 1, "--strict fails on warnings")
        #expect(!FileManager.default.fileExists(atPath: workspace.folder.path("Public").path), "check writes nothing")
    }

    /// Twelve key moments are a digest; thirteen are not. The warning names
    /// the thirteenth, in chronology order.
    @Test func moreThanTwelveKeyMomentsAreAWarning() throws {
        let workspace = try Workspace()
        for day in 1...12 {
            let date = "2025-10-" + (day < 10 ? "0" : "") + String(day)
            try workspace.write("Content/events/key-\(day).md", "---\ntitle: Key \(day)\ndate: \(date)\nsources: [wire-report]\nkey: true\n---\n")
        }
        func keyWarnings() throws -> [String] {
            try TimelineCLI.run(["check"], in: workspace.url).stdout.split(separator: "\n").map(String.init)
                .filter { $0.contains("key moments") }
        }
        #expect(try keyWarnings() == [])
        try workspace.write("Content/events/key-13.md", "---\ntitle: Key 13\ndate: 2025-10-13\nsources: [wire-report]\nkey: true\n---\n")
        #expect(try keyWarnings() == [
            "Content/events/key-13.md:2:1: warning: 13 events are key moments: a digest that long is not one (keep key: true for at most 12 turning points)",
        ])
    }

    /// In a git work tree, an event whose date, status or title changed
    /// since the last commit needs a correction or an update saying so.
    @Test func aChangeSinceTheLastCommitNeedsACorrectionOrAnUpdate() throws {
        let workspace = try Workspace()
        let git = "git -c user.name=Test -c user.email=test@example.org"
        let setUp = try TimelineCLI.runShell("git init -q && \(git) add -A && \(git) commit -qm start", in: workspace.url)
        #expect(setUp.status == 0, "\(setUp.stderr)")
        func changeWarnings() throws -> [String] {
            let outcome = try TimelineCLI.run(["check"], in: workspace.url)
            #expect(!outcome.stdout.contains("note:"), "\(outcome.stdout)")
            return outcome.stdout.split(separator: "\n").map(String.init).filter { $0.contains("since the last commit") }
        }
        #expect(try changeWarnings() == [])
        // A body edit is not a change readers must be told of.
        try workspace.edit("Content/events/geneva-meeting.md", replacing: "A second paragraph", with: "Another paragraph")
        #expect(try changeWarnings() == [])
        try workspace.edit("Content/events/geneva-meeting.md", replacing: "date: 2025-11-23", with: "date: 2025-11-22")
        try workspace.edit("Content/events/geneva-meeting.md", replacing: "title: Envoys meet in Geneva", with: "title: Envoys met in Geneva")
        try workspace.edit("Content/events/deal-claims.md", replacing: "status: disputed", with: "status: reported")
        #expect(try changeWarnings() == [
            "Content/events/deal-claims.md:2:1: warning: changed since the last commit, its status (was disputed), and no correction or update says so (add a correction saying what was wrong, or an update saying what was added)",
            "Content/events/geneva-meeting.md:2:1: warning: changed since the last commit, its date (was 2025-11-23), its title (was \"Envoys meet in Geneva\"), and no correction or update says so (add a correction saying what was wrong, or an update saying what was added)",
        ])
        // Saying so in the open settles it.
        try workspace.edit("Content/events/geneva-meeting.md", replacing: "status: confirmed", with: """
            status: confirmed
            corrections:
              - {date: 2025-11-26, text: "An earlier version dated the meeting 23 November."}
            """)
        try workspace.edit("Content/events/deal-claims.md", replacing: "status: reported", with: """
            status: reported
            updates:
              - {date: 2025-11-27, text: "No longer shown as disputed: the evening paper's account was confirmed."}
            """)
        #expect(try changeWarnings() == [])
        // Once committed, the corrected version is the one compared with.
        #expect(try TimelineCLI.runShell("\(git) commit -qam corrected", in: workspace.url).status == 0)
        #expect(try changeWarnings() == [])
    }

    @Test func errorsFailAndJSONCarriesEveryField() throws {
        let workspace = try Workspace()
        try workspace.edit("Content/events/geneva-meeting.md", replacing: "people: [anna-envoy,", with: "people: [anna-envoi,")
        let outcome = try TimelineCLI.run(["check", "--format", "json"], in: workspace.url)
        #expect(outcome.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        #expect(json["errors"] as? Int == 1)
        let first = try #require((json["diagnostics"] as? [[String: Any]])?.first)
        #expect(first["severity"] as? String == "error")
        #expect(first["file"] as? String == "Content/events/geneva-meeting.md")
        #expect(first["line"] as? Int == 5)
        #expect(first["column"] as? Int == 10)
        #expect(first["message"] as? String == "unknown person 'anna-envoi' in people")
        #expect(first["hint"] as? String == "did you mean 'anna-envoy'?")
        #expect(json["notices"] as? [String] == [])
    }
}

/// Progress shows on a terminal only, and the build ends with one summary line.
@Suite struct BuildProgressTests {
    /// A content folder big enough that rendering takes more than a moment.
    private func bigWorkspace() throws -> Workspace {
        let workspace = try Workspace()
        for i in 0..<1200 {
            try workspace.write("Content/events/generated-\(i).md",
                                "---\ntitle: Generated event \(i)\ndate: 2025-\(String(format: "%02d", i % 12 + 1))-10\npeople: [anna-envoy]\ntags: [talks]\n---\nBody \(i).\n")
        }
        return workspace
    }

    @Test func withoutATerminalThereAreNoEscapeCodes() throws {
        let workspace = try bigWorkspace()
        let outcome = try workspace.build()
        #expect(outcome.status == 0)
        #expect(!outcome.stderr.contains("\u{1B}") && !outcome.stdout.contains("\u{1B}"))
        #expect(outcome.stdout.hasPrefix("Built 1,225 pages from 1,213 notes in "))
        #expect(outcome.stdout.hasSuffix(" s\n"))
    }

    @Test func onATerminalRenderingShowsProgressAndClearsIt() throws {
        let workspace = try bigWorkspace()
        // `script` gives the build a pseudo-terminal, as a person's shell would.
        let outcome = try TimelineCLI.runShell("script -qec '\(TimelineCLI.binary.path) build' /dev/null", in: workspace.url)
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("Rendering pages: "))
        #expect(outcome.stdout.contains("Rendering pages: 1,225 of 1,225"))
        // The progress line is cleared before the summary.
        #expect(outcome.stdout.contains("\r\u{1B}[2KBuilt 1,225 pages from 1,213 notes in "))
    }
}
