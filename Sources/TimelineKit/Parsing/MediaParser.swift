/// Reads `media:` entries: `{src, alt, caption, credit, license}`. What can
/// be told from the text is checked here; whether a local file exists and
/// is the image it says is the media stage's (`MediaLibrary`).
enum MediaParser {
    static let fields = ["src", "alt", "caption", "credit", "license"]

    static func media(_ f: FieldReader) -> [MediaItem] {
        f.mappings("media").compactMap { m in
            defer {
                m.reportUnknownFields(known: fields)
                f.absorb(m)
            }
            // Every field is read first, so an entry refused for its `src`
            // does not also report its other fields as unknown.
            let alt = m.node("alt") == nil ? nil : (m.text("alt") ?? "")
            let caption = m.text("caption"), credit = m.text("credit"), license = m.text("license")
            guard let src = m.text("src") else {
                if m.node("src") == nil {
                    m.error("media entry is missing 'src'", at: m.start,
                            hint: "a media entry is {src: media/photo.jpg, alt: \"...\", credit: \"...\"}")
                }
                return nil
            }
            let at = m.valueLocation("src")
            let item = { (source: MediaItem.Source) in
                MediaItem(source: source, alt: alt, caption: caption, credit: credit, license: license, location: at)
            }
            if let scheme = scheme(of: src) {
                switch RemoteMedia.recognise(src) {
                case .success(let remote):
                    return item(.remote(remote))
                case .failure(.scheme):
                    m.error("'src' may not be a \(scheme): address", at: at,
                            hint: "use a file under media/ or an https address of a video or post")
                case .failure(.unknownHost(let host)):
                    m.error("unknown video host '\(host)'", at: at,
                            hint: "media takes YouTube, Vimeo, Bluesky, X, Mastodon and DocumentCloud addresses; link other pages in the text")
                case .failure(.notAnItem(let host)):
                    m.error("not the address of one \(host.displayName) \(host.kind)", at: at,
                            hint: "copy the \(host.kind)'s own address from \(host.displayName)")
                }
                return nil
            }
            guard let path = localPath(src, m, at) else { return nil }
            if alt == nil {
                m.error("an image needs 'alt', the text a reader hears instead of it", at: m.start,
                        hint: "describe what the picture shows, or write alt: \"\" for a decorative image")
            }
            return alt == nil ? nil : item(.image(path: path))
        }
    }

    /// The scheme of an address (`https`, `javascript`), or nil for a path.
    private static func scheme(of src: String) -> String? {
        guard let colon = src.firstIndex(of: ":") else { return nil }
        let name = src[..<colon]
        guard let first = name.first, first.isLetter,
              name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+.-".contains($0)) }) else { return nil }
        return name.lowercased()
    }

    /// `media/…` with no way out of the folder, naming a kind of image the
    /// build publishes.
    private static func localPath(_ src: String, _ m: FieldReader, _ at: SourceLocation) -> String? {
        let segments = src.split(separator: "/", omittingEmptySubsequences: false)
        guard !src.hasPrefix("/"), !src.contains("\\"), segments.first == "media", segments.count >= 2,
              !segments.dropFirst().contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) else {
            m.error("'src' must be a file inside media/", at: at,
                    hint: "put the image in Content/media/ and write src: media/NAME.jpg")
            return nil
        }
        let name = String(segments.last!)
        if name.lowercased().hasSuffix(".svg") {
            m.error("SVG images are refused: they can carry scripts", at: at,
                    hint: "export it as PNG and use that")
            return nil
        }
        guard ImageKind(fileName: name) != nil else {
            m.error("'src' must be a JPEG, PNG, WebP or GIF image", at: at,
                    hint: "use a file ending in .jpg, .jpeg, .png, .webp or .gif")
            return nil
        }
        return src
    }
}
