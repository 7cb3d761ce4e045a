/// A picture, video or post attached to a note with `media:`. Local images
/// are published in several widths (`PublishedImage`); videos and posts
/// become a card that loads nothing from their host until the reader asks.
public struct MediaItem: Sendable, Equatable {
    public enum Source: Sendable, Equatable {
        /// A file under `Content/media/`, as written: `media/kremlin.jpg`.
        case image(path: String)
        case remote(RemoteMedia)
    }

    public var source: Source
    /// Required for an image; empty for a decorative one.
    public var alt: String?
    public var caption: String?
    public var credit: String?
    public var license: String?
    /// Where `src` is written, for every message about this item.
    public let location: SourceLocation

    public var imagePath: String? {
        if case .image(let path) = source { return path }
        return nil
    }
}

/// The kinds of image a local `src` may name, by the endings it may have.
public enum ImageKind: String, Sendable, CaseIterable {
    case jpeg, png, webp, gif

    init?(fileName: String) {
        switch fileName.split(separator: ".").last?.lowercased() {
        case "jpg", "jpeg": self = .jpeg
        case "png": self = .png
        case "webp": self = .webp
        case "gif": self = .gif
        default: return nil
        }
    }

    /// What it is called in messages: "a JPEG".
    var named: String {
        switch self {
        case .jpeg: return "a JPEG"
        case .png: return "a PNG"
        case .webp: return "a WebP image"
        case .gif: return "a GIF"
        }
    }

    /// Whether libvips' loader for some bytes ("VipsForeignLoadJpegBuffer",
    /// "VipsForeignLoadNsgifBuffer") reads this kind, so the bytes can be
    /// held to the name.
    func isRead(by loader: String) -> Bool {
        loader.lowercased().hasPrefix("vipsforeignload") && loader.lowercased().contains(rawValue)
    }
}
