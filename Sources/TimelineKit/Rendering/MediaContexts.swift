import TimelineTemplates

/// Media as templates see it: a picture with its widths, caption and
/// credit; a card for a video or post; the thumbnail lists show; and the
/// image a shared link shows (`og:image`).
extension ContextBuilder {
    /// How wide pictures show: the content column, at most 46rem less its
    /// 1rem padding on each side (style.css's `--max` and `.wrap`).
    static let imageSizes = "(min-width: 46rem) 44rem, calc(100vw - 2rem)"
    /// A person's portrait: floated, `min(12rem, 40%)` of the column.
    static let portraitSizes = "(min-width: 30rem) 12rem, 40vw"

    /// Each item of `media`, in order. The first picture of a page loads at
    /// once (it is near the top), unless `eagerFirst` is false because one
    /// above it already did; the others when the reader nears them.
    func mediaList(_ media: [MediaItem], _ links: PageLinks, eagerFirst: Bool = true,
                   sizes: String = Self.imageSizes) -> TemplateValue {
        var firstImage = eagerFirst
        return .list(media.compactMap { item -> TemplateValue? in
            var context: TemplateContext = [:]
            if let caption = item.caption { context["caption"] = .text(caption) }
            if let credit = item.credit { context["credit"] = .text(credit) }
            if let license = item.license { context["license"] = .text(license) }
            if item.caption != nil || item.credit != nil || item.license != nil { context["captioned"] = true }
            // A card's caption is its link's text: its figcaption credits only.
            if item.credit != nil || item.license != nil { context["credited"] = true }
            switch item.source {
            case .image(let path):
                guard let image = self.media.images[path] else { return nil }
                context["image"] = .map(picture(image, alt: item.alt ?? "", links, eager: firstImage, sizes: sizes))
                firstImage = false
            case .remote(let remote):
                context["embed"] = [
                    "host": .text(remote.host.displayName),
                    "kind": .text(remote.host.kind),
                    "url": .text(remote.url),
                    "embedURL": .text(remote.embedURL),
                    "title": .text(item.caption ?? "\(remote.host.displayName) \(remote.host.kind)"),
                ]
            }
            return .map(context)
        })
    }

    /// `<picture>`'s parts: WebP and fallback `srcset`s, the fallback's
    /// middle width as `src`, and the size that reserves its space.
    func picture(_ image: PublishedImage, alt: String, _ links: PageLinks, eager: Bool,
                 sizes: String = Self.imageSizes) -> TemplateContext {
        func srcset(_ variants: [PublishedImage.Variant]) -> String {
            variants.map { "\(links.root)\($0.path) \($0.width)w" }.joined(separator: ", ")
        }
        let fallback = image.fallback
        let middle = fallback.last { $0.width <= 960 } ?? image.smallest
        return [
            "src": .text(links.root + middle.path),
            "srcset": .text(srcset(fallback)),
            "webpSrcset": .text(srcset(image.webp)),
            "type": .text(middle.mimeType),
            "sizes": .text(sizes),
            "width": .text(String(image.width)),
            "height": .text(String(image.height)),
            "alt": .text(alt),
            "loading": .text(eager ? "eager" : "lazy"),
        ]
    }

    /// Whether any item is a video or post: the page then needs media.js.
    static func hasEmbeds(_ media: [MediaItem]) -> Bool {
        media.contains { if case .remote = $0.source { return true } else { return false } }
    }

    /// The first picture of a note, small, for the lists that show it.
    func thumbnail(_ media: [MediaItem], _ links: PageLinks) -> TemplateContext? {
        guard let item = media.first(where: { $0.imagePath != nil }), let image = self.media.images[item.imagePath!] else { return nil }
        let small = image.smallest, webp = image.webp.first ?? small
        return [
            "src": .text(links.root + small.path),
            "webp": .text(links.root + webp.path),
            "type": .text(small.mimeType),
            "width": .text(String(small.width)),
            "height": .text(String(small.height)),
            "alt": .text(item.alt ?? ""),
        ]
    }

    /// What a shared link to the page shows: its first picture, or for an
    /// event without one, its drawn card. Absolute, so only with base_url.
    func socialImage(_ media: [MediaItem], eventSlug: String? = nil) -> TemplateContext? {
        guard let base = chronology.settings.baseURL else { return nil }
        if let item = media.first(where: { $0.imagePath != nil }), let image = self.media.images[item.imagePath!] {
            let largest = image.largest
            return ["url": .text(base + largest.path), "width": .text(String(largest.width)),
                    "height": .text(String(largest.height)), "type": .text(largest.mimeType), "alt": .text(item.alt ?? "")]
        }
        guard let slug = eventSlug, let card = self.media.cards[slug] else { return nil }
        let event = chronology.events[chronology.eventIndex[slug]!]
        return ["url": .text(base + card.largest.path), "width": "1200", "height": "630", "type": "image/png",
                "alt": .text("\(event.title), \(event.date.display)")]
    }
}
