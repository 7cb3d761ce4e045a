/// What rendering keeps between the builds of a session: each event's list
/// items and its parts of the site-wide files. Both are made from templates
/// and settings as well as notes, so a change to either starts afresh.
struct RenderCache {
    var items = KeyedCache<EventItems.Inputs, EventItems.Item>()
    var fragments = KeyedCache<EventFragments.Inputs, EventFragments>()
    private var madeWith: (templates: [String: String], settings: SiteSettings)?

    /// Forgets everything made with other templates or settings.
    mutating func use(templates: TemplateSet, settings: SiteSettings) {
        if let madeWith, madeWith.templates == templates.sources, madeWith.settings == settings { return }
        items.removeAll()
        fragments.removeAll()
        madeWith = (templates.sources, settings)
    }
}
