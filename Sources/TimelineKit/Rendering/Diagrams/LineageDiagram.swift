import TimelineTemplates

/// How documents evolved, drawn as boxes joined by arrows from each document
/// to the ones that superseded it: oldest on the left, one row per branch.
/// Documents outside any lineage stand alone on their own rows.
struct LineageDiagram {
    static let boxWidth = 196.0, boxHeight = 46.0, gapX = 44.0, gapY = 14.0, margin = 8.0

    struct Node { let slug: String, column: Int, row: Int }
    let nodes: [Node]
    let edges: [(from: String, to: String)]
    let columns: Int
    let rows: Int

    init?(chronology: Chronology) {
        let documents = chronology.documents
        guard !documents.isEmpty else { return nil }
        func byDate(_ a: String, _ b: String) -> Bool {
            let x = chronology.documents[chronology.documentIndex[a]!], y = chronology.documents[chronology.documentIndex[b]!]
            switch (x.date, y.date) {
            case let (p?, q?) where p != q: return p < q
            case (nil, _?): return false
            case (_?, nil): return true
            default: return a < b
            }
        }
        let roots = documents.map(\.source.slug).filter { slug in
            let older = chronology.documents[chronology.documentIndex[slug]!].supersedes?.slug
            return older.flatMap { chronology.documentIndex[$0] } == nil
        }.sorted(by: byDate)

        var placed: [Node] = []
        var edges: [(String, String)] = []
        var nextRow = 0
        var seen = Set<String>()
        // Depth first: a document sits on the row of its first successor, so
        // a straight chain stays on one line; each further branch opens a row.
        func place(_ slug: String, column: Int) -> Int {
            seen.insert(slug)
            let successors = (chronology.supersededBy[slug] ?? []).filter { !seen.contains($0) }.sorted(by: byDate)
            var row: Int?
            for successor in successors {
                edges.append((slug, successor))
                let childRow = place(successor, column: column + 1)
                if row == nil { row = childRow }
            }
            let myRow = row ?? { defer { nextRow += 1 }; return nextRow }()
            placed.append(Node(slug: slug, column: column, row: myRow))
            return myRow
        }
        for root in roots { _ = place(root, column: 0) }
        nodes = placed.sorted { ($0.row, $0.column) < ($1.row, $1.column) }
        self.edges = edges
        columns = (placed.map(\.column).max() ?? 0) + 1
        rows = nextRow
    }

    var width: Double { Self.margin * 2 + Double(columns) * Self.boxWidth + Double(columns - 1) * Self.gapX }
    var height: Double { Self.margin * 2 + Double(rows) * Self.boxHeight + Double(rows - 1) * Self.gapY }

    func x(_ node: Node) -> Double { Self.margin + Double(node.column) * (Self.boxWidth + Self.gapX) }
    func y(_ node: Node) -> Double { Self.margin + Double(node.row) * (Self.boxHeight + Self.gapY) }

    /// Template values; `current` is the document whose page this is, if any.
    func context(chronology: Chronology, links: PageLinks, current: String?) -> TemplateContext {
        let svg = { (value: Double) in TemplateValue.text(TimeAxis.svg(value)) }
        let bySlug = Dictionary(uniqueKeysWithValues: nodes.map { ($0.slug, $0) })
        return [
            "width": svg(width), "height": svg(height),
            "nodes": .list(nodes.map { node -> TemplateValue in
                let document = chronology.documents[chronology.documentIndex[node.slug]!]
                let details = [document.date?.display, document.points.map { "\($0) points" }].compactMap { $0 }
                return [
                    "x": svg(x(node)), "y": svg(y(node)), "w": svg(Self.boxWidth), "h": svg(Self.boxHeight),
                    "textX": svg(x(node) + 10), "titleY": svg(y(node) + 19), "detailY": svg(y(node) + 36),
                    "label": .text(TimeAxis.fit(document.title, in: Self.boxWidth - 34)),
                    "detail": .text(details.joined(separator: " · ")),
                    "title": .text(document.title), "href": .text(links.note(.document, node.slug)),
                    "current": .bool(node.slug == current),
                ]
            }),
            "edges": .list(edges.map { edge -> TemplateValue in
                let a = bySlug[edge.from]!, b = bySlug[edge.to]!
                let x1 = x(a) + Self.boxWidth, y1 = y(a) + Self.boxHeight / 2
                let x2 = x(b) - 4, y2 = y(b) + Self.boxHeight / 2, mid = x1 + Self.gapX / 2
                let d = TimeAxis.svg
                return ["path": .text("M\(d(x1)) \(d(y1))H\(d(mid))V\(d(y2))H\(d(x2))")]
            }),
            "summary": .text(summary(chronology)),
        ]
    }

    /// The diagram in words, for screen readers: each lineage as a chain.
    private func summary(_ chronology: Chronology) -> String {
        let title = { (slug: String) in chronology.documents[chronology.documentIndex[slug]!].title }
        let chains = edges.map { "\(title($0.from)) was superseded by \(title($0.to))" }
        let alone = nodes.filter { n in !edges.contains { $0.from == n.slug || $0.to == n.slug } }.map { title($0.slug) }
        var parts: [String] = []
        if !chains.isEmpty { parts.append(chains.joined(separator: "; ") + ".") }
        if !alone.isEmpty { parts.append("Standing alone: " + alone.joined(separator: ", ") + ".") }
        return parts.joined(separator: " ")
    }
}
