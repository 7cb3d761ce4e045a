import TimelineTemplates

/// Corrections and updates as pages show them: on the event's page, and all
/// of them, newest first, on `changes/index.html`.
extension ContextBuilder {
    func changeNote(_ note: ChangeNote) -> TemplateContext {
        [
            "kind": .text(note.kind.rawValue),
            "label": .text(note.kind.label),
            "date": .text(note.date.display),
            "datetime": .text(note.date.startISO),
            "text": .text(note.text),
        ]
    }

    func changesPage(_ links: PageLinks) -> TemplateContext {
        let entries = ChangeLog(chronology).entries.map { entry -> TemplateValue in
            let event = chronology.events[entry.event]
            var item = changeNote(entry.note)
            item["event"] = ["title": .text(event.title), "href": .text(links.note(.event, event.source.slug) + "#changes-h")]
            return .map(item)
        }
        return ["pageTitle": "Corrections and updates", "changes": .list(entries)]
    }

    /// "Last updated" on the index: the newest date the content gives.
    func lastUpdated() -> TemplateValue? {
        guard let newest = ChangeLog.lastUpdated(chronology) else { return nil }
        return ["date": .text(newest.day.display), "datetime": .text(newest.day.isoString)]
    }
}
