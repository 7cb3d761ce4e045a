/// Reads `site.yml`.
enum SettingsParser {
    static let fields = ["title", "description", "language", "base_url", "author", "unsafe_html", "feed_limit", "timezone", "order"]

    static func parse(text: String?, path: String) -> (SiteSettings?, [Diagnostic]) {
        guard let text else { return (nil, []) }
        let (reader, problems) = FieldReader.parse(yaml: text, file: path, firstLine: 1, what: "site.yml")
        guard let f = reader else { return (nil, problems) }
        let title = f.text("title", required: true)
        var settings = SiteSettings(title: title ?? "")
        settings.description = f.text("description")
        settings.author = f.text("author")
        settings.unsafeHTML = f.bool("unsafe_html")
        if let limit = f.integer("feed_limit") {
            if limit >= 0 {
                settings.feedLimit = limit
            } else {
                f.error("'feed_limit' must be 0 (every event) or more", at: f.keyLocation("feed_limit"))
            }
        }
        settings.timezone = NoteParser.zone(f, "timezone")
        if let word = f.text("order") {
            if let order = ChronologyOrder(rawValue: word) {
                settings.order = order
            } else {
                f.error("unknown order '\(word)'", at: f.valueLocation("order"),
                        hint: "use oldest (the default: oldest first) or newest (newest first)")
            }
        }
        if let language = f.text("language") {
            if isLanguageTag(language) {
                settings.language = language
            } else {
                f.error("'language' must be a BCP 47 tag", at: f.keyLocation("language"), hint: "e.g. en, uk, en-GB")
            }
        }
        if let base = NoteParser.webAddress(f, "base_url") {
            settings.baseURL = normalizedBaseURL(base)
        } else if f.node("base_url") != nil {
            settings.baseURLRefused = true
        }
        f.reportUnknownFields(known: fields)
        return (title == nil ? nil : settings, problems + f.diagnostics)
    }

    /// Applies `--base-url`, and says once what a site without one lacks.
    static func applyBaseURL(_ override: String?, to settings: inout SiteSettings, settingsPath: String) -> [Diagnostic] {
        if let override {
            let lower = override.lowercased()
            guard lower.hasPrefix("https://") || lower.hasPrefix("http://"), override.count > 8,
                  !override.unicodeScalars.contains(where: { $0.value < 0x21 || $0 == "\"" || $0 == "<" || $0 == ">" })
            else {
                return [Diagnostic(.error, file: "--base-url", "'\(override)' is not an http or https address",
                                   hint: "e.g. --base-url https://example.org/talks/")]
            }
            settings.baseURL = normalizedBaseURL(override)
        }
        guard settings.baseURL == nil, !settings.baseURLRefused else { return [] }
        return [Diagnostic(
            .warning, file: settingsPath,
            "base_url is not set: sitemap.xml is left out, feeds link relative to their own address and pages have no canonical URL",
            hint: "set base_url in site.yml or pass --base-url")]
    }

    /// Ends with one `/`, so page paths append to it.
    static func normalizedBaseURL(_ url: String) -> String {
        var url = url
        while url.hasSuffix("/") { url.removeLast() }
        return url + "/"
    }

    static func isLanguageTag(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...8).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            return false
        }
        return parts.dropFirst().allSatisfy { part in
            (1...8).contains(part.count) && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        }
    }
}
