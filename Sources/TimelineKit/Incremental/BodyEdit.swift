/// One changed file, seen against the note a session last read from it.
/// The commonest edit while writing is words changed below a note's front
/// matter; such an edit cannot move, add, rename or unlink anything, so a
/// session can patch the pages that show that body instead of building
/// again (see `BodyEditPatch`).
enum NoteChange {
    /// Nothing a build reads changed: an editor's backup file, a file
    /// created and removed again, a note saved with the same text.
    case unchanged(restamped: (path: String, note: BuildCache.Note)?)
    /// The note's body changed and nothing above it.
    case body(BodyEdit)

    /// What changed at `path`; nil when it may be anything else (a new,
    /// removed or unreadable note, front matter, an article, whose text
    /// quotes are checked against, `site.yml`, a template), which only a
    /// full build handles.
    static func at(_ path: String, contentPath: String, contentRoot: String,
                   notes: [String: BuildCache.Note]) -> NoteChange? {
        guard let slash = path.lastIndex(of: "/") else { return nil }
        let folder = String(path[..<slash]), name = String(path[path.index(after: slash)...])
        guard let kind = NoteKind.allCases.first(where: { ContentLoader.join(contentPath, $0.folder) == folder }) else { return nil }
        if ContentLoader.isIgnorable(name) { return NoteChange.unchanged(restamped: nil) }
        guard let cached = notes[path] else {
            // Anything else in a note folder is a note or an error, so a
            // path the last build did not read, and which is gone, changed
            // nothing it showed.
            return FileSystem.type(of: path) == .missing ? NoteChange.unchanged(restamped: nil) : nil
        }
        guard kind != .article, FileSystem.type(of: path) == .file, let stamp = FileSystem.stamp(of: path) else { return nil }
        if stamp == cached.stamp { return NoteChange.unchanged(restamped: nil) }
        guard case .success(let text) = ContentLoader.readText(path, root: contentRoot) else { return nil }
        let file = SourceFile(kind: kind, slug: cached.file.slug, path: path, text: text)
        let parsed = text == cached.file.text ? cached.parsed : ParsedNote.parse(file)
        let note = BuildCache.Note(stamp: stamp, file: file, parsed: parsed)
        // The same warnings, and the same note but for its body.
        guard parsed.1 == cached.parsed.1, parsed.0.matchesAboveBody(cached.parsed.0), let source = parsed.0.source else { return nil }
        if text == cached.file.text || source.body == cached.parsed.0.source?.body {
            return NoteChange.unchanged(restamped: (path, note))
        }
        return .body(BodyEdit(path: path, kind: kind, source: source, note: note))
    }
}

/// A note whose body alone changed, as read anew.
struct BodyEdit {
    let path: String
    let kind: NoteKind
    let source: NoteSource
    /// The note as the session will remember it.
    let note: BuildCache.Note

    var slug: String { source.slug }
}
