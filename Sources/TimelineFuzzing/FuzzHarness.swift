#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import TimelineKit

/// What the fuzz target (`timeline-fuzz`, run by `scripts/fuzz`) does with
/// one input, kept apart from libFuzzer's entry point so the regression tests
/// replay found crashes through exactly the same code.
///
/// The first byte picks what is fuzzed:
/// - `0x01`: `DateExpressions.find` over the rest as an article's text; its
///   first line, if it is a valid `YYYY[-MM[-DD]]`, is the publication date.
/// - `0x02`: `EventDate.parse` and `PartialDate.parse` of the rest.
/// - `0x03`: the rest is an event note saved over a valid one while `serve`'s
///   `BuildCache` is kept between builds: the incremental rebuild must
///   produce exactly what a fresh build does, and so must the rebuild after
///   the note is put back.
/// - anything else: the whole input is an event note (front matter and body)
///   put into a small valid site (site.yml, one article, one person, one
///   place) and taken through every stage a build runs up to writing:
///   load (decoding), parse, assemble, link, Markdown, the real templates,
///   render, plus the editorial review of `timeline check`.
///
/// Beyond "does not crash", each mode checks what must hold of any output,
/// and traps (which libFuzzer reports as a crash) when it does not.
public enum FuzzHarness {
    public static let dateExpressionsMode: UInt8 = 0x01
    public static let eventDateMode: UInt8 = 0x02
    public static let incrementalMode: UInt8 = 0x03

    public static func run(_ bytes: [UInt8]) {
        switch bytes.first {
        case dateExpressionsMode?: fuzzDateExpressions(Array(bytes.dropFirst()))
        case eventDateMode?: fuzzEventDate(Array(bytes.dropFirst()))
        case incrementalMode?: fuzzIncremental(Array(bytes.dropFirst()))
        default: fuzzNote(bytes)
        }
    }

    // MARK: - A note through the whole build

    /// The fixed rest of the site, in a temporary folder made once.
    static let site = FuzzSite()

    /// The real `Templates/`, parsed once.
    static let templates: TemplateSet = {
        let folder = ProcessInfo.processInfo.environment["TIMELINE_FUZZ_TEMPLATES"] ?? packageRoot + "/Templates"
        let (templates, problems) = TemplateSet.load(from: folder)
        guard let templates else { fatalError("timeline-fuzz: cannot load templates from \(folder): \(problems)") }
        return templates
    }()

    static let packageRoot: String = {
        // Sources/TimelineFuzzing/FuzzHarness.swift → the package root.
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    static func fuzzNote(_ bytes: [UInt8]) {
        site.writeNote(bytes)
        let (content, loadProblems) = ContentLoader.load(from: site.contentPath)
        let parsed = content.files.map { ParsedNote.parse($0) }
        let (assembled, parseProblems) = SiteParser.assemble(
            settingsText: content.settingsText, settingsPath: content.settingsPath, notes: parsed)
        var diagnostics = loadProblems + parseProblems
        guard let assembled else {
            require(diagnostics.contains { $0.severity == .error }, "no site and no error")
            return
        }
        let (chronology, linkProblems) = Linker.link(assembled, includeDrafts: bytes.count % 2 == 0)
        let (bodies, markdownProblems) = NoteBodies.render(chronology)
        diagnostics += linkProblems + markdownProblems
        for diagnostic in diagnostics {
            _ = diagnostic.description  // every message formats
            require(diagnostic.line >= 0 && diagnostic.column >= 0, "negative location in \(diagnostic)")
        }
        guard !diagnostics.contains(where: { $0.severity == .error }) else { return }
        // The fixed rest of the site is valid, so any error comes from the note.
        _ = EditorialReview.warnings(chronology)
        _ = DateCrossCheck.contradictions(chronology)

        let files = SiteRenderer.render(chronology, bodies: bodies, templates: templates)
        require(!files.isEmpty, "a successful build rendered nothing")
        var paths = Set<String>()
        for file in files {
            require(paths.insert(file.path).inserted, "two files at \(file.path)")
            require(!file.path.hasPrefix("/") && !file.path.split(separator: "/").contains(".."), "path escapes the site: \(file.path)")
            require(String(validating: file.bytes, as: UTF8.self) != nil, "\(file.path) is not valid UTF-8")
            if file.path.hasSuffix(".html") {
                require(endsWithHTMLClose(file.bytes), "\(file.path) does not end with </html>")
            } else if file.path.hasSuffix(".json") {
                require((try? JSONSerialization.jsonObject(with: Data(file.bytes))) != nil, "\(file.path) is not valid JSON")
            }
        }
    }

    private static func endsWithHTMLClose(_ bytes: [UInt8]) -> Bool {
        var end = bytes.endIndex
        while end > bytes.startIndex, [0x0A, 0x0D, 0x20].contains(bytes[end - 1]) { end -= 1 }
        return bytes[..<end].suffix(7).elementsEqual("</html>".utf8)
    }

    // MARK: - An edit under serve: incremental rebuild against a fresh build

    /// Half the inputs (by length) tell the session which file changed, as
    /// `serve`'s watcher does, so an edit below the front matter is patched
    /// into the last build; the other half take the rebuild that compares.
    static func fuzzIncremental(_ bytes: [UInt8]) {
        let options = BuildOptions(contentPath: site.contentPath, templatesPath: templates.folder, outputPath: site.root + "/Public")
        var cache = BuildCache()
        let changed: Set<String>? = bytes.count.isMultiple(of: 2) ? [site.notePath] : nil
        site.writeNote(Array(FuzzSite.baseNote.utf8))
        let base = Pipeline.render(options, cache: &cache)
        require(base.succeeded, "the base site does not build: \(base.diagnostics.errors)")
        site.writeNote(bytes)
        let edited = Pipeline.render(options, cache: &cache, changed: changed)
        requireSame(edited, Pipeline.render(options), "after the edit")
        site.writeNote(Array(FuzzSite.baseNote.utf8))
        requireSame(Pipeline.render(options, cache: &cache, changed: changed), base, "after the edit was undone")
    }

    private static func requireSame(_ incremental: BuildResult, _ fresh: BuildResult, _ when: String) {
        let a = incremental.diagnostics.diagnostics.map(\.description).sorted()
        let b = fresh.diagnostics.diagnostics.map(\.description).sorted()
        require(a == b, "\(when), the rebuild reports \(a), a fresh build \(b)")
        guard incremental.files != fresh.files else { return }
        let paths = Set(incremental.files.map(\.path)).symmetricDifference(fresh.files.map(\.path))
        let freshByPath = Dictionary(fresh.files.map { ($0.path, $0.bytes) }, uniquingKeysWith: { a, _ in a })
        let changed = incremental.files.first { freshByPath[$0.path] != nil && freshByPath[$0.path] != $0.bytes }?.path
        require(false, "\(when), the rebuild differs from a fresh build: files only in one \(paths.sorted().prefix(5)), first differing \(changed ?? "none")")
    }

    // MARK: - Dates in an article's text

    static let defaultPublication = PartialDate(year: 2025, month: 12, day: 2)

    static func fuzzDateExpressions(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        let firstLine = String(text.prefix { $0 != "\n" })
        let published = (try? PartialDate.parse(firstLine)) ?? defaultPublication
        let mentions = DateExpressions.find(in: text, published: published)
        let utf8 = Array(text.utf8)
        var previousEnd = 0
        for mention in mentions {
            let length = mention.phrase.utf8.count
            require(length > 0, "empty phrase at \(mention.offset)")
            require(mention.offset >= previousEnd, "mentions overlap or go backwards at \(mention.offset)")
            require(mention.offset + length <= utf8.count, "phrase runs past the text at \(mention.offset)")
            require(utf8[mention.offset..<(mention.offset + length)].elementsEqual(mention.phrase.utf8),
                    "phrase '\(mention.phrase)' is not the text at \(mention.offset)")
            require(mention.date.end.map { $0.lastDay >= mention.date.start.firstDay } ?? true,
                    "backwards range for '\(mention.phrase)'")
            checkValid(mention.date.start)
            if let end = mention.date.end { checkValid(end) }
            previousEnd = mention.offset + length
        }
    }

    // MARK: - The date field

    static func fuzzEventDate(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        if let date = try? EventDate.parse(text) {
            checkValid(date.start)
            if let end = date.end { checkValid(end) }
            let again = try? EventDate.parse(date.isoString)
            require(again == date, "'\(text)' parsed to \(date.isoString), which parses to \(String(describing: again?.isoString))")
        }
        if let partial = try? PartialDate.parse(text) {
            checkValid(partial)
            require((try? PartialDate.parse(partial.isoString)) == partial, "'\(text)' does not round-trip")
        }
    }

    static func checkValid(_ date: PartialDate) {
        if let month = date.month { require((1...12).contains(month), "month \(month)") }
        if let day = date.day {
            require(date.month != nil, "a day without a month")
            let month = date.month!
            let leap = date.year % 4 == 0 && (date.year % 100 != 0 || date.year % 400 == 0)
            let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
            require((1...days).contains(day), "day \(day) of month \(month) of \(date.year)")
        }
    }

    /// A failed property: print what failed and trap, so libFuzzer saves the input.
    static func require(_ condition: Bool, _ message: @autoclosure () -> String) {
        guard !condition else { return }
        fatalError("timeline-fuzz property failed: \(message())")
    }
}

/// The fixed part of the fuzzed site, written once into a temporary folder;
/// each input replaces `events/fuzz-note.md`.
final class FuzzSite: @unchecked Sendable {
    let root: String
    var contentPath: String { root + "/Content" }
    var notePath: String { contentPath + "/events/fuzz-note.md" }

    init() {
        var template = Array((NSTemporaryDirectory() + "/timeline-fuzz-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { fatalError("timeline-fuzz: cannot make a temporary folder") }
        root = String(cString: made)
        for (path, text) in FuzzSite.files {
            let full = contentPath + "/" + path
            try! FileManager.default.createDirectory(
                atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try! Data(text.utf8).write(to: URL(fileURLWithPath: full))
        }
        try! FileManager.default.createDirectory(atPath: contentPath + "/events", withIntermediateDirectories: true)
        // Removed at exit, also when libFuzzer ends the run with exit().
        FuzzSite.cleanupRoot = root
        atexit { if let root = FuzzSite.cleanupRoot { _ = try? FileManager.default.removeItem(atPath: root) } }
    }

    nonisolated(unsafe) static var cleanupRoot: String?

    /// A valid event, for the incremental mode to start from.
    static let baseNote = """
        ---
        title: Envoys meet in Geneva
        date: 2025-11-23
        place: geneva
        people: [anna-envoy]
        sources: [wire-report]
        tags: [talks]
        quotes:
          - by: anna-envoy
            text: "very productive"
            source: wire-report
        ---
        They met [in Geneva](../places/geneva.md).

        """

    private var saves = 0

    /// Writes the note and gives it a modification time of its own, so a
    /// rebuild that goes by file stamps always sees the change (two writes
    /// within one clock tick, of the same size, would otherwise look alike).
    func writeNote(_ bytes: [UInt8]) {
        defer {
            saves += 1
            var times = [timespec(tv_sec: 1_700_000_000 + saves, tv_nsec: 0), timespec(tv_sec: 1_700_000_000 + saves, tv_nsec: 0)]
            _ = utimensat(AT_FDCWD, notePath, &times, 0)
        }
        let fd = open(notePath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        precondition(fd >= 0, "timeline-fuzz: cannot write \(notePath)")
        defer { close(fd) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + written, $0.count - written) }
            precondition(count > 0, "timeline-fuzz: cannot write \(notePath)")
            written += count
        }
    }

    static let files: [(String, String)] = [
        ("site.yml", """
            title: "Fuzzed & Timeline"
            description: "One note at a time."
            language: en-GB
            author: Fuzz Desk
            base_url: https://example.org/fuzz

            """),
        ("articles/wire-report.md", """
            ---
            title: "Envoys meet in Geneva"
            published: 2025-11-24
            outlet: Wire Service
            author: A. Reporter
            url: https://example.org/wire/geneva
            ---
            The envoys met in Geneva “for hours” on Sunday, officials said, and
            again on 2 December; talks had begun last month.

            One official called the session “very productive” and said a
            deal was “not far away”.

            """),
        ("people/anna-envoy.md", """
            ---
            name: Anna Envoy
            role: Special envoy
            country: Freedonia
            ---
            An envoy.

            """),
        ("places/geneva.md", """
            ---
            name: Geneva
            country: Switzerland
            coordinates: [46.2044, 6.1432]
            ---
            A city.

            """),
    ]
}

/// Reading the committed inputs: `Fuzz/corpus/` (seeds) and
/// `Fuzz/regressions/` (every crash the fuzzer found, kept after the fix).
public enum FuzzInput {
    /// Through FileHandle: `FileManager.contents(atPath:)` leaks its buffer
    /// for an empty file, and the seeds include one.
    public static func read(_ path: String) -> [UInt8]? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        do { return Array(try handle.readToEnd() ?? Data()) } catch { return nil }
    }

    /// The files of a folder of `Fuzz/`, sorted, without dotfiles and READMEs.
    public static func files(in folder: String) -> [String] {
        let path = FuzzHarness.packageRoot + "/Fuzz/" + folder
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.filter { !$0.hasPrefix(".") && $0 != "README.md" }.sorted().map { path + "/" + $0 }
    }
}
