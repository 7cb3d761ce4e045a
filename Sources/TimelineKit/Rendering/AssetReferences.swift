/// Finds the assets the templates link to (`{{root}}assets/filter.js`, and
/// `{{stylesheet}}`, which is `assets/style.css`) that `Templates/assets/`
/// does not hold: the site would build, and every page would link to a file
/// that is not there. A warning, with the template's line, not an error: a
/// restyled site may drop its script on purpose while it is being reworked.
enum AssetReferences {
    /// The file `{{stylesheet}}` links to, under `assets/`.
    static let stylesheet = "style.css"

    static func missing(in templates: TemplateSet, assets: [RenderedFile]) -> [Diagnostic] {
        let present = Set(assets.map(\.path))
        var diagnostics: [Diagnostic] = []
        for (name, text) in templates.sources.sorted(by: { $0.key < $1.key }) {
            let path = ContentLoader.join(templates.folder, "\(name).mustache")
            for (line, lineText) in TemplateTags.numberedLines(text) {
                for (column, asset, viaVariable) in references(in: lineText) where !present.contains(asset) {
                    let message = viaVariable
                        ? "{{stylesheet}} links to \(asset), which is not in Templates/assets/"
                        : "\(asset) is not in Templates/assets/"
                    diagnostics.append(Diagnostic(.warning, file: path, line: line, column: column, message,
                                                  hint: "add the file there, or every page using this template links to a missing file"))
                }
            }
        }
        return diagnostics
    }

    /// Each `assets/PATH` written in the line, and each `{{stylesheet}}`,
    /// with its 1-based column.
    private static func references(in line: Substring) -> [(column: Int, asset: String, viaVariable: Bool)] {
        var found: [(Int, String, Bool)] = []
        var rest = line[...]
        while let hit = rest.firstRange(of: "assets/") {
            let pathEnd = rest[hit.upperBound...].firstIndex { !isPathCharacter($0) } ?? rest.endIndex
            // A bare `assets/` names the folder, not a file; one inside a
            // longer path (`https://example.org/assets/…`) is not ours.
            if pathEnd > hit.upperBound, startsALink(line, at: hit.lowerBound) {
                found.append((TemplateTags.column(of: hit.lowerBound, in: line), String(rest[hit.lowerBound..<pathEnd]), false))
            }
            rest = rest[pathEnd...]
        }
        for (column, tag) in TemplateTags.tags(in: line) {
            // {{stylesheet}}, {{ stylesheet }}, {{{stylesheet}}} and {{&stylesheet}} all render it.
            var name = tag.trimmingCharactersInSpaces[...]
            if let sigil = name.first, sigil == "{" || sigil == "&" { name = name.dropFirst() }
            if name.trimmingCharactersInSpaces == "stylesheet" { found.append((column, "assets/" + stylesheet, true)) }
        }
        return found.sorted { $0.0 < $1.0 }
    }

    /// After `{{root}}`, a quote, `=`, `(` or a space, or at the start of
    /// the line: where a link into the site's own `assets/` begins.
    private static func startsALink(_ line: Substring, at index: Substring.Index) -> Bool {
        guard index > line.startIndex else { return true }
        let before = line[line.index(before: index)]
        return before == "}" || before == "\"" || before == "'" || before == "=" || before == "(" || before.isWhitespace
    }

    private static func isPathCharacter(_ character: Character) -> Bool {
        guard character.isASCII else { return false }
        return character.isLetter || character.isNumber || "._-/~".contains(character)
    }
}
