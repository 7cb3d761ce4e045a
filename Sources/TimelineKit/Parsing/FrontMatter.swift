import Yams

/// A note split at its `---` lines: the YAML mapping with file-relative line
/// numbers, and the Markdown body with the line it starts on.
public struct FrontMatter {
    public let fields: FieldReader
    public let body: String
    public let bodyLine: Int

    /// Splits and parses a note. Problems come back as diagnostics located in
    /// the file, never as a thrown YAML error.
    public static func parse(_ file: SourceFile) -> (FrontMatter?, [Diagnostic]) {
        let text = file.text
        let firstLineEnd = text.firstIndex(of: "\n") ?? text.endIndex
        let opening = text[..<firstLineEnd]
        guard opening.hasPrefix("---"), opening.dropFirst(3).allSatisfy({ $0 == " " || $0 == "\t" }) else {
            let what = text.isEmpty ? "the file is empty" : "the file does not start with front matter"
            return (nil, [Diagnostic(.error, file: file.path, line: 1, column: 1, what,
                                     hint: "begin it with a line '---', the fields, and another '---'")])
        }
        // Find the closing line: exactly `---` (trailing spaces allowed).
        var lineNumber = 1
        var yamlEnd: String.Index?
        var bodyStart = text.endIndex
        var index = firstLineEnd < text.endIndex ? text.index(after: firstLineEnd) : text.endIndex
        let yamlStart = index
        while index < text.endIndex {
            lineNumber += 1
            let lineEnd = text[index...].firstIndex(of: "\n") ?? text.endIndex
            let line = text[index..<lineEnd]
            if line.hasPrefix("---"), line.dropFirst(3).allSatisfy({ $0 == " " || $0 == "\t" }) {
                yamlEnd = index
                bodyStart = lineEnd < text.endIndex ? text.index(after: lineEnd) : text.endIndex
                break
            }
            index = lineEnd < text.endIndex ? text.index(after: lineEnd) : text.endIndex
        }
        guard let yamlEnd else {
            return (nil, [Diagnostic(.error, file: file.path, line: 1, column: 1,
                                     "front matter is not closed",
                                     hint: "add a line '---' after the last field")])
        }
        let yaml = String(text[yamlStart..<yamlEnd])
        let (reader, problems) = FieldReader.parse(yaml: yaml, file: file.path, firstLine: 2)
        guard let reader else { return (nil, problems) }
        return (FrontMatter(fields: reader, body: String(text[bodyStart...]), bodyLine: lineNumber + 1), problems)
    }
}
