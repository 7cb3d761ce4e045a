/// An image as the site publishes it: the picture in a few widths, each as
/// WebP and in a format every browser reads, with its size so pages can
/// reserve its space before it loads.
public struct PublishedImage: Sendable, Equatable {
    public struct Variant: Sendable, Equatable {
        /// Under `Public/`: `media/kremlin-3f9a2c1e-960.webp`.
        public var path: String
        public var width: Int
        public var height: Int
        var format: ImageCodec.Format
        /// The file's size: an Atom enclosure gives it.
        public var bytes: Int
        public var mimeType: String { format.mimeType }
    }

    /// Narrowest first, WebP before the fallback of each width.
    public var variants: [Variant]
    /// The source file's size and pixels, for `check`'s warnings.
    public var sourceBytes: Int
    public var sourceWidth: Int
    public var sourceHeight: Int

    public var webp: [Variant] { variants.filter { $0.format == .webp } }
    /// JPEG, or PNG for images with transparency or drawn in few colours.
    public var fallback: [Variant] { variants.filter { $0.format != .webp } }
    /// The widest fallback: the image that stands for the picture in feeds,
    /// `timeline.json` and social cards.
    public var largest: Variant { fallback.last ?? variants[variants.count - 1] }
    public var smallest: Variant { fallback.first ?? variants[0] }
    public var width: Int { largest.width }
    public var height: Int { largest.height }
}

/// The widths and encodings every image is published in. Changing any of
/// them changes `settings`, so cached images made the old way are not reused.
enum ImageSizes {
    static let widths = [480, 960, 1600]
    /// Part of every cache key: the encoder settings in `CVips.c` and these widths.
    static let settings = "image v1; widths 480 960 1600; jpeg Q82 progressive; webp Q78 effort 4; png 6; strip; srgb"

    /// The widths to make of an image `sourceWidth` wide: the standard ones
    /// it is wider than, and its own width when under the largest. Never
    /// wider than the source.
    static func widths(forSourceWidth sourceWidth: Int) -> [Int] {
        let below = widths.filter { $0 < sourceWidth }
        let top = min(sourceWidth, widths[widths.count - 1])
        return below.contains(top) ? below : below + [top]
    }

    /// JPEG for photographs; PNG for PNG and GIF sources (drawings,
    /// screenshots, transparency) and for WebP with transparency.
    static func fallbackFormat(for kind: ImageKind, hasAlpha: Bool) -> ImageCodec.Format {
        switch kind {
        case .jpeg: return .jpeg
        case .png, .gif: return .png
        case .webp: return hasAlpha ? .png : .jpeg
        }
    }

    /// Where the cache keeps an image: by its bytes and the settings.
    static func cacheKey(contentHash: String) -> String {
        ImageCodec.sha256(Array((settings + "\n" + contentHash).utf8))
    }

    /// A file name stem from the source's: `Kremlin at Dusk.jpg` → `kremlin-at-dusk`.
    static func stem(of src: String) -> String {
        let name = src.split(separator: "/").last.map(String.init) ?? src
        let bare = name.split(separator: ".").dropLast().joined(separator: ".")
        let slug = Slug.suggestion(for: bare)
        return slug.isEmpty ? "image" : String(slug.prefix(60))
    }
}
