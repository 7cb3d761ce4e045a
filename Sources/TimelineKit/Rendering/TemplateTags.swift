/// A template's text read line by line, for the checks that report where in
/// a template something is (partials that do not exist, assets that are
/// missing): each line with its number, and each `{{…}}` tag in a line with
/// its column and what is between the braces.
enum TemplateTags {
    /// Each line of `text` with its 1-based number.
    static func numberedLines(_ text: String) -> [(number: Int, text: Substring)] {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { ($0.offset + 1, $0.element) }
    }

    /// Each `{{…}}` tag of `line`, with the 1-based column of its `{{`; a
    /// tag left open at the end of the line is not one.
    static func tags(in line: Substring) -> [(column: Int, content: Substring)] {
        var tags: [(Int, Substring)] = []
        var rest = line[...]
        while let open = rest.firstRange(of: "{{") {
            let afterOpen = rest[open.upperBound...]
            guard let close = afterOpen.firstRange(of: "}}") else { break }
            tags.append((column(of: open.lowerBound, in: line), afterOpen[..<close.lowerBound]))
            rest = afterOpen[close.upperBound...]
        }
        return tags
    }

    /// The 1-based column of `index` in `line`.
    static func column(of index: Substring.Index, in line: Substring) -> Int {
        line.distance(from: line.startIndex, to: index) + 1
    }
}
