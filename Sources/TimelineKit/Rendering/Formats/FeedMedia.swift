/// An event's first picture, video or post as the feeds and `timeline.json`
/// carry it: a picture's widest fallback file (feed readers do not all read
/// WebP) with its smallest as the thumbnail; a video's or post's own address.
struct FeedMedia: Equatable {
    var url: String
    var thumbnail: String?
    /// For a picture: its MIME type and size in bytes (an Atom enclosure's).
    var mimeType: String?
    var length: Int?
    var caption: String?
    var credit: String?
    var alt: String?

    /// The event's first item, or with `picturesOnly` its first picture (a
    /// feed's enclosure, as the page's og:image). `base` is `base_url`, or
    /// nil for links from the site root.
    init?(_ event: Event, media library: MediaLibrary, base: String?, picturesOnly: Bool = false) {
        guard let item = picturesOnly ? event.media.first(where: { $0.imagePath != nil }) : event.media.first else { return nil }
        caption = item.caption
        credit = item.credit
        alt = item.alt
        switch item.source {
        case .image(let path):
            guard let image = library.images[path] else { return nil }
            url = (base ?? "") + image.largest.path
            thumbnail = (base ?? "") + image.smallest.path
            mimeType = image.largest.mimeType
            length = image.largest.bytes
        case .remote(let remote):
            url = remote.url
        }
    }
}
