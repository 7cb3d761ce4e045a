/// Takes EXIF, XMP and ICC chunks out of a WebP file. libvips 8.14's WebP
/// saver writes an EXIF block of its own even when told to strip (with no
/// GPS, but a block all the same), and no published file may carry one.
enum WebPMetadata {
    /// The file without `EXIF`, `XMP ` and `ICCP` chunks and with their
    /// flags cleared; bytes that are not a well-formed WebP come back as
    /// they were.
    static func stripped(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.count >= 12, bytes[0..<4].elementsEqual("RIFF".utf8), bytes[8..<12].elementsEqual("WEBP".utf8) else {
            return bytes
        }
        var chunks: [ArraySlice<UInt8>] = []
        var offset = 12
        while offset + 8 <= bytes.count {
            let size = Int(bytes[offset + 4]) | Int(bytes[offset + 5]) << 8 | Int(bytes[offset + 6]) << 16 | Int(bytes[offset + 7]) << 24
            let end = offset + 8 + size + (size & 1)
            guard end <= bytes.count || (end == bytes.count + 1 && size & 1 == 1) else { return bytes }
            let fourCC = String(decoding: bytes[offset..<(offset + 4)], as: UTF8.self)
            if !["EXIF", "XMP ", "ICCP"].contains(fourCC) { chunks.append(bytes[offset..<min(end, bytes.count)]) }
            offset = end
        }
        guard offset >= bytes.count else { return bytes }
        var body: [UInt8] = Array("WEBP".utf8)
        for chunk in chunks {
            var chunk = Array(chunk)
            // VP8X's first byte holds the flags: ICC 0x20, EXIF 0x08, XMP 0x04.
            if chunk.starts(with: "VP8X".utf8), chunk.count > 8 { chunk[8] &= ~UInt8(0x20 | 0x08 | 0x04) }
            body += chunk
        }
        let size = UInt32(body.count)
        return Array("RIFF".utf8) + [UInt8(size & 0xFF), UInt8(size >> 8 & 0xFF), UInt8(size >> 16 & 0xFF), UInt8(size >> 24)] + body
    }
}
