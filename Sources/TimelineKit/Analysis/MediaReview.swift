/// `check`'s warnings about media: what builds but should not be published
/// as it is. An image over 20 megapixels or 15 MB (the build shrinks it, but
/// the source is heavy to keep and to send), a video or post written with
/// `http://`, and any item without a credit: a newsroom credits every
/// picture it publishes.
public enum MediaReview {
    static let pixelWarning = 20_000_000
    static let byteWarning = 15 * 1024 * 1024

    public static func warnings(_ chronology: Chronology, _ library: MediaLibrary) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        var warnedImages = Set<String>()
        for item in MediaLibrary.allItems(chronology) {
            switch item.source {
            case .image(let path):
                if let image = library.images[path], warnedImages.insert(path).inserted {
                    let pixels = image.sourceWidth * image.sourceHeight
                    if pixels > pixelWarning {
                        warnings.append(.warning(
                            "'\(path)' is \(image.sourceWidth) × \(image.sourceHeight) pixels (\(pixels / 1_000_000) megapixels)",
                            at: item.location, hint: "scale it to at most 20 megapixels; pages show it at most 1600 pixels wide"))
                    }
                    if image.sourceBytes > byteWarning {
                        warnings.append(.warning(
                            "'\(path)' is \(image.sourceBytes / 1_048_576) MB", at: item.location,
                            hint: "export it at most 15 MB; pages show it at most 1600 pixels wide"))
                    }
                }
            case .remote(let remote):
                if remote.wasPlainHTTP {
                    warnings.append(.warning("'src' is an http address", at: item.location,
                                             hint: "write https://; the card links to it over https"))
                }
            }
            if item.credit == nil {
                warnings.append(.warning("media has no credit", at: item.location,
                                         hint: "add credit: \"Photo: NAME / AGENCY\""))
            }
        }
        return warnings
    }
}
