/// What the load stage hands on: `site.yml`'s text and every note's text,
/// plus the problems met while reading them.
public struct LoadedContent: Sendable {
    public var settingsPath: String
    public var settingsText: String?
    public var files: [SourceFile]
    /// The stamp each note file had when read, by path (not for symlinks).
    public var stamps: [String: FileStamp] = [:]
}

/// Reads a `Content/` folder as the contract lays it out. Every file in a note
/// folder must be a `SLUG.md`; anything else is reported, never skipped, so an
/// editor's `Moscow Meeting.md` does not silently vanish from the site.
public enum ContentLoader {
    /// Notes larger than this are refused: no note is that long, and reading
    /// one would stall every later stage.
    public static let maximumNoteBytes = 8 << 20

    /// `unchanged` may hand back a note read earlier when its file's stamp
    /// is the same, so a rebuild reads only what was edited.
    public static func load(
        from contentPath: String, unchanged: (String, FileStamp) -> SourceFile? = { _, _ in nil }
    ) -> (LoadedContent, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let settingsPath = join(contentPath, "site.yml")
        var content = LoadedContent(settingsPath: settingsPath, settingsText: nil, files: [])

        guard FileSystem.isDirectory(contentPath) else {
            diagnostics.append(Diagnostic(
                .error, file: contentPath, "content folder not found",
                hint: "create it with site.yml and events/, or pass --content DIR"))
            return (content, diagnostics)
        }
        let root: String
        do { root = try FileSystem.realPath(contentPath) } catch {
            diagnostics.append(Diagnostic(.error, file: contentPath, "cannot read content folder: \(error.reason)"))
            return (content, diagnostics)
        }

        switch readText(settingsPath, root: root) {
        case .success(let text): content.settingsText = text
        case .failure(let problem): diagnostics.append(problem)
        }

        let known = Set(NoteKind.allCases.map(\.folder) + ["site.yml", "media"])
        if let names = try? FileSystem.entries(of: contentPath) {
            for name in names where !known.contains(name) && !isIgnorable(name) {
                diagnostics.append(Diagnostic(
                    .warning, file: join(contentPath, name), "not part of the content format, ignored",
                    hint: Suggestion.hint(for: name, in: known) ?? "notes belong in articles/, events/, people/, places/ or documents/"))
            }
        }

        for kind in NoteKind.allCases {
            let folder = join(contentPath, kind.folder)
            // A folder that cannot be listed stands in for all its notes, so
            // each note naming one is not told again that it does not exist.
            func unreadableFolder(_ problem: Diagnostic) {
                diagnostics.append(problem)
                content.files.append(SourceFile(kind: kind, slug: Site.anySlug, path: folder, text: "", loadProblem: problem))
            }
            switch FileSystem.type(of: folder) {
            case .missing: continue
            case .symlink:
                let target: String
                do { target = try FileSystem.realPath(folder) } catch {
                    unreadableFolder(Diagnostic(.error, file: folder, "broken symbolic link: \(error.reason)",
                                                hint: "point it at a folder inside the content folder"))
                    continue
                }
                guard target.hasPrefix(root + "/") else {
                    unreadableFolder(Diagnostic(.error, file: folder, "symbolic link points outside the content folder",
                                                hint: "keep notes inside the content folder"))
                    continue
                }
            default: break
            }
            guard FileSystem.isDirectory(folder) else {
                unreadableFolder(Diagnostic(.error, file: folder, "expected a folder of notes, found a file",
                                            hint: "\(kind.folder)/ holds one SLUG.md per note"))
                continue
            }
            let names: [String]
            do { names = try FileSystem.entries(of: folder) } catch {
                unreadableFolder(Diagnostic(.error, file: folder, "cannot read folder: \(error.reason)"))
                continue
            }
            for name in names where !isIgnorable(name) {
                let path = join(folder, name)
                if FileSystem.resolvedType(of: path) == .directory, !name.hasSuffix(".md") {
                    diagnostics.append(Diagnostic(
                        .error, file: path, "a folder inside \(kind.folder)/ is not read",
                        hint: "notes go straight in \(kind.folder)/, one SLUG.md each"))
                    continue
                }
                guard let slug = slug(ofFileNamed: name, path: path, diagnostics: &diagnostics) else { continue }
                let stamp = FileSystem.type(of: path) == .file ? FileSystem.stamp(of: path) : nil
                if let stamp, let earlier = unchanged(path, stamp), earlier.loadProblem == nil {
                    content.stamps[path] = stamp
                    content.files.append(earlier)
                    continue
                }
                switch readText(path, root: root) {
                case .success(let text):
                    // Only a file read whole is remembered by its stamp: one
                    // made readable again (chmod) keeps its stamp.
                    if let stamp { content.stamps[path] = stamp }
                    content.files.append(SourceFile(kind: kind, slug: slug, path: path, text: text))
                case .failure(let problem):
                    diagnostics.append(problem)
                    content.files.append(SourceFile(kind: kind, slug: slug, path: path, text: "", loadProblem: problem))
                }
            }
        }
        return (content, diagnostics)
    }

    /// Editor droppings (`.DS_Store`, `.#note.md`, `note.md~`, `.note.md.swp`)
    /// are not notes. A dotfile ending in `.md`, like `..md`, is an error instead.
    static func isIgnorable(_ name: String) -> Bool {
        if name.hasSuffix("~") { return true }
        return name.hasPrefix(".") && !name.hasSuffix(".md")
    }

    static func slug(ofFileNamed name: String, path: String, diagnostics: inout [Diagnostic]) -> String? {
        guard name.hasSuffix(".md") else {
            // `Talks.MD`, `talks.markdown`: a note under another extension.
            let lower = name.lowercased()
            let stem = lower.hasSuffix(".md") ? String(name.dropLast(3))
                : lower.hasSuffix(".markdown") ? String(name.dropLast(9)) : nil
            let better = stem.map(Slug.suggestion(for:)) ?? ""
            diagnostics.append(Diagnostic(
                .error, file: path, "only Markdown notes belong here",
                hint: better.isEmpty ? "rename it to SLUG.md or move it out of Content/" : "rename it to '\(better).md'"))
            return nil
        }
        let slug = String(name.dropLast(3))
        guard Slug.isValid(slug) else {
            let better = Slug.suggestion(for: slug)
            diagnostics.append(Diagnostic(
                .error, file: path,
                "invalid file name '\(name)': a slug uses only lowercase a-z, 0-9 and single hyphens",
                hint: better.isEmpty ? "name it like moscow-meeting.md" : "rename it to '\(better).md'"))
            return nil
        }
        return slug
    }

    /// Reads one file, refusing what cannot be a note: a symlink out of the
    /// content folder or in a loop, a folder, an oversized or unreadable file.
    static func readText(_ path: String, root: String) -> Result<String, Diagnostic> {
        switch FileSystem.type(of: path) {
        case .missing:
            return .failure(Diagnostic(.error, file: path, "file not found", hint: path.hasSuffix("site.yml") ? "create site.yml with at least 'title: ...'" : nil))
        case .directory:
            return .failure(Diagnostic(.error, file: path, "expected a file, found a folder",
                                       hint: path.hasSuffix("site.yml") ? "site.yml is a file of settings, like 'title: ...'" : "notes are files named SLUG.md"))
        case .symlink:
            let target: String
            do { target = try FileSystem.realPath(path) } catch {
                return .failure(Diagnostic(.error, file: path, "broken symbolic link: \(error.reason)", hint: "point it at a file inside the content folder"))
            }
            guard target.hasPrefix(root + "/") else {
                return .failure(Diagnostic(.error, file: path, "symbolic link points outside the content folder", hint: "copy the file into the content folder instead"))
            }
            guard FileSystem.resolvedType(of: target) == .file else {
                return .failure(Diagnostic(.error, file: path, "symbolic link does not point to a file"))
            }
        case .other:
            return .failure(Diagnostic(.error, file: path, "not a regular file (a device, socket or pipe)",
                                       hint: "a note is a plain text file"))
        case .file:
            break
        }
        if let size = FileSystem.size(of: path), size > maximumNoteBytes {
            return .failure(Diagnostic(
                .error, file: path, "file is \(size / (1 << 20)) MiB, larger than the \(maximumNoteBytes >> 20) MiB a note may be",
                hint: "split it or shorten it"))
        }
        let bytes: [UInt8]
        do { bytes = try FileSystem.readBytes(path) } catch {
            return .failure(Diagnostic(.error, file: path, "cannot read file: \(error.reason)"))
        }
        return SourceText.decode(bytes, path: path)
    }

    /// The path of `name` in `folder`, as every path of a note is spelt
    /// (the watcher's too, so a changed path finds its note).
    public static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }
}
