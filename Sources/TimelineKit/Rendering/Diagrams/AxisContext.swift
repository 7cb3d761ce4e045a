/// The axis as template values: coordinates as short fixed-point text, so
/// the SVG is compact and the same bytes every build.
extension TimeAxis {
    func context() -> [String: Any] {
        [
            "width": Self.svg(Self.width),
            "height": Self.svg(height),
            "summary": summary,
            "tickTop": Self.svg(Self.tickBand - 10),
            "tickBottom": Self.svg(height - 4),
            "ticks": ticks.map { tick -> [String: Any] in
                ["x": Self.svg(tick.x), "label": tick.label, "major": tick.major, "labelY": Self.svg(Self.tickBand - 14)]
            },
            "marks": marks.map { mark -> [String: Any] in
                [
                    "x": Self.svg(mark.x), "y": Self.svg(mark.y), "width": Self.svg(mark.width),
                    "barY": Self.svg(mark.y - 5), "textY": Self.svg(mark.y + 4),
                    "point": mark.shape == .point, "range": mark.shape == .range, "period": mark.shape == .period,
                    "slug": mark.slug, "href": mark.href, "label": mark.label, "labelX": Self.svg(mark.labelX),
                    "labelAnchor": mark.labelAnchor, "title": mark.title,
                    "approximate": mark.approximate, "disputed": mark.disputed,
                ]
            },
            "bars": bars.map { bar -> [String: Any] in
                ["x": Self.svg(bar.x), "y": Self.svg(bar.y), "width": Self.svg(bar.width),
                 "height": Self.svg(bar.height), "href": bar.href, "title": bar.title]
            },
            "histogram": !bars.isEmpty,
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
