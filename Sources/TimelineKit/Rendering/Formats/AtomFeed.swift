/// `feed.xml`: Atom 1.0 (RFC 4287), one entry per event, newest first.
enum AtomFeed {
    static let path = "feed.xml"

    static func render(_ chronology: Chronology, items allItems: [FeedItem]) -> RenderedFile {
        let settings = chronology.settings
        let items = settings.feedLimit > 0 ? Array(allItems.prefix(settings.feedLimit)) : allItems
        let e = XMLText.escape
        let base = settings.baseURL
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        xml += "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(e(settings.language))\">\n"
        xml += "  <title>\(e(settings.title))</title>\n"
        if let description = settings.description { xml += "  <subtitle>\(e(description))</subtitle>\n" }
        xml += "  <id>\(e(base ?? FeedItem.tagURI(site: settings.title, path: "")))</id>\n"
        xml += "  <link rel=\"alternate\" type=\"text/html\" href=\"\(e(base ?? "./"))\"/>\n"
        xml += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"\(e((base ?? "") + path))\"/>\n"
        let updated = items.map(\.updated).max() ?? Timestamp(seconds: 0)
        xml += "  <updated>\(updated.rfc3339)</updated>\n"
        xml += "  <author><name>\(e(settings.author ?? settings.title))</name></author>\n"
        xml += "  <generator>Timeline</generator>\n"
        for item in items {
            xml += "  <entry>\n"
            xml += "    <title>\(e(item.event.title))</title>\n"
            xml += "    <id>\(e(item.id))</id>\n"
            xml += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(e(item.url))\"/>\n"
            if let media = item.picture, let type = media.mimeType, let length = media.length {
                xml += "    <link rel=\"enclosure\" type=\"\(type)\" length=\"\(length)\" href=\"\(e(media.url))\"/>\n"
            }
            xml += "    <published>\(item.published.rfc3339)</published>\n"
            xml += "    <updated>\(item.updated.rfc3339)</updated>\n"
            if !item.summary.isEmpty { xml += "    <summary type=\"text\">\(e(item.summary))</summary>\n" }
            xml += "    <content type=\"html\">\(e(contentHTML(item)))</content>\n"
            for tag in item.event.tags { xml += "    <category term=\"\(e(tag))\"/>\n" }
            xml += "  </entry>\n"
        }
        xml += "</feed>\n"
        return RenderedFile(path: path, text: xml)
    }

    /// The date line, then the body, so a reader sees when it happened.
    static func contentHTML(_ item: FeedItem) -> String {
        "<p><strong>\(XMLText.escape(item.event.date.display))</strong></p>\n" + item.contentHTML
    }
}
