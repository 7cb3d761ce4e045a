import Foundation
import Testing
@testable import TimelineKit

/// Media written wrong (see BadInputTests.swift): each refused at the `src`
/// it concerns, exit 1, `Public/` as it was. The first draft's picture is
/// `src: media/envoys-in-geneva.jpg` on line 8 of its note, its value in
/// column 10.
@Suite struct BadInputMediaTests {
    static let note = "Content/events/plan-drafted.md"
    static let picture = "src: media/envoys-in-geneva.jpg"
    static func src(_ written: String) -> WorkspaceChange {
        .replace(note, picture, with: "src: \(written)")
    }

    static let cases: [BadCase] = [
        BadCase("a missing file", [src("media/envoys-in-geneva.jpeg")], [
            "Content/events/plan-drafted.md:8:10: no such image 'media/envoys-in-geneva.jpeg' in Content/media/ (did you mean 'media/envoys-in-geneva.jpg'?)",
            stopped(at: "media"),
        ]),
        BadCase("a path up to site.yml", [src("../site.yml")], [
            "Content/events/plan-drafted.md:8:10: 'src' must be a file inside media/ (put the image in Content/media/ and write src: media/NAME.jpg)",
            stopped(at: "parse"),
        ]),
        BadCase("a path that climbs out of media/", [src("media/../site.yml")], [
            "Content/events/plan-drafted.md:8:10: 'src' must be a file inside media/ (put the image in Content/media/ and write src: media/NAME.jpg)",
            stopped(at: "parse"),
        ]),
        BadCase("an absolute path", [src("/etc/hostname.jpg")], [
            "Content/events/plan-drafted.md:8:10: 'src' must be a file inside media/ (put the image in Content/media/ and write src: media/NAME.jpg)",
            stopped(at: "parse"),
        ]),
        BadCase("a symbolic link out of media/", [.symlink("Content/media/settings.jpg", to: "../site.yml"), src("media/settings.jpg")], [
            "Content/events/plan-drafted.md:8:10: 'media/settings.jpg' is a symbolic link to a file outside Content/media/ (copy the image into Content/media/ instead of linking to it)",
            stopped(at: "media"),
        ]),
        BadCase("a text file named .jpg", [.write("Content/media/notes.jpg", "Not a picture.\n"), src("media/notes.jpg")], [
            "Content/events/plan-drafted.md:8:10: 'media/notes.jpg' is not an image: it should be a JPEG (export the picture again as JPEG, PNG, WebP or GIF)",
            stopped(at: "media"),
        ]),
        BadCase("a PNG named .jpg", [.bytes("Content/media/chart.jpg", TestImages.png(width: 40, height: 30)), src("media/chart.jpg")], [
            "Content/events/plan-drafted.md:8:10: 'media/chart.jpg' is a PNG, not a JPEG as its name says (rename it to end in .png)",
            stopped(at: "media"),
        ]),
        BadCase("a truncated JPEG", [.bytes("Content/media/cut.jpg", truncatedJPEG()), src("media/cut.jpg")], [
            "Content/events/plan-drafted.md:8:10: 'media/cut.jpg' cannot be decoded: the file is truncated or damaged (export it again from the original)",
            stopped(at: "media"),
        ]),
        BadCase("a PNG claiming 100,000 × 100,000 pixels", [
            .bytes("Content/media/bomb.png", TestImages.pngHeaderOnly(width: 100_000, height: 100_000)), src("media/bomb.png"),
        ], [
            "Content/events/plan-drafted.md:8:10: 'media/bomb.png' is 100000 × 100000 pixels, over the limit of 100 megapixels (scale it down before adding it)",
            stopped(at: "media"),
        ]),
        BadCase("an SVG", [.write("Content/media/map.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>\n"), src("media/map.svg")], [
            "Content/events/plan-drafted.md:8:10: SVG images are refused: they can carry scripts (export it as PNG and use that)",
            stopped(at: "parse"),
        ]),
        BadCase("a picture without alt", [.replace(note, "    alt: \"Delegations seated at a long table under a bright window\"\n", with: "")], [
            "Content/events/plan-drafted.md:8:5: an image needs 'alt', the text a reader hears instead of it (describe what the picture shows, or write alt: \"\" for a decorative image)",
            stopped(at: "parse"),
        ]),
        BadCase("an unknown video host", [src("https://video.example.com/talks.mp4")], [
            "Content/events/plan-drafted.md:8:10: unknown video host 'video.example.com' (media takes YouTube, Vimeo, Bluesky, X, Mastodon and DocumentCloud addresses; link other pages in the text)",
            stopped(at: "parse"),
        ]),
        BadCase("a YouTube address that is no video", [src("https://www.youtube.com/@wireservice")], [
            "Content/events/plan-drafted.md:8:10: not the address of one YouTube video (copy the video's own address from YouTube)",
            stopped(at: "parse"),
        ]),
        BadCase("a javascript: address", [src("\"javascript:alert(document.cookie)\"")], [
            "Content/events/plan-drafted.md:8:10: 'src' may not be a javascript: address (use a file under media/ or an https address of a video or post)",
            stopped(at: "parse"),
        ]),
        BadCase("a data: address", [src("\"data:image/png;base64,iVBORw0KGgo=\"")], [
            "Content/events/plan-drafted.md:8:10: 'src' may not be a data: address (use a file under media/ or an https address of a video or post)",
            stopped(at: "parse"),
        ]),
        BadCase("an entry without src", [.replace(note, "  - " + picture, with: "  - title: the venue")], [
            "Content/events/plan-drafted.md:8:5: media entry is missing 'src' (a media entry is {src: media/photo.jpg, alt: \"...\", credit: \"...\"})",
            "Content/events/plan-drafted.md:8:5: warning: unknown field 'title' (known fields: src, alt, caption, credit, license)",
            stopped(at: "parse"),
        ]),
    ]

    /// The first half of a real JPEG: its header reads, its pixels do not.
    static func truncatedJPEG() -> [UInt8] {
        let whole = (try? TestImages.encoded(.jpeg, width: 640, height: 480)) ?? []
        return Array(whole.prefix(whole.count / 2))
    }

    @Test(arguments: cases)
    func refused(_ bad: BadCase) throws {
        let run = try BadInput.run(bad.changes)
        BadInput.expectRefused(run, bad.expected)
    }
}
