import TimelineTemplates

/// The axis as template values: coordinates as short fixed-point text, so
/// the SVG is compact and the same bytes every build.
extension TimeAxis {
    func context() -> TemplateContext {
        let svg = { (value: Double) in TemplateValue.text(Self.svg(value)) }
        return [
            "width": svg(Self.width),
            "height": svg(height),
            "summary": .text(summary),
            "tickTop": svg(Self.tickBand - 10),
            "tickBottom": svg(height - 4),
            "ticks": .list(ticks.map { tick -> TemplateValue in
                ["x": svg(tick.x), "label": .text(tick.label), "major": .bool(tick.major), "labelY": svg(Self.tickBand - 14)]
            }),
            "marks": .list(marks.map { mark -> TemplateValue in
                [
                    "x": svg(mark.x), "y": svg(mark.y), "width": svg(mark.width),
                    "barY": svg(mark.y - 5), "textY": svg(mark.y + 4),
                    "point": .bool(mark.shape == .point), "range": .bool(mark.shape == .range), "period": .bool(mark.shape == .period),
                    "slug": .text(mark.slug), "href": .text(mark.href), "label": .text(mark.label), "labelX": svg(mark.labelX),
                    "labelAnchor": .text(mark.labelAnchor), "title": .text(mark.title),
                    "approximate": .bool(mark.approximate), "disputed": .bool(mark.disputed),
                ]
            }),
            "bars": .list(bars.map { bar -> TemplateValue in
                ["x": svg(bar.x), "y": svg(bar.y), "width": svg(bar.width),
                 "height": svg(bar.height), "href": .text(bar.href), "title": .text(bar.title)]
            }),
            "histogram": .bool(!bars.isEmpty),
        ]
    }

    /// One decimal place at most: `12`, `12.5`.
    static func svg(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = abs(tenths)
        return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }
}
