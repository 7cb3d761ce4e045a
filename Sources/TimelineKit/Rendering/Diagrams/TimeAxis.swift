/// The chronology at a glance: an SVG time axis laid out at build time, so it
/// needs no script. Geometry only; `Templates/axis.mustache` draws it.
///
/// Two layouts, chosen by how many events there are:
/// - **rows** (up to `rowLimit` events): one row per event, placed in
///   proportion to its dates: a dot for a day, a bar for a range, a pale bar
///   for a month or year known only roughly; labelled, so same-day events
///   stay legible.
/// - **histogram** (more): events counted per day, month or year, whichever
///   keeps bars countable; each bar links to that part of the list.
struct TimeAxis {
    static let rowLimit = 40
    static let width = 720.0
    static let margin = 12.0
    static let tickBand = 30.0
    static let rowHeight = 22.0
    static let histogramHeight = 120.0
    /// Average advance of a 12-unit system-font character, for fitting labels.
    static let characterWidth = 6.4

    struct Tick { let x: Double; let label: String; let major: Bool }
    struct Mark {
        let x: Double, y: Double, width: Double
        let shape: Shape, slug: String, href: String, label: String, labelX: Double, labelAnchor: String, title: String
        let approximate: Bool, disputed: Bool
    }
    enum Shape: String { case point, range, period }
    struct Bar { let x: Double, y: Double, width: Double, height: Double, href: String, title: String }

    var height = 0.0
    var ticks: [Tick] = []
    var marks: [Mark] = []
    var bars: [Bar] = []
    var summary = ""

    /// The half-open day interval an event covers, in day numbers.
    static func days(_ date: EventDate) -> (start: Int, end: Int) {
        let first = date.start.firstDay, last = date.lastDay
        return (CivilCalendar.dayNumber(year: first.year, month: first.month!, day: first.day!),
                CivilCalendar.dayNumber(year: last.year, month: last.month!, day: last.day!) + 1)
    }

    init?(events: [Event], groupID: (Event) -> String, eventHref: (Event) -> String) {
        guard !events.isEmpty else { return nil }
        let spans = events.map { Self.days($0.date) }
        let domain = Domain(start: spans.map(\.start).min()!, end: spans.map(\.end).max()!)
        if events.count <= Self.rowLimit {
            layoutRows(events, spans, domain, eventHref)
        } else {
            layoutHistogram(events, spans, domain, groupID)
        }
    }

    private mutating func layoutRows(_ events: [Event], _ spans: [(start: Int, end: Int)], _ domain: Domain,
                                     _ href: (Event) -> String) {
        let scale = domain.scale(from: Self.margin, to: Self.width - Self.margin)
        height = Self.tickBand + Double(events.count) * Self.rowHeight + 8
        ticks = domain.ticks(scale)
        for (row, (event, span)) in zip(events, spans).enumerated() {
            let y = Self.tickBand + Double(row) * Self.rowHeight + Self.rowHeight / 2
            let shape: Shape = event.date.isRange ? .range : (event.date.start.precision == .day ? .point : .period)
            let left = scale(span.start), right = scale(span.end)
            let x = shape == .point ? (left + right) / 2 : left
            let markWidth = shape == .point ? 0 : max(right - left, 3)
            // Beside the mark where there is more room; inside a bar wider
            // than the room on either side (a month known only roughly).
            let roomRight = Self.width - Self.margin - (x + markWidth) - 8
            let roomLeft = x - Self.margin - 8
            let inside = markWidth - 12 > max(roomLeft, roomRight)
            let onRight = roomRight >= roomLeft
            let room = inside ? markWidth - 12 : (onRight ? roomRight : roomLeft)
            let labelX = inside ? x + 6 : (onRight ? x + markWidth + 8 : x - 8)
            marks.append(Mark(
                x: x, y: y, width: markWidth, shape: shape, slug: event.source.slug, href: href(event),
                label: Self.fit(event.title, in: room), labelX: labelX,
                labelAnchor: inside || onRight ? "start" : "end", title: "\(event.date.display): \(event.title)",
                approximate: event.date.approximate, disputed: event.status == .disputed))
        }
        let first = events.first!.date.start.display, last = (events.last!.date.end ?? events.last!.date.start).display
        summary = "\(events.count) events from \(first) to \(last), one row each, placed along the time axis by date."
    }

    private mutating func layoutHistogram(_ events: [Event], _ spans: [(start: Int, end: Int)], _ domain: Domain,
                                          _ groupID: (Event) -> String) {
        let unit = BinUnit.choose(for: domain)
        var counts: [Int: (count: Int, first: Event)] = [:]
        for (event, span) in zip(events, spans) {
            let bin = unit.bin(of: span.start)
            if let existing = counts[bin] {
                counts[bin] = (existing.count + 1, existing.first)
            } else {
                counts[bin] = (1, event)
            }
        }
        let bins = counts.keys.sorted()
        let barDomain = Domain(start: unit.start(of: bins.first!), end: unit.start(of: bins.last! + 1))
        let scale = barDomain.scale(from: Self.margin, to: Self.width - Self.margin)
        let most = Double(counts.values.map(\.count).max()!)
        height = Self.tickBand + Self.histogramHeight + 8
        ticks = barDomain.ticks(scale)
        let baseline = Self.tickBand + Self.histogramHeight
        for bin in bins {
            let (count, first) = counts[bin]!
            let left = scale(unit.start(of: bin)), right = scale(unit.start(of: bin + 1))
            let barHeight = max(2, Self.histogramHeight * Double(count) / most)
            bars.append(Bar(
                x: left + 0.5, y: baseline - barHeight, width: max(right - left - 1, 1), height: barHeight,
                href: "#" + groupID(first),
                title: "\(unit.label(of: bin)): \(count) event\(count == 1 ? "" : "s")"))
        }
        summary = "\(events.count) events from \(unit.label(of: bins.first!)) to \(unit.label(of: bins.last!)), "
            + "counted per \(unit.name): each bar's height is the number of events, and it links to them in the list below."
    }

    /// Shortens a label to the room it has, at a word where one is near,
    /// with an ellipsis.
    static func fit(_ text: String, in room: Double) -> String {
        let limit = max(4, Int(room / characterWidth))
        guard text.count > limit else { return text }
        var cut = text.prefix(limit - 1)
        if let space = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: space) >= limit / 2 {
            cut = cut[..<space]
        }
        return String(cut).trimmingSpaces + "…"
    }
}
