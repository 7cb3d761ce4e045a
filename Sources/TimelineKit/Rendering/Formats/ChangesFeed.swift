/// `changes.xml`: every correction and update, newest first, as Atom 1.0
/// (RFC 4287), for readers who follow what changed rather than what happened.
enum ChangesFeed {
    static let path = "changes.xml"

    static func render(_ chronology: Chronology) -> RenderedFile {
        let settings = chronology.settings
        let e = XMLText.escape
        let base = settings.baseURL
        let entries = ChangeLog(chronology).entries
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        xml += "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(e(settings.language))\">\n"
        xml += "  <title>\(e(settings.title)): corrections and updates</title>\n"
        xml += "  <id>\(e(base.map { $0 + "changes/" } ?? FeedItem.tagURI(site: settings.title, path: "changes/")))</id>\n"
        xml += "  <link rel=\"alternate\" type=\"text/html\" href=\"\(e((base ?? "") + "changes/"))\"/>\n"
        xml += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"\(e((base ?? "") + path))\"/>\n"
        let updated = entries.first.map { Timestamp(seconds: $0.instant) } ?? Timestamp(seconds: 0)
        xml += "  <updated>\(updated.rfc3339)</updated>\n"
        xml += "  <author><name>\(e(settings.author ?? settings.title))</name></author>\n"
        xml += "  <generator>Timeline</generator>\n"
        for entry in entries {
            let event = chronology.events[entry.event]
            let page = "events/\(event.source.slug)/"
            let id = (base.map { $0 + page } ?? FeedItem.tagURI(site: settings.title, path: page)) + "#change-\(entry.number)"
            let when = Timestamp(seconds: entry.instant).rfc3339
            xml += "  <entry>\n"
            xml += "    <title>\(e(entry.note.kind.label + ": " + event.title))</title>\n"
            xml += "    <id>\(e(id))</id>\n"
            xml += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(e((base ?? "") + page))\"/>\n"
            xml += "    <published>\(when)</published>\n"
            xml += "    <updated>\(when)</updated>\n"
            xml += "    <category term=\"\(entry.note.kind.rawValue)\"/>\n"
            xml += "    <content type=\"text\">\(e(entry.note.kind.label + ", " + entry.note.date.display + ": " + entry.note.text))</content>\n"
            xml += "  </entry>\n"
        }
        xml += "</feed>\n"
        return RenderedFile(path: path, text: xml)
    }
}
