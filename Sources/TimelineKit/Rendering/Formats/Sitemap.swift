/// `sitemap.xml` (sitemaps.org 0.9) and `robots.txt`. Sitemap locations must
/// be absolute, so without `base_url` there is no sitemap, and robots.txt
/// names none.
enum Sitemap {
    static let path = "sitemap.xml"

    /// Every page but the 404, each with the latest content date it shows.
    static func render(_ chronology: Chronology, items: [FeedItem], base: String) -> RenderedFile {
        let updatedByEvent = Dictionary(uniqueKeysWithValues: items.map { ($0.event.source.slug, $0.updated) })
        func latest(_ indexes: [Int]?) -> PartialDate? {
            (indexes ?? []).compactMap { updatedByEvent[chronology.events[$0].source.slug] }.max()
        }
        let newest = items.map(\.updated).max()
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for page in Page.all(in: chronology) where page != .notFound {
            let lastmod: PartialDate?
            switch page {
            case .event(let i): lastmod = updatedByEvent[chronology.events[i].source.slug]
            case .article(let i):
                let article = chronology.articles[i]
                lastmod = max(article.published, latest(chronology.eventsByArticle[article.source.slug]) ?? article.published)
            case .person(let i): lastmod = latest(chronology.eventsByPerson[chronology.people[i].source.slug])
            case .place(let i): lastmod = latest(chronology.eventsByPlace[chronology.places[i].source.slug])
            case .document(let i): lastmod = latest(chronology.eventsByDocument[chronology.documents[i].source.slug])
            case .tag(let tag): lastmod = latest(chronology.eventsByTag[tag])
            default: lastmod = newest
            }
            xml += "  <url><loc>\(XMLText.escape(base + page.folder(in: chronology)))</loc>"
            if let lastmod { xml += "<lastmod>\(lastmod.firstDay.isoString)</lastmod>" }
            xml += "</url>\n"
        }
        xml += "</urlset>\n"
        return RenderedFile(path: path, text: xml)
    }

    static func robots(base: String?) -> RenderedFile {
        var text = "User-agent: *\nAllow: /\n"
        if let base { text += "\nSitemap: \(base)\(path)\n" }
        return RenderedFile(path: "robots.txt", text: text)
    }
}
