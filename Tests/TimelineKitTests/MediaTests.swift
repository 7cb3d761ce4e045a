import Foundation
import Testing
@testable import TimelineKit

/// The rules behind published media: which widths, which formats, which
/// addresses make a card, what the cache key depends on, what a WebP file
/// keeps, and what `check` warns about.
@Suite struct MediaTests {
    @Test(arguments: [
        (4000, [480, 960, 1600]), (1600, [480, 960, 1600]), (1601, [480, 960, 1600]), (1599, [480, 960, 1599]),
        (1200, [480, 960, 1200]), (960, [480, 960]), (961, [480, 960, 961]), (480, [480]), (300, [300]), (1, [1]),
    ])
    func widthsAreTheStandardOnesNeverWiderThanTheSource(source: Int, widths: [Int]) {
        #expect(ImageSizes.widths(forSourceWidth: source) == widths)
    }

    @Test func theFallbackFormatSuitsThePicture() {
        #expect(ImageSizes.fallbackFormat(for: .jpeg, hasAlpha: false) == .jpeg)
        #expect(ImageSizes.fallbackFormat(for: .png, hasAlpha: false) == .png)
        #expect(ImageSizes.fallbackFormat(for: .gif, hasAlpha: false) == .png)
        #expect(ImageSizes.fallbackFormat(for: .webp, hasAlpha: false) == .jpeg)
        #expect(ImageSizes.fallbackFormat(for: .webp, hasAlpha: true) == .png)
    }

    @Test func theCacheKeyFollowsTheContentAndTheSettings() {
        let hash = ImageCodec.sha256(Array("picture".utf8))
        #expect(ImageCodec.sha256([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        let key = ImageSizes.cacheKey(contentHash: hash)
        #expect(key == ImageSizes.cacheKey(contentHash: hash))
        #expect(key != ImageSizes.cacheKey(contentHash: ImageCodec.sha256(Array("picture!".utf8))))
        #expect(key != hash, "the settings are part of the key")
        #expect(ImageSizes.settings.contains("480 960 1600"))
    }

    @Test(arguments: [("Kremlin at Dusk.JPG", "kremlin-at-dusk"), ("media/2025/Київ.png", "kyiv"), ("media/___.gif", "image")])
    func fileNamesBecomeSlugs(src: String, stem: String) {
        #expect(ImageSizes.stem(of: src) == stem)
    }

    @Test(arguments: [
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", RemoteMedia.Host.youtube, "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"),
        ("https://youtu.be/dQw4w9WgXcQ", .youtube, "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"),
        ("https://www.youtube.com/shorts/dQw4w9WgXcQ", .youtube, "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"),
        ("https://vimeo.com/76979871", .vimeo, "https://player.vimeo.com/video/76979871?dnt=1&autoplay=1"),
        ("https://bsky.app/profile/did:plc:abc123/post/3lbf3etdjxc24", .bluesky,
         "https://embed.bsky.app/embed/did:plc:abc123/app.bsky.feed.post/3lbf3etdjxc24"),
        ("https://x.com/Reuters/status/1995000000000000000", .x, "https://platform.twitter.com/embed/Tweet.html?id=1995000000000000000&dnt=true"),
        ("https://twitter.com/Reuters/status/123", .x, "https://platform.twitter.com/embed/Tweet.html?id=123&dnt=true"),
        ("https://mastodon.social/@wire/113456789012345678", .mastodon, "https://mastodon.social/@wire/113456789012345678/embed"),
        ("https://www.documentcloud.org/documents/20059068-plan", .documentcloud, "https://embed.documentcloud.org/documents/20059068-plan/?embed=1"),
    ])
    func addressesOfKnownHostsBecomeCards(address: String, host: RemoteMedia.Host, embed: String) throws {
        let media = try RemoteMedia.recognise(address).get()
        #expect(media.host == host)
        #expect(media.embedURL == embed)
        #expect(!media.wasPlainHTTP)
    }

    @Test func otherAddressesAreRefusedWithTheReason() {
        #expect(RemoteMedia.recognise("javascript:alert(1)") == .failure(.scheme("javascript")))
        #expect(RemoteMedia.recognise("data:text/html,x") == .failure(.scheme("data")))
        #expect(RemoteMedia.recognise("ftp://example.org/x.mp4") == .failure(.scheme("ftp")))
        #expect(RemoteMedia.recognise("https://example.org/video.mp4") == .failure(.unknownHost("example.org")))
        #expect(RemoteMedia.recognise("https://www.youtube.com/watch?v=short") == .failure(.notAnItem(.youtube)))
        #expect(RemoteMedia.recognise("https://x.com/Reuters") == .failure(.notAnItem(.x)))
        // An embed address is made from checked parts only: no quote or space gets through.
        if case .success = RemoteMedia.recognise("https://youtu.be/dQw4w9WgXc\"") { Issue.record("a quote made a card") }
        let plain = try? RemoteMedia.recognise("http://vimeo.com/76979871").get()
        #expect(plain?.wasPlainHTTP == true && plain?.url == "https://vimeo.com/76979871")
    }

    /// A WebP file loses its EXIF, XMP and ICC chunks and their flags, and
    /// keeps everything else byte for byte.
    @Test func webPMetadataChunksAreCutOut() {
        func chunk(_ fourCC: String, _ payload: [UInt8]) -> [UInt8] {
            let size = payload.count
            return Array(fourCC.utf8) + [UInt8(size & 0xFF), UInt8(size >> 8 & 0xFF), 0, 0] + payload + (size % 2 == 1 ? [0] : [])
        }
        func file(_ chunks: [[UInt8]]) -> [UInt8] {
            let body = Array("WEBP".utf8) + chunks.joined()
            return Array("RIFF".utf8) + [UInt8(body.count & 0xFF), UInt8(body.count >> 8 & 0xFF), 0, 0] + body
        }
        let vp8x = chunk("VP8X", [0x2C, 0, 0, 0, 9, 0, 0, 9, 0, 0]) // ICC 0x20, EXIF 0x08, XMP 0x04
        let image = chunk("VP8L", [0x2F, 1, 2, 3, 4])
        let input = file([vp8x, chunk("ICCP", [1, 2, 3]), image, chunk("EXIF", Array("Exif\0\0GPS".utf8)), chunk("XMP ", [7, 7])])
        let expected = file([chunk("VP8X", [0x00, 0, 0, 0, 9, 0, 0, 9, 0, 0]), image])
        #expect(WebPMetadata.stripped(input) == expected)
        #expect(WebPMetadata.stripped(expected) == expected)
        #expect(WebPMetadata.stripped(Array("not a webp".utf8)) == Array("not a webp".utf8))
        #expect(WebPMetadata.stripped(Array(input.prefix(34))) == Array(input.prefix(34)), "a file cut inside a chunk comes back as it was")
    }

    /// The review's thresholds: over 20 megapixels, over 15 MB.
    @Test func heavyImagesAreWarnedAbout() throws {
        let pictured = note(.event, "talks", "title: Talks\ndate: 2025-11-23\nmedia:\n  - {src: media/big.jpg, alt: x, credit: A}")
        let (chronology, problems) = try link([pictured])
        #expect(problems.isEmpty)
        func warnings(width: Int, height: Int, bytes: Int) -> [String] {
            var library = MediaLibrary()
            let variant = PublishedImage.Variant(path: "media/big-1-480.jpg", width: 480, height: 320, format: .jpeg, bytes: 1)
            library.images["media/big.jpg"] = PublishedImage(variants: [variant], sourceBytes: bytes, sourceWidth: width, sourceHeight: height)
            return MediaReview.warnings(chronology, library).map(\.message)
        }
        #expect(warnings(width: 5000, height: 4000, bytes: 15 * 1_048_576) == [])
        #expect(warnings(width: 5000, height: 4001, bytes: 15 * 1_048_576 + 1) == [
            "'media/big.jpg' is 5000 × 4001 pixels (20 megapixels)", "'media/big.jpg' is 15 MB",
        ])
    }
}
