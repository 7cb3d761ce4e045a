import Foundation
import Testing
@testable import TimelineKit

/// Pictures, videos and posts end to end: the small story's media built by
/// the real binary, the published files read back with libvips, the pages
/// read as a browser would.
@Suite struct MediaBuildTests {
    static let jpeg = "envoys-in-geneva-fb48b47c"
    static let png = "anna-envoy-b7e8fa2f"

    /// Each published file, opened with libvips: the widths the sizes say
    /// (never wider than the source), WebP beside JPEG or PNG, upright.
    @Test func picturesArePublishedInTheirWidthsAndFormats() throws {
        let workspace = try Workspace()
        #expect(try workspace.build(["--quiet"]).status == 0)
        let media = workspace.folder.path("Public/media")
        let files = filesBelow(media).filter { !$0.hasPrefix("cards/") }
        #expect(files == [
            "\(Self.png)-400.png", "\(Self.png)-400.webp",
            "\(Self.jpeg)-1200.jpg", "\(Self.jpeg)-1200.webp", "\(Self.jpeg)-480.jpg", "\(Self.jpeg)-480.webp",
            "\(Self.jpeg)-960.jpg", "\(Self.jpeg)-960.webp",
        ])
        for file in files {
            let header = try ImageCodec.header(Array(Data(contentsOf: media.appendingPathComponent(file))))
            let width = Int(file.split(separator: "-").last!.split(separator: ".")[0])!
            #expect(header.width == width, "\(file)")
            // 1200 × 800 and 400 × 500 sources keep their proportions.
            #expect(header.height == (file.hasPrefix("anna") ? 500 : width * 2 / 3), "\(file)")
            let kind = String(file.split(separator: ".").last!)
            #expect(header.loader.lowercased().contains(kind == "jpg" ? "jpeg" : kind), "\(file): \(header.loader)")
            #expect(header.orientation == 1)
        }
        #expect(try ImageCodec.header(Array(Data(contentsOf: media.appendingPathComponent("\(Self.png)-400.png")))).hasAlpha)
    }

    /// The event page's `<picture>`, the card, the thumbnail in lists, the
    /// portrait, and what a shared link shows.
    @Test func pagesShowPicturesCardsThumbnailsAndSocialImages() throws {
        let workspace = try Workspace()
        #expect(try workspace.build(["--quiet"]).status == 0)
        let page = try HTMLPage(workspace.folder.path("Public/events/plan-drafted/index.html"))
        let img = "//figure[contains(@class,'media-image')]//img"
        #expect(page.attributes(img, "src") == ["../../media/\(Self.jpeg)-960.jpg"])
        #expect(page.attributes(img, "srcset") == [
            "../../media/\(Self.jpeg)-480.jpg 480w, ../../media/\(Self.jpeg)-960.jpg 960w, ../../media/\(Self.jpeg)-1200.jpg 1200w",
        ])
        #expect(page.attributes("//figure[contains(@class,'media-image')]//source", "type") == ["image/webp"])
        #expect(page.attributes(img, "width") == ["1200"] && page.attributes(img, "height") == ["800"])
        #expect(page.attributes(img, "loading") == ["eager"])
        #expect(page.attributes(img, "alt") == ["Delegations seated at a long table under a bright window"])
        #expect(page.texts("//figure[contains(@class,'media-image')]/figcaption")
            == ["Where the first draft was written. Photo: Fixture Desk (CC BY 4.0)"])
        // The video: a link to the original, a hidden button, no frame.
        let card = "//figure[contains(@class,'media-embed')]"
        #expect(page.attributes(card, "data-embed") == ["https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ?autoplay=1"])
        #expect(page.attributes(card + "//a", "href") == ["https://www.youtube.com/watch?v=aqz-KE-bpKQ"])
        #expect(page.count(card + "//p[@class='embed-load'][@hidden]//button") == 1)
        #expect(page.count("//iframe") == 0)
        #expect(page.attributes("//script", "src").contains("../../assets/media.js"))
        // With base_url: the picture's widest fallback; a card for an event without one.
        #expect(page.attributes("//meta[@property='og:image']", "content") == ["https://example.org/talks/media/\(Self.jpeg)-1200.jpg"])
        #expect(page.attributes("//meta[@name='twitter:card']", "content") == ["summary_large_image"])
        let geneva = try HTMLPage(workspace.folder.path("Public/events/geneva-meeting/index.html"))
        let cardImage = try #require(geneva.attributes("//meta[@property='og:image']", "content").first)
        #expect(cardImage.hasPrefix("https://example.org/talks/media/cards/geneva-meeting-") && cardImage.hasSuffix(".png"))
        let drawn = try ImageCodec.header(Array(Data(contentsOf: workspace.folder.path("Public/" + cardImage.dropFirst("https://example.org/talks/".count)))))
        #expect(drawn.width == 1200 && drawn.height == 630)
        #expect(geneva.attributes("//script", "src").allSatisfy { !$0.contains("media.js") }, "no card, no script")
        // Lists show the first picture small, lazily.
        let index = try HTMLPage(workspace.folder.path("Public/index.html"))
        let thumbnail = "//li[@id='event-plan-drafted']//picture[@class='thumbnail']//img"
        #expect(index.attributes(thumbnail, "src") == ["media/\(Self.jpeg)-480.jpg"])
        #expect(index.attributes(thumbnail, "loading") == ["lazy"])
        // A person's first picture is the portrait; the rest follow.
        let person = try HTMLPage(workspace.folder.path("Public/people/anna-envoy/index.html"))
        #expect(person.attributes("//header//div[@class='portrait']//img", "src") == ["../../media/\(Self.png)-400.png"])
        #expect(person.count("//figure[contains(@class,'media-image')]") == 2)
        #expect(person.attributes("//figure[contains(@class,'media-embed')]", "data-embed")
            == ["https://embed.bsky.app/embed/wire.example.org/app.bsky.feed.post/3lbf3etdjxc24"])
    }

    /// Without base_url there is no absolute address for a shared image:
    /// no og:image, and no card is drawn.
    @Test func withoutABaseURLNoSocialImageIsMade() throws {
        let workspace = try Workspace()
        try workspace.edit("Content/site.yml", replacing: "base_url: https://example.org/talks\n", with: "")
        #expect(try workspace.build(["--quiet"]).status == 0)
        let page = try HTMLPage(workspace.folder.path("Public/events/plan-drafted/index.html"))
        #expect(page.count("//meta[@property='og:image']") == 0)
        #expect(!FileManager.default.fileExists(atPath: workspace.folder.path("Public/media/cards").path))
        #expect(page.count("//picture") == 1)
    }

    /// An image is encoded once: the next build copies what the cache
    /// holds (a planted byte proves it was not encoded again); a changed
    /// image gets new files under a new name, and the old ones go.
    @Test func imagesAreEncodedOnceAndAgainOnlyWhenTheyChange() throws {
        let workspace = try Workspace()
        #expect(try workspace.build(["--quiet"]).status == 0)
        let cache = workspace.folder.path(".timeline-cache/media")
        let entries = try FileManager.default.contentsOfDirectory(atPath: cache.path).filter { !$0.hasPrefix(".") && $0 != "index.txt" }
        #expect(entries.count == 2 + 3, "two pictures, and cards for the three published events without one")
        let cached = try #require(entries.first { entry in
            (try? String(contentsOf: cache.appendingPathComponent("\(entry)/manifest.txt"), encoding: .utf8))?.contains("file jpeg 480") == true
        })
        var planted = Array(try Data(contentsOf: cache.appendingPathComponent("\(cached)/480.jpg")))
        planted[planted.count - 3] ^= 0xFF
        try Data(planted).write(to: cache.appendingPathComponent("\(cached)/480.jpg"))
        #expect(try workspace.build(["--quiet"]).status == 0)
        #expect(Array(try Data(contentsOf: workspace.folder.path("Public/media/\(Self.jpeg)-480.jpg"))) == planted)

        try Data(TestImages.encoded(.jpeg, width: 900, height: 600)).write(to: workspace.folder.path("Content/media/envoys-in-geneva.jpg"))
        #expect(try workspace.build(["--quiet"]).status == 0)
        let names = filesBelow(workspace.folder.path("Public/media")).filter { $0.hasPrefix("envoys-in-geneva-") }
        #expect(names.count == 4 && !names.contains { $0.hasPrefix(Self.jpeg) }, "\(names)")
        #expect(names.contains { $0.hasSuffix("-900.jpg") })
    }

    /// Same input, same bytes: two builds from empty caches in different
    /// folders publish identical images and cards.
    @Test func publishedImagesAreTheSameBytesEveryBuild() throws {
        let first = try Workspace(), second = try Workspace()
        #expect(try first.build(["--quiet"]).status == 0)
        #expect(try second.build(["--quiet", "--cache", second.folder.path("elsewhere").path]).status == 0)
        let a = try snapshot(first.folder.path("Public/media")), b = try snapshot(second.folder.path("Public/media"))
        #expect(a.count == 8 + 3)
        #expect(a == b)
    }

    /// `check` warns about what builds but should not go out as it is.
    @Test func checkWarnsOfHTTPAddressesAndMissingCredits() throws {
        let workspace = try Workspace()
        try workspace.edit("Content/events/plan-drafted.md", replacing: "src: https://www.youtube.com/watch?v=aqz-KE-bpKQ",
                           with: "src: http://www.youtube.com/watch?v=aqz-KE-bpKQ")
        try workspace.edit("Content/events/plan-drafted.md", replacing: "    credit: \"Video: Wire Service\"\n", with: "")
        let lines = try TimelineCLI.run(["check"], in: workspace.url).stdout.split(separator: "\n").map(String.init)
        #expect(lines.filter { $0.contains("plan-drafted") && $0.contains("warning: ") && !$0.contains("no source") } == [
            "Content/events/plan-drafted.md:13:10: warning: 'src' is an http address (write https://; the card links to it over https)",
            "Content/events/plan-drafted.md:13:10: warning: media has no credit (add credit: \"Photo: NAME / AGENCY\")",
        ])
        #expect(try workspace.build(["--quiet"]).status == 0, "a warning, not an error")
        let page = try HTMLPage(workspace.folder.path("Public/events/plan-drafted/index.html"))
        #expect(page.attributes("//figure[contains(@class,'media-embed')]//a", "href") == ["https://www.youtube.com/watch?v=aqz-KE-bpKQ"])
    }
}
