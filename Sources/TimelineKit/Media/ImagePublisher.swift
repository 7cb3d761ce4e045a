/// One local image, from its `src` to its published variants: found inside
/// `Content/media/`, held to the kind its name says and to a size limit
/// before any pixel is decoded, then taken from the cache or encoded.
enum ImagePublisher {
    /// Refused before decoding: a header can claim any size, and decoding
    /// 100,000 × 100,000 pixels would take 30 GB.
    static let pixelLimit = 100_000_000
    static let byteLimit = 200 * 1024 * 1024

    struct Published: Sendable {
        var image: PublishedImage
        /// Public path → where its bytes are.
        var files: [String: MediaFileSource]
        var realPath: String
        var known: MediaCache.Known
        /// The cache could not be written: the bytes are in memory.
        var uncached = false
    }

    enum Problem: Error, Equatable {
        case missing(suggestion: String?)
        case outsideMedia
        case unreadable(String)
        case tooLarge(bytes: Int)
        case notAnImage(expected: ImageKind)
        case wrongKind(expected: ImageKind, found: String)
        case tooManyPixels(width: Int, height: Int)
        case undecodable(String)

        func message(_ src: String) -> String {
            switch self {
            case .missing: return "no such image '\(src)' in Content/media/"
            case .outsideMedia: return "'\(src)' is a symbolic link to a file outside Content/media/"
            case .unreadable(let reason): return "cannot read '\(src)': \(reason)"
            case .tooLarge(let bytes): return "'\(src)' is \(bytes / 1_048_576) MB, over the limit of \(byteLimit / 1_048_576) MB"
            case .notAnImage(let expected): return "'\(src)' is not an image: it should be \(expected.named)"
            case .wrongKind(let expected, let found): return "'\(src)' is \(found), not \(expected.named) as its name says"
            case .tooManyPixels(let width, let height):
                return "'\(src)' is \(width) × \(height) pixels, over the limit of \(pixelLimit / 1_000_000) megapixels"
            case .undecodable: return "'\(src)' cannot be decoded: the file is truncated or damaged"
            }
        }

        func hint(_ src: String) -> String {
            switch self {
            case .missing(let suggestion):
                return suggestion.map { "did you mean '\($0)'?" } ?? "put the file in Content/media/, or fix the name"
            case .outsideMedia: return "copy the image into Content/media/ instead of linking to it"
            case .unreadable: return "check the file's permissions"
            case .tooLarge, .tooManyPixels: return "scale it down before adding it"
            case .notAnImage: return "export the picture again as JPEG, PNG, WebP or GIF"
            case .wrongKind(_, let found):
                let ending = found.contains("PNG") ? "png" : found.contains("WebP") ? "webp" : found.contains("GIF") ? "gif" : "jpg"
                return "rename it to end in .\(ending)"
            case .undecodable: return "export it again from the original"
            }
        }
    }

    static func publish(_ src: String, contentPath: String, cache: MediaCache,
                        index: [String: MediaCache.Known]) -> Result<Published, Problem> {
        let path = ContentLoader.join(contentPath, src)
        guard FileSystem.resolvedType(of: path) == .file else {
            if FileSystem.type(of: path) == .symlink { return .failure(.outsideMedia) }
            return .failure(.missing(suggestion: closeName(to: src, contentPath: contentPath)))
        }
        guard let real = try? FileSystem.realPath(path),
              let mediaRoot = try? FileSystem.realPath(ContentLoader.join(contentPath, "media")),
              real.hasPrefix(mediaRoot + "/") else { return .failure(.outsideMedia) }
        let stamp = FileSystem.stamp(of: real)
        // An unchanged file: its hash is known, and so is its entry.
        if let stamp, let known = index[real], known.stamp == stamp,
           let published = cached(src, contentHash: known.contentHash, cache: cache) {
            return .success(Published(image: published.image, files: published.files, realPath: real, known: known))
        }
        if let size = stamp?.size, size > byteLimit { return .failure(.tooLarge(bytes: size)) }
        let bytes: [UInt8]
        do { bytes = try FileSystem.readBytes(real) } catch { return .failure(.unreadable(error.reason)) }
        guard bytes.count <= byteLimit else { return .failure(.tooLarge(bytes: bytes.count)) }
        let contentHash = ImageCodec.sha256(bytes)
        let known = MediaCache.Known(stamp: stamp ?? FileStamp(modified: 0, size: bytes.count, inode: 0), contentHash: contentHash)
        if let published = cached(src, contentHash: contentHash, cache: cache) {
            return .success(Published(image: published.image, files: published.files, realPath: real, known: known))
        }
        let kind = ImageKind(fileName: src)!
        let header: ImageCodec.Header
        do { header = try ImageCodec.header(bytes) } catch { return .failure(.notAnImage(expected: kind)) }
        guard kind.isRead(by: header.loader) else {
            let found = ImageKind.allCases.first { $0.isRead(by: header.loader) }?.named ?? "another kind of image"
            return .failure(.wrongKind(expected: kind, found: found))
        }
        guard header.width * header.height <= pixelLimit, header.width <= 65_535, header.height <= 65_535 else {
            return .failure(.tooManyPixels(width: header.width, height: header.height))
        }
        // Encode every width in WebP and the fallback format, then cache.
        let fallback = ImageSizes.fallbackFormat(for: kind, hasAlpha: header.hasAlpha)
        var files: [MediaCache.File] = [], encoded: [[UInt8]] = []
        for width in ImageSizes.widths(forSourceWidth: header.uprightWidth) {
            for format in [ImageCodec.Format.webp, fallback] {
                do {
                    let variant = try ImageCodec.variant(bytes, width: width, format: format)
                    files.append(MediaCache.File(format: format, width: variant.width, height: variant.height,
                                                 name: "\(width).\(format.fileExtension)"))
                    encoded.append(variant.bytes)
                } catch {
                    return .failure(.undecodable(error.reason))
                }
            }
        }
        let key = ImageSizes.cacheKey(contentHash: contentHash)
        let entry = MediaCache.Entry(sourceBytes: bytes.count, sourceWidth: header.uprightWidth,
                                     sourceHeight: header.uprightHeight, files: files)
        if cache.store(key, entry, bytes: encoded), let published = cached(src, contentHash: contentHash, cache: cache) {
            return .success(Published(image: published.image, files: published.files, realPath: real, known: known))
        }
        let inMemory = Dictionary(uniqueKeysWithValues: zip(entry.files.map(\.name), encoded.map(MediaFileSource.bytes)))
        let published = image(src, contentHash: contentHash, entry: entry) { inMemory[$0.name]! }
        return .success(Published(image: published.image, files: published.files, realPath: real, known: known, uncached: true))
    }

    /// The published image from a complete cache entry.
    static func cached(_ src: String, contentHash: String, cache: MediaCache)
        -> (image: PublishedImage, files: [String: MediaFileSource])? {
        let key = ImageSizes.cacheKey(contentHash: contentHash)
        guard let entry = cache.entry(key) else { return nil }
        return image(src, contentHash: contentHash, entry: entry) { .cached(cache.path(key, $0.name)) }
    }

    /// The image an entry describes, under the names `src` and its content
    /// give it, each file's bytes where `source` says.
    static func image(_ src: String, contentHash: String, entry: MediaCache.Entry,
                      source: (MediaCache.File) -> MediaFileSource) -> (image: PublishedImage, files: [String: MediaFileSource]) {
        let stem = ImageSizes.stem(of: src) + "-" + contentHash.prefix(8)
        var files: [String: MediaFileSource] = [:]
        let variants = entry.files.map { file -> PublishedImage.Variant in
            let path = "media/\(stem)-\(file.name.split(separator: ".")[0]).\(file.format.fileExtension)"
            let where_ = source(file)
            files[path] = where_
            let bytes: Int
            switch where_ {
            case .bytes(let data): bytes = data.count
            case .cached: bytes = file.bytes
            }
            return PublishedImage.Variant(path: path, width: file.width, height: file.height, format: file.format, bytes: bytes)
        }
        let image = PublishedImage(variants: variants, sourceBytes: entry.sourceBytes,
                                   sourceWidth: entry.sourceWidth, sourceHeight: entry.sourceHeight)
        return (image, files)
    }

    /// A file in the same folder with a name close to the one written.
    private static func closeName(to src: String, contentPath: String) -> String? {
        let parts = src.split(separator: "/").map(String.init)
        let folder = ContentLoader.join(contentPath, parts.dropLast().joined(separator: "/"))
        guard let names = try? FileSystem.entries(of: folder), let last = parts.last,
              let match = Suggestion.closest(to: last, in: names) else { return nil }
        return (parts.dropLast() + [match]).joined(separator: "/")
    }
}
