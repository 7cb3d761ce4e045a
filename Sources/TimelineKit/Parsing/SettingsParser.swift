/// Reads `site.yml`.
enum SettingsParser {
    static let fields = ["title", "description", "language", "base_url", "author", "unsafe_html"]

    static func parse(text: String?, path: String) -> (SiteSettings?, [Diagnostic]) {
        guard let text else { return (nil, []) }
        let (reader, problems) = FieldReader.parse(yaml: text, file: path, firstLine: 1)
        guard let f = reader else { return (nil, problems) }
        let title = f.text("title", required: true)
        var settings = SiteSettings(title: title ?? "")
        settings.description = f.text("description")
        settings.author = f.text("author")
        settings.unsafeHTML = f.bool("unsafe_html")
        if let language = f.text("language") {
            if isLanguageTag(language) {
                settings.language = language
            } else {
                f.error("'language' must be a BCP 47 tag", at: f.keyLocation("language"), hint: "e.g. en, uk, en-GB")
            }
        }
        if let base = NoteParser.webAddress(f, "base_url") {
            settings.baseURL = normalizedBaseURL(base)
        }
        f.reportUnknownFields(known: fields)
        return (title == nil ? nil : settings, problems + f.diagnostics)
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
