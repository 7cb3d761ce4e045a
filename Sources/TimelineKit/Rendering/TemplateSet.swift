import TimelineTemplates

/// The user's `Templates/` folder, parsed once per build into our template
/// engine's compiled form. Every template is checked up front, so a syntax
/// error or a partial that does not exist is a diagnostic with its file and
/// line, not a page that silently renders blank.
public struct TemplateSet: Sendable {
    /// Page templates the renderer needs; partials and the layout are the
    /// user's to name as they like.
    public static let requiredPages = [
        "index", "event", "articles", "article", "people", "person", "places", "place",
        "documents", "document", "tags", "tag", "key-moments", "changes", "404",
    ]

    let library: TemplateLibrary
    public let folder: String
    /// Each template's text by name: a rebuild compares them to know when
    /// every page must be rendered again.
    public let sources: [String: String]

    /// Reads and parses the folder; when its text is what `previous` was
    /// parsed from (serve's rebuilds), that parse is reused.
    public static func load(from folder: String, reusing previous: TemplateSet? = nil) -> (TemplateSet?, [Diagnostic]) {
        guard FileSystem.isDirectory(folder) else {
            return (nil, [Diagnostic(.error, file: folder, "templates folder not found",
                                     hint: "pass --templates DIR or restore Templates/ from the project")])
        }
        let names: [String]
        do { names = try FileSystem.entries(of: folder) } catch {
            return (nil, [Diagnostic(.error, file: folder, "cannot read templates folder: \(error.reason)")])
        }
        var diagnostics: [Diagnostic] = []
        var sources: [String: (path: String, text: String)] = [:]
        for file in names where file.hasSuffix(".mustache") {
            let name = String(file.dropLast(".mustache".count))
            let path = ContentLoader.join(folder, file)
            do {
                switch SourceText.decode(try FileSystem.readBytes(path), path: path) {
                case .success(let text): sources[name] = (path, text)
                case .failure(let problem): diagnostics.append(problem)
                }
            } catch {
                diagnostics.append(Diagnostic(.error, file: path, "cannot read template: \(error.reason)"))
            }
        }
        if let previous, previous.folder == folder, diagnostics.isEmpty, previous.sources == sources.mapValues(\.text) {
            return (previous, [])
        }
        var library: TemplateLibrary?
        do throws(TemplateErrors) {
            library = try TemplateLibrary(templates: sources.mapValues(\.text))
        } catch {
            for problem in error.errors {
                diagnostics.append(Diagnostic(
                    .error, file: sources[problem.template]?.path ?? ContentLoader.join(folder, problem.template + ".mustache"),
                    line: problem.line, column: problem.column,
                    "template syntax error: \(problem.message)", hint: "check the {{...}} tags on this line"))
            }
        }
        for page in requiredPages where sources[page] == nil
            && !diagnostics.contains(where: { $0.file.hasSuffix("/\(page).mustache") }) {
            diagnostics.append(Diagnostic(.error, file: ContentLoader.join(folder, "\(page).mustache"),
                                          "template not found", hint: "every page kind needs its template"))
        }
        for (_, source) in sources.sorted(by: { $0.key < $1.key }) {
            diagnostics += PartialReferences.missing(in: source.text, path: source.path, known: Set(sources.keys))
        }
        guard !diagnostics.contains(where: { $0.severity == .error }), let library else { return (nil, diagnostics) }
        return (TemplateSet(library: library, folder: folder, sources: sources.mapValues(\.text)), diagnostics)
    }

    /// Renders the template `name` with `context`, appending to `out`.
    func render(_ name: String, _ context: TemplateValue, into out: inout [UInt8]) {
        library.render(name, context, into: &out)
    }
}

/// Finds `{{> name}}` and `{{< name}}` tags, so a partial that does not exist
/// is reported with its line instead of rendering as nothing.
enum PartialReferences {
    static func missing(in text: String, path: String, known: Set<String>) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (line, lineText) in TemplateTags.numberedLines(text) {
            for (column, tag) in TemplateTags.tags(in: lineText) {
                guard let sigil = tag.first, sigil == ">" || sigil == "<" else { continue }
                let name = tag.dropFirst().trimmingCharactersInSpaces
                if !name.isEmpty, !name.hasPrefix("*"), !known.contains(name) {
                    diagnostics.append(Diagnostic(
                        .error, file: path, line: line, column: column, "partial '\(name)' not found",
                        hint: Suggestion.hint(for: name, in: known) ?? "create \(name).mustache beside it"))
                }
            }
        }
        return diagnostics
    }
}

extension Substring {
    var trimmingCharactersInSpaces: String { String(self).trimmingSpaces }
}
