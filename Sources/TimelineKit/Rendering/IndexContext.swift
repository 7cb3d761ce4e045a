/// The chronology: every event, grouped by year, then month.
extension ContextBuilder {
    func indexContext(_ links: PageLinks) -> [String: Any] {
        var years: [[String: Any]] = []
        var months: [[String: Any]] = []
        var events: [[String: Any]] = []
        var currentYear: Int?
        var currentMonth: Int?

        func closeMonth() {
            guard let year = currentYear, !events.isEmpty else { return }
            let label = currentMonth.map { "\(CivilCalendar.monthNames[$0 - 1]) \(year)" } ?? "\(year), month unknown"
            let id = currentMonth.map { "m\(year)-\(PartialDate.pad($0, 2))" } ?? "m\(year)"
            months.append(["label": label, "id": id, "events": events])
            events = []
        }
        func closeYear() {
            closeMonth()
            guard let year = currentYear, !months.isEmpty else { return }
            years.append(["year": String(year), "id": "y\(year)", "months": months])
            months = []
        }

        for (index, event) in chronology.events.enumerated() {
            let start = event.date.start
            if start.year != currentYear {
                closeYear()
                currentYear = start.year
                currentMonth = start.month
            } else if start.month != currentMonth {
                closeMonth()
                currentMonth = start.month
            }
            events.append(eventItem(index, links))
        }
        closeYear()

        var context: [String: Any] = [
            "pageTitle": chronology.settings.title,
            "years": years,
            "eventCount": chronology.events.count,
        ]
        if let first = chronology.events.first, let last = chronology.events.last {
            let from = first.date.start, to = last.date.end ?? last.date.start
            context["span"] = from == to ? from.display : "\(from.display) \u{2013} \(to.display)"
        }
        return context
    }
}
