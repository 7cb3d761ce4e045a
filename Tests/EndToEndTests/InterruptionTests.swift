import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A build killed at any moment, or stopped by a full disk or a permission
/// error, leaves `Public/` as the complete old site or the complete new one,
/// never a mix; the next build clears what a killed one left behind.
@Suite(.serialized) struct InterruptionTests {
    /// Kills that land while a build runs (not after it finished).
    static let requiredKills = 20
    static let seed: UInt64 = 0x7105_1A9E

    @Test func killedBuildsLeaveTheOldOrTheNewSiteWhole() throws {
        let folder = try TemporaryFolder("interruption")
        try SyntheticStory(events: SyntheticStory.eventCount).write(to: folder.path("ContentA"), variant: "A")
        try SyntheticStory(events: SyntheticStory.eventCount).write(to: folder.path("ContentB"), variant: "B")
        try folder.copy(TimelineCLI.packageRoot.appendingPathComponent("Templates"), as: "Templates")

        // The two references, built once each without interruption.
        var timings: [Double] = []
        var writeStage: [Double] = []
        for variant in ["A", "B"] {
            let start = Date()
            let outcome = try TimelineCLI.run(["build", "--content", "Content\(variant)", "--output", "Reference\(variant)", "--verbose"],
                                       in: folder.url)
            try #require(outcome.status == 0, "reference build \(variant) failed: \(outcome.stderr)")
            timings.append(Date().timeIntervalSince(start))
            // Pages are written into the staging folder as they are
            // rendered: it exists from the render stage to the swap.
            let output = outcome.stdout + outcome.stderr
            if let render = Self.stageSeconds("render", in: output), let write = Self.stageSeconds("write", in: output) {
                writeStage.append(render + write)
            }
        }
        let siteA = try SiteImage(folder.path("ReferenceA"))
        let siteB = try SiteImage(folder.path("ReferenceB"))
        try #require(siteA.files.count > SyntheticStory.eventCount && siteA != siteB)
        let duration = timings.max()!
        let writing = max(writeStage.max() ?? 0.3, 0.05)

        // Public/ starts as site A.
        try FileManager.default.copyItem(at: folder.path("ReferenceA"), to: folder.path("Public"))
        var current = siteA
        var random = SplitMix64(seed: Self.seed)
        var kills = 0, finished = 0, switched = 0, leftStaging = 0, cycles = 0
        while kills < Self.requiredKills, cycles < 3 * Self.requiredKills {
            cycles += 1
            let target = current == siteA ? "B" : "A"
            let process = Process()
            process.executableURL = TimelineCLI.binary
            process.arguments = ["build", "--content", "Content\(target)", "--quiet"]
            process.currentDirectoryURL = folder.url
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            let publicBefore = Self.inode(of: folder.path("Public"))
            try process.run()
            // A third of the kills anywhere in the build; a third in the
            // write stage, once this build's staging folder appears; a third
            // just after the swap (Public/ is another folder now), while the
            // old site is being deleted.
            let delay: Double
            let start = Date()
            switch random.next() % 3 {
            case 0:
                Thread.sleep(forTimeInterval: random.unit() * duration)
            case 1:
                Self.waitFor(".Public.staging-\(process.processIdentifier)", in: folder.url, while: process)
                Thread.sleep(forTimeInterval: random.unit() * writing)
            default:
                while process.isRunning, Self.inode(of: folder.path("Public")) == publicBefore {
                    Thread.sleep(forTimeInterval: 0.001)
                }
                Thread.sleep(forTimeInterval: random.unit() * 0.01)
            }
            delay = Date().timeIntervalSince(start)
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                kills += 1
            } else {
                finished += 1
            }
            process.waitUntilExit()

            let now = try SiteImage(folder.path("Public"))
            let which = now == siteA ? "A" : now == siteB ? "B" : nil
            try #require(which != nil, """
                cycle \(cycles) (seed \(Self.seed), kill after \(String(format: "%.3f", delay)) s): \
                Public/ is neither site: \(now.difference(from: target == "A" ? siteA : siteB))
                """)
            if which == target { switched += 1 }
            current = now
            if Self.leftovers(in: folder.url).contains(where: { $0.contains(".staging-") || $0.contains(".old-") }) { leftStaging += 1 }
        }
        #expect(kills >= Self.requiredKills, "only \(kills) of \(cycles) builds were still running when killed")

        // The next successful build cleans whatever the killed ones left.
        let target = current == siteA ? "B" : "A"
        let outcome = try TimelineCLI.run(["build", "--content", "Content\(target)"], in: folder.url)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(try SiteImage(folder.path("Public")) == (target == "A" ? siteA : siteB))
        #expect(Self.leftovers(in: folder.url).isEmpty, "left beside Public/: \(Self.leftovers(in: folder.url))")
        print("""
            InterruptionTests: \(SyntheticStory.eventCount) events, \(siteA.files.count) files; build \
            \(String(format: "%.2f", duration)) s, write stage \(String(format: "%.2f", writing)) s; \(cycles) cycles: \
            \(kills) killed mid-build (\(switched) after the swap), \(finished) finished first, \
            \(leftStaging) left staging behind; every time Public/ was site A or site B whole
            """)
    }

    /// A disk that fills up mid-write (RLIMIT_FSIZE makes every write past
    /// the limit fail with EFBIG, as a full disk fails with ENOSPC).
    /// Not under ThreadSanitizer: with a file-size limit set, its runtime
    /// faults (SIGBUS) in its own memory before the build writes anything.
    @Test(.disabled(if: Sanitizer.thread, "ThreadSanitizer's runtime faults under ulimit -f"))
    func aFullDiskGivesAClearErrorAndKeepsTheOldSite() throws {
        let workspace = try Workspace()
        #expect(try workspace.build().status == 0)
        let before = try SiteImage(workspace.folder.path("Public"))
        try workspace.edit("Content/events/geneva-meeting.md", replacing: "title: Envoys meet in Geneva", with: "title: Envoys meet again")
        // RLIMIT_FSIZE caps each file: at half the largest page's size, the
        // build writes smaller files into its staging folder, then one fails.
        // SIGXFSZ is ignored so that write fails with an error instead of killing the build.
        let blocks = before.files.values.map(\.count).max()! / 2 / 512
        let outcome = try TimelineCLI.runShell(
            "trap '' XFSZ; ulimit -f \(blocks); exec '\(TimelineCLI.binary.path)' build", in: workspace.url)
        #expect(outcome.status == 1)
        let errors = outcome.stderrLines.filter { $0.contains("cannot write the site") }
        #expect(errors.count == 1, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("error: the build stopped at the write stage with 1 error"), "\(outcome.stderr)")
        // Named by where the file would have gone, e.g. `Public/index.html: cannot write the site: file too large`.
        #expect(errors.first?.hasPrefix("Public/") == true, "\(outcome.stderr)")
        #expect(outcome.stderr.contains(": cannot write the site: file too large"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("the previous site was left in place"), "\(outcome.stderr)")
        #expect(try SiteImage(workspace.folder.path("Public")) == before)
        #expect(Self.leftovers(in: workspace.url).isEmpty, "\(Self.leftovers(in: workspace.url))")
        // With room again, the same build succeeds.
        #expect(try workspace.build().status == 0)
        #expect(try workspace.folder.read("Public/events/geneva-meeting/index.html").contains("Envoys meet again"))
    }

    /// A disk that fills up inside a file written in parts: the chronology,
    /// whose event lists are spliced in as it is written, and timeline.json,
    /// streamed a slice of events at a time after the pages. Each is made
    /// the largest file by far, so it is the one that fails.
    @Test(.disabled(if: Sanitizer.thread, "ThreadSanitizer's runtime faults under ulimit -f"),
          arguments: ["index.html", "timeline.json"])
    func aFullDiskInAStreamedFileKeepsTheOldSite(file: String) throws {
        let workspace = try Workspace()
        // The feeds carry only the newest event, so they are small.
        try workspace.edit("Content/site.yml", replacing: "author: Fixture Desk", with: "author: Fixture Desk\nfeed_limit: 1")
        if file == "index.html" {
            // After the lists, enough to make it the largest file by far
            // and to take several writes.
            try workspace.edit("Templates/index.mustache", replacing: "{{/years}}",
                               with: "{{/years}}\n<!--" + String(repeating: " padding", count: 25_000) + " -->")
        } else {
            try workspace.edit("Templates/index.mustache", replacing: "{{> event-list}}", with: "")
            // An old event with a long body: its slide makes timeline.json
            // larger than its own page, which shows the body once.
            try workspace.write("Content/events/long-body.md", "---\ntitle: Long\ndate: 1990-11-01\n---\nA short summary.\n\n"
                                + String(repeating: "A long body for a large slide.\n\n", count: 300))
        }
        #expect(try workspace.build().status == 0)
        let before = try SiteImage(workspace.folder.path("Public"))
        let sizes = before.files.mapValues(\.count)
        try #require(sizes.max(by: { $0.value < $1.value })?.key == file, "\(sizes.sorted { $0.value > $1.value }.prefix(3))")
        let secondLargest = sizes.filter { $0.key != file }.values.max()!
        try #require(sizes[file]! / 512 > secondLargest / 512 + 1)
        try workspace.edit("Content/events/geneva-meeting.md", replacing: "title: Envoys meet in Geneva", with: "title: Envoys meet again")
        // Every file but the largest fits; the largest fails part-way.
        let blocks = secondLargest / 512 + 1
        let outcome = try TimelineCLI.runShell(
            "trap '' XFSZ; ulimit -f \(blocks); exec '\(TimelineCLI.binary.path)' build", in: workspace.url)
        #expect(outcome.status == 1)
        let errors = outcome.stderrLines.filter { $0.contains("cannot write the site") }
        #expect(errors.count == 1 && errors[0].hasPrefix("Public/\(file): ") && errors[0].contains("cannot write the site: file too large"),
                "\(outcome.stderr)")
        #expect(try SiteImage(workspace.folder.path("Public")) == before)
        #expect(Self.leftovers(in: workspace.url).isEmpty, "\(Self.leftovers(in: workspace.url))")
    }

    /// A folder the build may not write in. Root may write anywhere, so as
    /// root the build runs as `nobody` (uid 65534) through setpriv.
    @Test func aPermissionErrorGivesAClearErrorAndKeepsTheOldSite() throws {
        let workspace = try Workspace()
        #expect(try workspace.build().status == 0)
        let before = try SiteImage(workspace.folder.path("Public"))
        try workspace.edit("Content/events/geneva-meeting.md", replacing: "title: Envoys meet in Geneva", with: "title: Envoys meet again")
        let root = geteuid() == 0
        let setpriv = ["/usr/bin/setpriv", "/bin/setpriv"].first { FileManager.default.isExecutableFile(atPath: $0) }
        if root { try #require(setpriv != nil, "setpriv (util-linux) is needed to drop root") }
        // Everyone may read the workspace; only its owner may write in it.
        _ = chmod(workspace.url.path, root ? 0o755 : 0o555)
        defer { _ = chmod(workspace.url.path, 0o755) }
        let command = root
            ? "exec \(setpriv!) --reuid=65534 --regid=65534 --clear-groups '\(TimelineCLI.binary.path)' build"
            : "exec '\(TimelineCLI.binary.path)' build"
        let outcome = try TimelineCLI.runShell(command, in: workspace.url)
        #expect(outcome.status == 1, "\(outcome.stdout)\(outcome.stderr)")
        #expect(outcome.stderr.contains("Public: cannot write the site: cannot create the staging folder ./.Public.staging-"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains(": permission denied (the previous site was left in place)"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("the previous site was left in place"), "\(outcome.stderr)")
        #expect(try SiteImage(workspace.folder.path("Public")) == before)
        #expect(Self.leftovers(in: workspace.url).isEmpty)
    }

    /// Polls every millisecond until `name` exists in `folder` or the build ended.
    static func waitFor(_ name: String, in folder: URL, while process: Process) {
        let path = folder.appendingPathComponent(name).path
        while process.isRunning, !FileManager.default.fileExists(atPath: path) { Thread.sleep(forTimeInterval: 0.001) }
    }

    static func inode(of url: URL) -> UInt64? {
        var info = stat()
        return stat(url.path, &info) == 0 ? UInt64(info.st_ino) : nil
    }

    /// Entries beside `Public/` that a build made: staging and old folders.
    static func leftovers(in folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasPrefix(".Public.") }.sorted()
    }

    /// Seconds of a stage in `--verbose` output (`  write  0.123 s` or similar).
    static func stageSeconds(_ stage: String, in output: String) -> Double? {
        for line in output.split(separator: "\n") {
            let words = line.split(whereSeparator: { $0 == " " || $0 == ":" || $0 == "\t" })
            guard let index = words.firstIndex(where: { $0.lowercased() == stage }) else { continue }
            if let number = words[(index + 1)...].lazy.compactMap({ Double($0.filter { "0123456789.".contains($0) }) }).first {
                return line.contains("ms") ? number / 1000 : number
            }
        }
        return nil
    }
}

/// A whole site folder: every file's relative path and bytes.
struct SiteImage: Equatable {
    let files: [String: Data]

    init(_ root: URL) throws { files = try snapshot(root) }

    /// What differs, in a few words, for a failure message.
    func difference(from other: SiteImage) -> String {
        let missing = Set(other.files.keys).subtracting(files.keys).sorted()
        let extra = Set(files.keys).subtracting(other.files.keys).sorted()
        let changed = files.keys.filter { other.files[$0] != nil && other.files[$0] != files[$0] }.sorted()
        return "\(files.count) files; missing \(missing.prefix(3)) (\(missing.count)), extra \(extra.prefix(3)) (\(extra.count)), "
            + "changed \(changed.prefix(3)) (\(changed.count))"
    }
}

/// A seeded generator (SplitMix64): the same kills every run.
struct SplitMix64 {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}

/// A synthetic story big enough that a debug build takes seconds: events
/// with Markdown bodies, each citing an article it quotes, naming people,
/// a place and tags. Variant B differs from A in every event's title.
struct SyntheticStory {
    static let eventCount = 500
    let events: Int
    var articles: Int { max(events / 10, 1) }
    let people = 40
    let places = 15
    static let tags = ["talks", "sanctions", "ceasefire", "energy", "prisoners", "aid", "summit", "statement"]
    static let words = ["envoy", "plan", "draft", "talks", "border", "deal", "sanctions", "delegation", "ministry",
                        "ceasefire", "proposal", "summit", "guarantees", "security", "report", "negotiators"]

    func write(to root: URL, variant: String) throws {
        var random = SplitMix64(seed: 42)
        var files: [String: String] = [:]
        files["site.yml"] = "title: Synthetic story\nlanguage: en\nbase_url: https://example.org/synthetic\n"
        func sentence(_ count: Int) -> String {
            var words: [String] = []
            for _ in 0..<count { words.append(Self.words[Int(random.next() % UInt64(Self.words.count))]) }
            return words.joined(separator: " ").prefix(1).uppercased() + words.joined(separator: " ").dropFirst() + "."
        }
        for p in 0..<people {
            files["people/person-\(p).md"] = "---\nname: Person \(p)\nrole: Envoy\ncountry: Country \(p % 7)\n---\nA negotiator.\n"
        }
        for p in 0..<places {
            files["places/place-\(p).md"] = "---\nname: Place \(p)\ncountry: Country \(p % 7)\ncoordinates: [\(40 + p), \(10 + p)]\n---\nA city.\n"
        }
        var quotes: [[String]] = []
        for a in 0..<articles {
            var body = ""
            var said: [String] = []
            for q in 0..<10 {
                let quote = "quote \(a)-\(q) \(sentence(5))"
                said.append(quote)
                body += "\(sentence(12)) An official said \"\(quote)\" later. \(sentence(20))\n\n"
            }
            quotes.append(said)
            let title = sentence(6)
            files["articles/article-\(a).md"] = """
                ---
                title: "Article \(a): \(title)"
                published: 2025-\(String(format: "%02d", a % 12 + 1))-28
                outlet: Outlet \(a % 5)
                url: https://example.org/articles/\(a)
                ---
                \(body)
                """
        }
        for e in 0..<events {
            let article = e % articles
            let month = e % 12 + 1, day = e % 28 + 1
            let title = variant == "A" ? "Event \(e): \(sentence(7))" : "Event \(e) (revised): \(sentence(7))"
            var body = ""
            for _ in 0..<3 { body += "\(sentence(25)) See [person](../people/person-\(e % people).md).\n\n" }
            body += "- \(sentence(8))\n- \(sentence(8))\n"
            files["events/event-\(e).md"] = """
                ---
                title: "\(title)"
                date: 20\(20 + e % 6)-\(String(format: "%02d", month))-\(String(format: "%02d", day))
                place: place-\(e % places)
                people: [person-\(e % people), person-\((e * 7 + 3) % people)]
                sources: [article-\(article)]
                tags: [\(Self.tags[e % Self.tags.count]), \(Self.tags[(e / 3) % Self.tags.count])]
                quotes:
                  - by: person-\(e % people)
                    text: "\(quotes[article][e % 10])"
                    source: article-\(article)
                ---
                \(body)
                """
        }
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }
}
