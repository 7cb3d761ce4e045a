/// Builds the values a page's template sees. Templates get plain dictionaries
/// and arrays of already formatted text: no logic is left for Mustache, and
/// every value is HTML-escaped by `{{…}}` except `bodyHTML`, which libcmark made.
struct ContextBuilder {
    let chronology: Chronology
    let bodies: NoteBodies
    let templates: TemplateSet
    /// Every event's list item already rendered; nil renders items as lists need them.
    private(set) var items: EventItems?
    /// When set, event lists are markers to be spliced in after rendering
    /// (see `DeferredLists`), for a page too large to hold whole.
    var deferredLists: DeferredLists?

    init(chronology: Chronology, bodies: NoteBodies, templates: TemplateSet) {
        self.chronology = chronology
        self.bodies = bodies
        self.templates = templates
    }

    /// Renders every list item, keeping nothing for a next build.
    mutating func prepareItems() {
        items = nil
        items = EventItems(self, templates: templates)
    }

    /// Uses items already rendered (a session's, patched after an edit).
    mutating func use(_ items: EventItems) {
        self.items = items
    }

    func context(for page: Page) -> [String: Any] {
        let folder = page.folder(in: chronology)
        let links = page == .notFound ? PageLinks(root: notFoundRoot) : PageLinks(folder: folder)
        var context: [String: Any]
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
        case .notFound: context = ["pageTitle": "Page not found"]
        }
        return layout(context, page: page, folder: folder, links: links)
    }

    /// What every page shares: site, navigation, head metadata.
    private func layout(_ context: [String: Any], page: Page, folder: String, links: PageLinks) -> [String: Any] {
        let settings = chronology.settings
        var context = context
        let pageTitle = context["pageTitle"] as? String ?? settings.title
        context["root"] = links.root
        context["lang"] = settings.language
        context["siteTitle"] = settings.title
        context["documentTitle"] = page == .index ? settings.title : "\(pageTitle) · \(settings.title)"
        if context["description"] == nil, let description = settings.description { context["description"] = description }
        context["stylesheet"] = links.asset(AssetReferences.stylesheet)
        context["home"] = links.home
        // Event headings sit under month headings on the index, straight
        // under the title on a tag page, under a section heading elsewhere.
        switch page {
        case .index: context["headingLevel"] = 4
        case .tag: context["headingLevel"] = 2
        default: context["headingLevel"] = 3
        }
        if let canonical = canonicalURL(page) {
            context["canonical"] = canonical
            if context["ogType"] == nil { context["ogType"] = "website" }
        }
        let section = sectionOf(page)
        context["nav"] = [
            ("Chronology", links.home, "index"),
            ("Sources", links.list(.article), "articles"),
            ("People", links.list(.person), "people"),
            ("Places", links.list(.place), "places"),
            ("Documents", links.list(.document), "documents"),
            ("Tags", links.tagList, "tags"),
        ].map { label, href, id -> [String: Any] in
            var item: [String: Any] = ["label": label, "href": href]
            if id == section { item["current"] = true }
            return item
        }
        return context
    }

    /// The page's absolute address, when `base_url` says where the site lives.
    func canonicalURL(_ page: Page) -> String? {
        guard let base = chronology.settings.baseURL, page != .notFound else { return nil }
        return base + page.folder(in: chronology)
    }

    private func sectionOf(_ page: Page) -> String {
        switch page {
        case .index, .event: return "index"
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
