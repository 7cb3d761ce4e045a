/// `feed.json`: JSON Feed 1.1, the same entries as the Atom feed.
enum JSONFeed {
    static let path = "feed.json"

    static func render(_ chronology: Chronology, items allItems: [FeedItem]) -> RenderedFile {
        let settings = chronology.settings
        let items = settings.feedLimit > 0 ? Array(allItems.prefix(settings.feedLimit)) : allItems
        var feed: [(String, JSON)] = [
            ("version", .string("https://jsonfeed.org/version/1.1")),
            ("title", .string(settings.title)),
        ]
        if let base = settings.baseURL {
            feed.append(("home_page_url", .string(base)))
            feed.append(("feed_url", .string(base + path)))
        }
        if let description = settings.description { feed.append(("description", .string(description))) }
        feed.append(("language", .string(settings.language)))
        feed.append(("authors", .array([.object([("name", .string(settings.author ?? settings.title))])])))
        feed.append(("items", .array(items.map { item in
            var fields: [(String, JSON)] = [("id", .string(item.id))]
            // JSON Feed wants the permalink absolute; without base_url there is none.
            if settings.baseURL != nil { fields.append(("url", .string(item.url))) }
            fields.append(("title", .string(item.event.title)))
            fields.append(("content_html", .string(AtomFeed.contentHTML(item))))
            // JSON Feed's `image` is a URL; without base_url it is relative to the feed.
            if let media = item.picture { fields.append(("image", .string(media.url))) }
            if !item.summary.isEmpty { fields.append(("summary", .string(item.summary))) }
            fields.append(("date_published", .string(item.published.rfc3339)))
            fields.append(("date_modified", .string(item.updated.rfc3339)))
            if !item.event.tags.isEmpty { fields.append(("tags", .array(item.event.tags.map(JSON.string)))) }
            return .object(fields)
        })))
        return RenderedFile(path: path, text: JSON.object(feed).serialized(pretty: true) + "\n")
    }
}
