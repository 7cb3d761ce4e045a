/// Every correction and update of the site, newest first: what
/// `changes/index.html` and `changes.xml` list, and what "Last updated"
/// reads. Dates come from the content, never the clock.
struct ChangeLog {
    struct Entry {
        let event: Int
        let note: ChangeNote
        /// Where it sorts: its moment, or the first second of its day in the site's zone.
        let instant: Int
        /// Its place among the event's corrections and updates, for a stable id.
        let number: Int
    }

    let entries: [Entry]

    init(_ chronology: Chronology) {
        let zone = chronology.settings.dayZone
        var entries: [Entry] = []
        for (index, event) in chronology.events.enumerated() {
            for (number, note) in (event.corrections + event.updates).enumerated() {
                entries.append(Entry(event: index, note: note, instant: note.date.startInstant(dayZone: zone), number: number + 1))
            }
        }
        // Newest first; on the same instant, the chronology's order.
        self.entries = entries.sorted { a, b in
            a.instant != b.instant ? a.instant > b.instant : (a.event, a.number) < (b.event, b.number)
        }
    }

    /// The newest date the content gives, of any event's end, correction
    /// or update: when, and the day as written there.
    static func lastUpdated(_ chronology: Chronology) -> (when: Timestamp, day: PartialDate)? {
        let zone = chronology.settings.dayZone
        var newest: (when: Timestamp, day: PartialDate)?
        for event in chronology.events {
            var dates = [(Timestamp(lastOf: event.date), event.date.lastDay)]
            dates += (event.corrections + event.updates).map { (Timestamp(seconds: $0.date.startInstant(dayZone: zone)), $0.date.start) }
            for date in dates where newest == nil || date.0 > newest!.when { newest = date }
        }
        return newest
    }
}
