import TimelineTemplates

/// What a page's template sees, by name (docs/templates.md lists them all).
typealias TemplateContext = [String: TemplateValue]

/// Builds the values a page's template sees. Templates get maps and lists of
/// already formatted text: no logic is left for Mustache, and every value is
/// HTML-escaped by `{{…}}` except `bodyHTML`, which libcmark made, and the
/// event lists, rendered through `event-item.mustache`.
struct ContextBuilder: Sendable {
    let chronology: Chronology
    let bodies: NoteBodies
    let templates: TemplateSet
    /// Every event's list items already rendered (serve keeps them), by
    /// event index; nil renders each list's items as it is written.
    var items: [EventItems.Rendered]?
    /// The published images and social cards.
    var media = MediaLibrary()

    func context(for page: Page) -> TemplateValue {
        let folder = page.folder(in: chronology)
        let links = page == .notFound ? PageLinks(root: notFoundRoot) : PageLinks(folder: folder)
        var context: TemplateContext
        switch page {
        case .index: context = indexContext(links)
        case .event(let i): context = eventPage(i, links)
        case .articles: context = articlesContext(links)
        case .article(let i): context = articlePage(i, links)
        case .people: context = peopleContext(links)
        case .person(let i): context = personPage(i, links)
        case .places: context = placesContext(links)
        case .place(let i): context = placePage(i, links)
        case .documents: context = documentsContext(links)
        case .document(let i): context = documentPage(i, links)
        case .tags: context = tagsContext(links)
        case .tag(let tag): context = tagPage(tag, links)
        case .keyMoments: context = keyMomentsPage()
        case .changes: context = changesPage(links)
        case .notFound: context = ["pageTitle": "Page not found"]
        }
        return .map(layout(context, page: page, folder: folder, links: links))
    }

    /// What every page shares: site, navigation, head metadata.
    private func layout(_ context: TemplateContext, page: Page, folder: String, links: PageLinks) -> TemplateContext {
        let settings = chronology.settings
        var context = context
        let pageTitle: String
        if case .text(let title)? = context["pageTitle"] { pageTitle = title } else { pageTitle = settings.title }
        context["root"] = .text(links.root)
        context["lang"] = .text(settings.language)
        context["siteTitle"] = .text(settings.title)
        context["documentTitle"] = .text(page == .index ? settings.title : "\(pageTitle) · \(settings.title)")
        if context["description"] == nil, let description = settings.description { context["description"] = .text(description) }
        context["stylesheet"] = .text(links.asset(AssetReferences.stylesheet))
        context["home"] = .text(links.home)
        // Event headings sit under month headings on the index, straight
        // under the title on a tag page, under a section heading elsewhere.
        switch page {
        case .index: context["headingLevel"] = 4
        case .tag, .keyMoments: context["headingLevel"] = 2
        default: context["headingLevel"] = 3
        }
        if let canonical = canonicalURL(page) {
            context["canonical"] = .text(canonical)
            if context["ogType"] == nil { context["ogType"] = "website" }
        }
        let section = sectionOf(page)
        context["nav"] = .list([
            ("Chronology", links.home, "index"),
            ("Sources", links.list(.article), "articles"),
            ("People", links.list(.person), "people"),
            ("Places", links.list(.place), "places"),
            ("Documents", links.list(.document), "documents"),
            ("Tags", links.tagList, "tags"),
        ].map { label, href, id -> TemplateValue in
            var item: TemplateContext = ["label": .text(label), "href": .text(href)]
            if id == section { item["current"] = true }
            return .map(item)
        })
        return context
    }

    /// The page's absolute address, when `base_url` says where the site lives.
    func canonicalURL(_ page: Page) -> String? {
        guard let base = chronology.settings.baseURL, page != .notFound else { return nil }
        return base + page.folder(in: chronology)
    }

    private func sectionOf(_ page: Page) -> String {
        switch page {
        case .index, .event, .keyMoments, .changes: return "index"
        case .articles, .article: return "articles"
        case .people, .person: return "people"
        case .places, .place: return "places"
        case .documents, .document: return "documents"
        case .tags, .tag: return "tags"
        case .notFound: return ""
        }
    }

    /// The 404 page is served at any depth: it links from the site's base
    /// path (from `base_url`, else the host root).
    private var notFoundRoot: String {
        guard let base = chronology.settings.baseURL,
              let schemeEnd = base.firstRange(of: "://"),
              let pathStart = base[schemeEnd.upperBound...].firstIndex(of: "/")
        else { return "/" }
        return String(base[pathStart...])
    }
}
