import Foundation

/// The picture a shared link shows for an event that has none of its own:
/// the site's title, the event's title and its date, drawn at build time
/// with libvips' text rendering in the site's colours, 1200 × 630 pixels.
enum SocialCard {
    /// Colours as 0xRRGGBB, read from the stylesheet so a site that changes
    /// its palette gets cards to match.
    struct Style: Sendable, Equatable {
        var background: UInt32 = 0x1A56A8
        var foreground: UInt32 = 0xFDFCF9
        static let font = "DejaVu Sans"

        /// `--accent` for the background and `--bg` for the text, from the
        /// first `:root` block of `Templates/assets/style.css`.
        static func from(templatesPath: String) -> Style {
            var style = Style()
            let css = (try? String(contentsOfFile: ContentLoader.join(templatesPath, "assets/style.css"), encoding: .utf8)) ?? ""
            if let accent = colour("--accent", in: css) { style.background = accent }
            if let bg = colour("--bg", in: css) { style.foreground = bg }
            return style
        }

        private static func colour(_ name: String, in css: String) -> UInt32? {
            guard let range = css.range(of: name + ":") else { return nil }
            let value = css[range.upperBound...].drop { $0 == " " }.prefix { $0 != ";" && $0 != "\n" }
            guard value.hasPrefix("#"), value.count == 7 else { return nil }
            return UInt32(value.dropFirst(), radix: 16)
        }
    }

    static let settings = "card v1; 1200x630; png 6"

    /// The card for `event`: from the cache when drawn before, else drawn
    /// and cached (or kept in memory when the cache cannot be written).
    /// Returns the image, where its bytes are, and whether they are cached.
    static func draw(for event: Event, siteTitle: String, style: Style, cache: MediaCache)
        -> Result<(PublishedImage, MediaFileSource, cached: Bool), ImageCodec.Failure> {
        let markup = markup(siteTitle: siteTitle, title: event.title, date: event.date.display)
        let key = ImageCodec.sha256(Array("\(settings)\n\(Style.font)\n\(style.background) \(style.foreground)\n\(markup)".utf8))
        let path = "media/cards/\(event.source.slug)-\(key.prefix(8)).png"
        let file = MediaCache.File(format: .png, width: 1200, height: 630, name: "card.png")
        var source = MediaFileSource.cached(cache.path(key, file.name))
        var bytes = 0
        var cached = true
        if let entry = cache.entry(key) {
            bytes = entry.files[0].bytes
        } else {
            let png: [UInt8]
            do {
                png = try ImageCodec.card(markup: markup, font: "\(Style.font) 34", background: style.background,
                                          foreground: style.foreground)
            } catch {
                return .failure(error)
            }
            bytes = png.count
            if !cache.store(key, MediaCache.Entry(sourceBytes: png.count, sourceWidth: 1200, sourceHeight: 630, files: [file]),
                            bytes: [png]) {
                source = .bytes(png)
                cached = false
            }
        }
        let variant = PublishedImage.Variant(path: path, width: 1200, height: 630, format: .png, bytes: bytes)
        return .success((PublishedImage(variants: [variant], sourceBytes: 0, sourceWidth: 1200, sourceHeight: 630), source, cached))
    }

    /// Site title small, the event's title large and bold, the date below.
    /// A title too long for the card runs off its foot, never over the date:
    /// it is cut to 140 characters first.
    static func markup(siteTitle: String, title: String, date: String) -> String {
        let shortTitle = title.count > 140 ? String(title.prefix(139)) + "…" : title
        return "<span size=\"26pt\">\(ImageCodec.markupEscaped(siteTitle))</span>\n\n"
            + "<span size=\"48pt\" weight=\"bold\">\(ImageCodec.markupEscaped(shortTitle))</span>\n\n"
            + "<span size=\"30pt\">\(ImageCodec.markupEscaped(date))</span>"
    }
}
