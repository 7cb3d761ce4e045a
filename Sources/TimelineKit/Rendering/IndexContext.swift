import TimelineTemplates

/// The chronology: every event, grouped by year, then month; newest first
/// when site.yml says so (the axis always runs forward in time).
extension ContextBuilder {
    func indexContext(_ links: PageLinks) -> TemplateContext {
        var years: [TemplateValue] = []
        var months: [TemplateValue] = []
        var events: [Int] = []
        var currentYear: Int?
        var currentMonth: Int?

        func closeMonth() {
            guard let year = currentYear, !events.isEmpty else { return }
            let label = currentMonth.map { "\(CivilCalendar.monthNames[$0 - 1]) \(year)" } ?? "\(year), month unknown"
            let id = Self.groupID(of: PartialDate(year: year, month: currentMonth))
            months.append(.map(["label": .text(label), "id": .text(id)].merging(eventList(events, .index)) { a, _ in a }))
            events = []
        }
        func closeYear() {
            closeMonth()
            guard let year = currentYear, !months.isEmpty else { return }
            years.append(["year": .text(String(year)), "id": .text("y\(year)"), "months": .list(inListOrder(months))])
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
            events.append(index)
        }
        closeYear()

        var context: TemplateContext = [
            "pageTitle": .text(chronology.settings.title),
            "years": .list(inListOrder(years)),
            "eventCount": .int(chronology.events.count),
            "filters": .map(filterOptions(links)),
            "keyMoments": keyMomentsDigest(links),
        ]
        if let updated = lastUpdated() { context["lastUpdated"] = updated }
        let axis = TimeAxis(
            events: chronology.events,
            groupID: { Self.groupID(of: $0.date.start) },
            eventHref: { links.note(.event, $0.source.slug) })
        if let axis { context["axis"] = .map(axis.context()) }
        if let first = chronology.events.first, let last = chronology.events.last {
            let from = first.date.start, to = last.date.end ?? last.date.start
            context["span"] = .text(from == to ? from.display : "\(from.display) \u{2013} \(to.display)")
        }
        return context
    }

    /// The id of the list section an event is in: `m2025-11`, or `m2025`
    /// for events known only to the year.
    static func groupID(of date: PartialDate) -> String {
        date.month.map { "m\(date.year)-\(PartialDate.pad($0, 2))" } ?? "m\(date.year)"
    }

    /// The choices of the filter form: only what some event names, by name.
    private func filterOptions(_ links: PageLinks) -> TemplateContext {
        func options(_ pairs: [(slug: String, name: String)], used: [String: [Int]]) -> TemplateValue {
            .list(pairs.filter { used[$0.slug] != nil }
                .sorted { $0.name.lowercased() == $1.name.lowercased() ? $0.slug < $1.slug : $0.name.lowercased() < $1.name.lowercased() }
                .map { ["slug": .text($0.slug), "name": .text($0.name)] })
        }
        return [
            "people": options(chronology.people.map { ($0.source.slug, $0.name) }, used: chronology.eventsByPerson),
            "places": options(chronology.places.map { ($0.source.slug, $0.name) }, used: chronology.eventsByPlace),
            "documents": options(chronology.documents.map { ($0.source.slug, $0.title) }, used: chronology.eventsByDocument),
            "tags": .list(chronology.tags.map { ["slug": .text($0), "name": .text($0)] }),
            "statuses": .list(EventStatus.allCases.map { ["slug": .text($0.rawValue), "name": .text(statusLabel($0))] }),
        ]
    }
}
