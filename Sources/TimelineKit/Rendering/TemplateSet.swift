import Mustache

/// The user's `Templates/` folder, parsed once per build. Every template is
/// checked up front, so a syntax error or a partial that does not exist is a
/// diagnostic with its file and line, not a page that silently renders blank.
public struct TemplateSet: Sendable {
    /// Page templates the renderer needs; partials and the layout are the
    /// user's to name as they like.
    public static let requiredPages = [
        "index", "event", "articles", "article", "people", "person", "places", "place",
        "documents", "document", "tags", "tag", "404",
    ]

    let library: MustacheLibrary
    public let folder: String
    /// Each template's text by name: a rebuild compares them to know when
    /// every page must be rendered again.
    public let sources: [String: String]

    public static func load(from folder: String) -> (TemplateSet?, [Diagnostic]) {
        _ = FastHTMLEscaping.registered
        guard FileSystem.isDirectory(folder) else {
            return (nil, [Diagnostic(.error, file: folder, "templates folder not found",
                                     hint: "pass --templates DIR or restore Templates/ from the project")])
        }
        let names: [String]
        do { names = try FileSystem.entries(of: folder) } catch {
            return (nil, [Diagnostic(.error, file: folder, "cannot read templates folder: \(error.reason)")])
        }
        var diagnostics: [Diagnostic] = []
        var templates: [String: MustacheTemplate] = [:]
        var sources: [String: (path: String, text: String)] = [:]
        for file in names where file.hasSuffix(".mustache") {
            let name = String(file.dropLast(".mustache".count))
            let path = ContentLoader.join(folder, file)
            let text: String
            do {
                switch SourceText.decode(try FileSystem.readBytes(path), path: path) {
                case .success(let decoded): text = decoded
                case .failure(let problem): diagnostics.append(problem); continue
                }
            } catch {
                diagnostics.append(Diagnostic(.error, file: path, "cannot read template: \(error.reason)"))
                continue
            }
            do {
                templates[name] = try MustacheTemplate(string: text)
                sources[name] = (path, text)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(Diagnostic(
                    .error, file: path, line: error.context.lineNumber, column: error.context.columnNumber,
                    "template syntax error: \(describe(error.error))", hint: "check the {{...}} tags on this line"))
            } catch {
                diagnostics.append(Diagnostic(.error, file: path, "template syntax error: \(error)"))
            }
        }
        for page in requiredPages where templates[page] == nil && sources[page] == nil
            && !diagnostics.contains(where: { $0.file.hasSuffix("/\(page).mustache") }) {
            diagnostics.append(Diagnostic(.error, file: ContentLoader.join(folder, "\(page).mustache"),
                                          "template not found", hint: "every page kind needs its template"))
        }
        for (_, source) in sources.sorted(by: { $0.key < $1.key }) {
            diagnostics += PartialReferences.missing(in: source.text, path: source.path, known: Set(sources.keys))
        }
        guard !diagnostics.contains(where: { $0.severity == .error }) else { return (nil, diagnostics) }
        return (TemplateSet(library: MustacheLibrary(templates: templates), folder: folder,
                            sources: sources.mapValues(\.text)), diagnostics)
    }

    /// Renders the page template `name` with `context`.
    public func render(_ name: String, _ context: [String: Any]) -> String {
        library.render(context, withTemplate: name) ?? ""
    }

    private static func describe(_ error: Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect?: return "a section is closed with the wrong name"
        case .unfinishedName?: return "a tag is not closed"
        case .expectedSectionEnd?: return "a section is opened but never closed"
        case .invalidSetDelimiter?: return "invalid set-delimiter tag"
        default: return String(describing: error)
        }
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
