/// `sitemap.xml` (sitemaps.org 0.9) and `robots.txt`. Sitemap locations must
/// be absolute, so without `base_url` there is no sitemap, and robots.txt
/// names none.
enum Sitemap {
    static let path = "sitemap.xml"

    /// Every page but the 404, each with the latest content date it shows.
    /// `updated` is each event's last update, by event index.
    static func render(_ chronology: Chronology, updated: [Timestamp], base: String) -> RenderedFile {
        func latest(_ indexes: [Int]?) -> Timestamp? {
            (indexes ?? []).map { updated[$0] }.max()
        }
        let newest = updated.max()
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for page in Page.all(in: chronology) where page != .notFound {
            let lastmod: Timestamp?
            switch page {
            case .event(let i): lastmod = updated[i]
            case .article(let i):
                let article = chronology.articles[i]
                let published = Timestamp(day: article.published)
                lastmod = max(published, latest(chronology.eventsByArticle[article.source.slug]) ?? published)
            case .person(let i): lastmod = latest(chronology.eventsByPerson[chronology.people[i].source.slug])
            case .place(let i): lastmod = latest(chronology.eventsByPlace[chronology.places[i].source.slug])
            case .document(let i): lastmod = latest(chronology.eventsByDocument[chronology.documents[i].source.slug])
            case .tag(let tag): lastmod = latest(chronology.eventsByTag[tag])
            default: lastmod = newest
            }
            xml += "  <url><loc>\(XMLText.escape(base + page.folder(in: chronology)))</loc>"
            if let lastmod { xml += "<lastmod>\(lastmod.w3c)</lastmod>" }
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
