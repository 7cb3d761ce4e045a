import Testing
@testable import TimelineKit

// Small builders shared by the unit tests: notes are written as the editor
// would write them and run through the real parse stage, so locations in
// diagnostics are the ones a user would see.

/// The path the loader would give a note of `kind` named `slug`.
func notePath(_ kind: NoteKind, _ slug: String) -> String {
    "Content/\(kind.folder)/\(slug).md"
}

/// A note as the loader hands it on: front matter `fields`, then `body`.
func note(_ kind: NoteKind, _ slug: String, _ fields: String, body: String = "") -> SourceFile {
    SourceFile(kind: kind, slug: slug, path: notePath(kind, slug), text: "---\n\(fields)\n---\n\(body)")
}

func article(_ slug: String, body: String, published: String = "2025-12-02") -> SourceFile {
    note(.article, slug, "title: \"\(slug)\"\npublished: \(published)", body: body)
}

func person(_ slug: String) -> SourceFile { note(.person, slug, "name: \"\(slug)\"") }
func place(_ slug: String) -> SourceFile { note(.place, slug, "name: \"\(slug)\"") }

func document(_ slug: String, supersedes: String? = nil) -> SourceFile {
    note(.document, slug, "title: \"\(slug)\"" + (supersedes.map { "\nsupersedes: \($0)" } ?? ""))
}

/// An event with `title` and `date`, plus any further front matter lines.
func event(
    _ slug: String, title: String = "Event", date: String = "2025-12-02", _ more: String = "", body: String = ""
) -> SourceFile {
    note(.event, slug, "title: \"\(title)\"\ndate: \"\(date)\"" + (more.isEmpty ? "" : "\n" + more), body: body)
}

/// Runs the parse stage over in-memory notes.
func parseSite(_ files: [SourceFile], settings: String = "title: Test\n") -> (Site?, [String]) {
    let content = LoadedContent(settingsPath: "Content/site.yml", settingsText: settings, files: files)
    let (site, diagnostics) = SiteParser.parse(content)
    return (site, diagnostics.map(\.description))
}

/// Runs the parse stage over in-memory notes; the notes must be valid.
func makeSite(_ files: [SourceFile], settings: String = "title: Test\n",
              sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Site {
    let (site, diagnostics) = parseSite(files, settings: settings)
    #expect(diagnostics == [], sourceLocation: sourceLocation)
    return try #require(site, sourceLocation: sourceLocation)
}

/// Parses and links; returns the chronology and the link stage's messages.
func link(_ files: [SourceFile], includeDrafts: Bool = false, settings: String = "title: Test\n") throws -> (Chronology, [String]) {
    let (chronology, diagnostics) = Linker.link(try makeSite(files, settings: settings), includeDrafts: includeDrafts)
    return (chronology, diagnostics.map(\.description))
}

/// A `FieldReader` over front matter YAML that starts on line 2, as in a note.
func fields(_ yaml: String, file: String = "note.md") -> (FieldReader?, [Diagnostic]) {
    FieldReader.parse(yaml: yaml, file: file, firstLine: 2)
}
