import CVips

/// libvips, as Timeline uses it: read an image's header without decoding
/// it, make one published variant, draw a social card. Each call is
/// independent and thread-safe; libvips runs each on one thread, so the
/// media stage can run one image per core.
enum ImageCodec {
    struct Header: Equatable {
        var width: Int
        var height: Int
        /// libvips' loader: "VipsForeignLoadJpegBuffer"...
        var loader: String
        /// Width and height once turned upright by its EXIF orientation.
        var uprightWidth: Int { orientation >= 5 ? height : width }
        var uprightHeight: Int { orientation >= 5 ? width : height }
        var orientation: Int
        var hasAlpha: Bool
    }

    /// What libvips said, for a hint.
    struct Failure: Error, Equatable {
        let reason: String
    }

    enum Format: String, Sendable, CaseIterable {
        case jpeg, png, webp

        var fileExtension: String { self == .jpeg ? "jpg" : rawValue }
        var mimeType: String { "image/" + rawValue }
        fileprivate var c: TLFormat {
            switch self {
            case .jpeg: return TLFormatJPEG
            case .png: return TLFormatPNG
            case .webp: return TLFormatWebP
            }
        }
    }

    static func start() throws(Failure) {
        var error = [CChar](repeating: 0, count: 512)
        guard tl_vips_start(&error) == 0 else { throw Failure(reason: Self.text(error)) }
    }

    static func header(_ bytes: [UInt8]) throws(Failure) -> Header {
        try start()
        var header = TLImageHeader()
        var error = [CChar](repeating: 0, count: 512)
        let status = bytes.withUnsafeBytes { tl_vips_header($0.baseAddress, $0.count, &header, &error) }
        guard status == 0 else { throw Failure(reason: Self.text(error)) }
        let loader = withUnsafeBytes(of: header.loader) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        return Header(width: Int(header.width), height: Int(header.height), loader: loader,
                      orientation: Int(header.orientation), hasAlpha: header.hasAlpha != 0)
    }

    /// The image upright, in sRGB, shrunk to `width` at most, encoded as
    /// `format` with no metadata (not even the EXIF block libvips writes
    /// into WebP: `WebPMetadata`).
    static func variant(_ bytes: [UInt8], width: Int, format: Format) throws(Failure) -> (bytes: [UInt8], width: Int, height: Int) {
        try start()
        var out: UnsafeMutableRawPointer?
        var length = 0
        var outWidth: Int32 = 0, outHeight: Int32 = 0
        var error = [CChar](repeating: 0, count: 512)
        let status = bytes.withUnsafeBytes {
            tl_vips_variant($0.baseAddress, $0.count, Int32(width), format.c, &out, &length, &outWidth, &outHeight, &error)
        }
        guard status == 0, let out else { throw Failure(reason: Self.text(error)) }
        defer { tl_vips_free(out) }
        let encoded = Array(UnsafeRawBufferPointer(start: out, count: length))
        return (format == .webp ? WebPMetadata.stripped(encoded) : encoded, Int(outWidth), Int(outHeight))
    }

    /// A 1200×630 PNG: `markup` (Pango markup) in `foreground` on `background`.
    static func card(markup: String, font: String, background: UInt32, foreground: UInt32) throws(Failure) -> [UInt8] {
        try start()
        var out: UnsafeMutableRawPointer?
        var length = 0
        var error = [CChar](repeating: 0, count: 512)
        guard tl_vips_card(markup, font, nil, background, foreground, &out, &length, &error) == 0, let out else {
            throw Failure(reason: Self.text(error))
        }
        defer { tl_vips_free(out) }
        return Array(UnsafeRawBufferPointer(start: out, count: length))
    }

    /// Text made safe to put inside Pango markup.
    static func markupEscaped(_ text: String) -> String {
        guard let escaped = tl_markup_escape(text) else { return "" }
        defer { tl_vips_free(escaped) }
        return String(cString: escaped)
    }

    /// SHA-256 of `bytes`, as 64 hex digits.
    static func sha256(_ bytes: [UInt8]) -> String {
        var hex = [CChar](repeating: 0, count: 65)
        bytes.withUnsafeBytes { tl_sha256_hex($0.baseAddress, $0.count, &hex) }
        return Self.text(hex)
    }

    private static func text(_ buffer: [CChar]) -> String {
        String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
