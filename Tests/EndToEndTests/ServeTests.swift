import Foundation
import Testing
@testable import TimelineKit

/// `timeline serve` as an editor uses it: a real server on loopback, pages
/// fetched over HTTP, files edited on disk.
@Suite(.serialized) struct ServeTests {
    @Test func servesTheSiteWithTheRightTypesAndTheSite404() throws {
        let workspace = try Workspace()
        let server = try ServeProcess(in: workspace)
        let index = try RawHTTP.get(port: server.port, "/")
        #expect(index.status == 200)
        #expect(index.headers["content-type"] == "text/html; charset=utf-8")
        #expect(index.text.contains("<h1>Talks &amp; Tensions</h1>"))
        // Served pages listen for reloads; the written site never does.
        #expect(index.text.contains("new EventSource(\"/__timeline/events\")"))
        let expectations: [(String, Int, String?)] = [
            ("/events/geneva-meeting/", 200, "text/html; charset=utf-8"),
            ("/assets/style.css", 200, "text/css; charset=utf-8"),
            ("/assets/filter.js", 200, "text/javascript; charset=utf-8"),
            ("/feed.xml", 200, "application/atom+xml; charset=utf-8"),
            ("/feed.json", 200, "application/feed+json; charset=utf-8"),
            ("/timeline.ics", 200, "text/calendar; charset=utf-8"),
            ("/sitemap.xml", 200, "application/xml; charset=utf-8"),
            ("/search.json", 200, "application/json; charset=utf-8"),
            ("/robots.txt", 200, "text/plain; charset=utf-8"),
            ("/events/geneva-meeting", 301, nil),
            ("/no/such/page", 404, "text/html; charset=utf-8"),
        ]
        for (path, status, type) in expectations {
            let reply = try RawHTTP.get(port: server.port, path)
            #expect(reply.status == status, "\(path)")
            if let type { #expect(reply.headers["content-type"] == type, "\(path)") }
        }
        #expect(try RawHTTP.get(port: server.port, "/events/geneva-meeting").headers["location"] == "/events/geneva-meeting/")
        #expect(try RawHTTP.get(port: server.port, "/nope").text.contains("<h1>Page not found</h1>"))
        #expect(try RawHTTP.get(port: server.port, "/", method: "HEAD").body.isEmpty)
        #expect(try RawHTTP.get(port: server.port, "/", method: "POST").status == 405)
        #expect(!FileManager.default.fileExists(atPath: workspace.folder.path("Public").path), "serve must not write Public/")
        #expect(server.interrupt() == 0)
    }

    @Test func anEditIsServedAndAReloadSentWithinASecond() throws {
        let workspace = try Workspace()
        let server = try ServeProcess(in: workspace)
        let stream = try RawHTTP.openStream(port: server.port, "/__timeline/events")
        defer { close(stream) }
        #expect(RawHTTP.read(stream, until: ": connected", timeout: 5).contains("text/event-stream"))
        let offset = server.log.count
        let saved = Date()
        try workspace.edit("Content/events/geneva-meeting.md", replacing: "title: Envoys meet in Geneva", with: "title: Envoys meet again")
        let event = RawHTTP.read(stream, until: "data: reload", timeout: 5)
        let elapsed = Date().timeIntervalSince(saved)
        #expect(event.contains("data: reload"))
        #expect(elapsed < 1, "reload event after \(elapsed) s")
        #expect(try RawHTTP.get(port: server.port, "/events/geneva-meeting/").text.contains("<h1>Envoys meet again</h1>"))
        // Only the pages showing the event were rendered again: its own, its
        // two neighbours, the nine site-wide pages, and the pages of its two
        // tags, two people, place, document and source.
        let line = try #require(server.waitFor("Built ", after: offset, timeout: 5))
        #expect(line.hasPrefix("Built 19 of 25 pages in "), "\(line)")
        #expect(server.interrupt() == 0, "shuts down cleanly with a page still listening")
    }

    /// A picture replaced on disk is served under its new name after one
    /// reload, and no other image is encoded again: the cache gains one entry.
    @Test func aChangedPictureIsServedAndOnlyItIsEncoded() throws {
        let workspace = try Workspace()
        let server = try ServeProcess(in: workspace)
        let cache = workspace.folder.path(".timeline-cache/media")
        func entries() throws -> Int {
            try FileManager.default.contentsOfDirectory(atPath: cache.path).filter { !$0.hasPrefix(".") && $0 != "index.txt" }.count
        }
        let first = try RawHTTP.get(port: server.port, "/events/plan-drafted/")
        #expect(first.text.contains("media/envoys-in-geneva-fb48b47c-960.jpg"))
        let before = try entries()
        let stream = try RawHTTP.openStream(port: server.port, "/__timeline/events")
        defer { close(stream) }
        #expect(RawHTTP.read(stream, until: ": connected", timeout: 5).contains("text/event-stream"))
        let picture = try TestImages.encoded(.jpeg, width: 900, height: 600)
        try Data(picture).write(to: workspace.folder.path("Content/media/envoys-in-geneva.jpg"))
        #expect(RawHTTP.read(stream, until: "data: reload", timeout: 10).contains("data: reload"))
        let page = try RawHTTP.get(port: server.port, "/events/plan-drafted/").text
        let name = try #require(page.firstRange(of: "envoys-in-geneva-").map { page[$0.lowerBound...].prefix(26) })
        #expect(name.hasSuffix("-900.jpg") || page.contains(name + "-900.jpg") || page.contains("-900.jpg"), "\(name)")
        #expect(!page.contains("envoys-in-geneva-fb48b47c"))
        let served = try RawHTTP.get(port: server.port, "/media/" + String(page[page.range(of: "envoys-in-geneva-")!.lowerBound...].prefix { $0 != "\"" && $0 != " " }))
        #expect(served.status == 200)
        #expect(try entries() == before + 1)
        #expect(try RawHTTP.get(port: server.port, "/people/anna-envoy/").text.contains("anna-envoy-b7e8fa2f-400.png"))
        #expect(server.interrupt() == 0)
    }

    @Test func aBodyEditSavedInPlaceOrByRenamePatchesTheServedSite() throws {
        let workspace = try Workspace()
        let server = try ServeProcess(in: workspace)
        var offset = server.log.count
        try workspace.edit("Content/events/geneva-meeting.md", replacing: "A second paragraph", with: "A paragraph on sanctions")
        var line = try #require(server.waitFor("Built ", after: offset, timeout: 5))
        // Patched: the second paragraph is on the event's page alone (lists
        // show the first), and in the site-wide files.
        #expect(line.hasPrefix("Built 1 of 25 pages in ") && line.hasSuffix(" ms (body edit)"), "\(line)")
        #expect(try RawHTTP.get(port: server.port, "/events/geneva-meeting/").text.contains("A paragraph on sanctions"))
        #expect(try RawHTTP.get(port: server.port, "/timeline.json").text.contains("A paragraph on sanctions"))

        // As editors save atomically: a hidden temporary file renamed over the note.
        offset = server.log.count
        let text = try workspace.folder.read("Content/events/geneva-meeting.md")
        try workspace.write("Content/events/.geneva-meeting.md.tmp", text.replacingOccurrences(of: "sanctions", with: "prisoners"))
        #expect(rename(workspace.folder.path("Content/events/.geneva-meeting.md.tmp").path,
                       workspace.folder.path("Content/events/geneva-meeting.md").path) == 0)
        line = try #require(server.waitFor("(body edit)", after: offset, timeout: 5))
        // The temporary file's own burst may come first and patch nothing;
        // the rename's follows.
        var served = try RawHTTP.get(port: server.port, "/events/geneva-meeting/").text
        for _ in 0..<50 where !served.contains("A paragraph on prisoners") {
            usleep(100_000)
            served = try RawHTTP.get(port: server.port, "/events/geneva-meeting/").text
        }
        #expect(served.contains("A paragraph on prisoners"))
        #expect(server.log.dropFirst(offset).split(separator: "\n").contains { $0.hasPrefix("Built 1 of 25 pages") && $0.hasSuffix("(body edit)") })
        #expect(!server.log.dropFirst(offset).contains("failed"), "\(server.log)")
        #expect(server.interrupt() == 0)
    }

    @Test func aContentErrorIsShownInThePageUntilFixed() throws {
        let workspace = try Workspace()
        let server = try ServeProcess(in: workspace)
        let offset = server.log.count
        try workspace.edit("Content/events/geneva-meeting.md", replacing: "people: [anna-envoy,", with: "people: [anna-envoi,")
        let message = "Content/events/geneva-meeting.md:5:10: unknown person 'anna-envoi' in people (did you mean 'anna-envoy'?)"
        #expect(server.waitFor(message, after: offset, timeout: 5) != nil, "the terminal prints the error")
        let broken = try RawHTTP.get(port: server.port, "/events/plan-drafted/")
        #expect(broken.status == 500)
        #expect(broken.text.contains("unknown person &#39;anna-envoi&#39;") || broken.text.contains("unknown person 'anna-envoi'"))
        #expect(broken.text.contains("EventSource"), "the error page reloads itself once fixed")
        #expect(try RawHTTP.get(port: server.port, "/assets/style.css").status == 200, "assets still load")
        let fixedAt = server.log.count
        try workspace.edit("Content/events/geneva-meeting.md", replacing: "people: [anna-envoi,", with: "people: [anna-envoy,")
        #expect(server.waitFor("Built ", after: fixedAt, timeout: 5) != nil)
        let fixed = try RawHTTP.get(port: server.port, "/events/plan-drafted/")
        #expect(fixed.status == 200)
        #expect(fixed.text.contains("<h1>First draft written</h1>"))
        #expect(server.interrupt() == 0)
    }

    @Test(arguments: [
        "/../Package.swift", "/..%2fPackage.swift", "/%2e%2e/Package.swift", "/%2E%2E/%2E%2E/etc/passwd",
        "/assets/../../Templates/layout.mustache", "//etc/passwd", "/assets/%2e%2e/%2e%2e/Content/site.yml",
        "/events/..%5c..%5cPackage.swift", "/%00", "/%zz", "/secret.txt", "/../secret.txt",
    ])
    func noRequestLeavesTheSite(path: String) throws {
        let workspace = try Workspace()
        try workspace.folder.write("secret.txt", "TOP-SECRET")
        let server = try ServeProcess(in: workspace)
        #expect(try RawHTTP.get(port: server.port, "/").status == 200, "the site itself is served")
        let reply = try RawHTTP.get(port: server.port, path)
        #expect([400, 404].contains(reply.status), "\(path) → \(reply.status)")
        for secret in ["TOP-SECRET", "swift-tools-version", "root:", "{{<layout}}", "title: \"Talks"] {
            #expect(!reply.text.contains(secret), "\(path) leaked \(secret)")
        }
        #expect(server.interrupt() == 0)
    }

    /// A link among the assets to a file outside the templates folder is
    /// refused by the build, so its target is never published or served.
    @Test func anAssetLinkedFromOutsideIsRefused() throws {
        let workspace = try Workspace()
        try workspace.folder.write("secret.txt", "TOP-SECRET")
        try FileManager.default.createSymbolicLink(atPath: workspace.folder.path("Templates/assets/outside.txt").path,
                                                   withDestinationPath: workspace.folder.path("secret.txt").path)
        let server = try ServeProcess(in: workspace)
        #expect(server.waitFor("Templates/assets/outside.txt: symbolic link points outside the templates folder", timeout: 5) != nil)
        let reply = try RawHTTP.get(port: server.port, "/assets/outside.txt")
        #expect(reply.status == 500)
        #expect(!reply.text.contains("TOP-SECRET"))
        #expect(server.interrupt() == 0)
    }
}
