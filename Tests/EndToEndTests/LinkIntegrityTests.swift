import Foundation
import Testing

/// Every relative link and asset reference in the built site resolves to a
/// file that exists, and every `#fragment` to an element id on that page, so
/// `Public/` works from any sub-path and from `file://`.
@Suite struct LinkIntegrityTests {
    @Test(arguments: ["committed", "small-story"])
    func everyRelativeLinkResolves(site: String) throws {
        let temp = try TemporaryFolder("links")
        let root: URL
        if site == "committed" {
            root = TimelineCLI.packageRoot.appendingPathComponent("Public")
        } else {
            root = temp.path("out")
            let outcome = try TimelineCLI.run(
                ["build", "--content", TimelineCLI.fixtures.appendingPathComponent(site).path,
                 "--templates", TimelineCLI.packageRoot.appendingPathComponent("Templates").path,
                 "--output", root.path], in: temp.url)
            #expect(outcome.status == 0, "\(outcome.stderr)")
        }
        let pages = filesBelow(root).filter { $0.hasSuffix(".html") }
        #expect(pages.count > 10)
        var idsByPage: [String: Set<String>] = [:]
        func ids(of page: String) throws -> Set<String> {
            if let known = idsByPage[page] { return known }
            let found = Set(try HTMLPage(root.appendingPathComponent(page)).attributes("//*[@id]", "id"))
            idsByPage[page] = found
            return found
        }
        var checked = 0
        for page in pages where page != "404.html" {  // 404 links from the host root by design
            let html = try HTMLPage(root.appendingPathComponent(page))
            let references = html.attributes("//a[@href]", "href") + html.attributes("//link[@href]", "href")
                + html.attributes("//*[@src]", "src")
            for reference in references {
                if reference.contains("://") || reference.hasPrefix("mailto:") { continue }
                let parts = reference.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
                let pathPart = String(parts[0])
                let fragment = parts.count > 1 ? String(parts[1]) : nil
                let pageFolder = (page as NSString).deletingLastPathComponent
                var target = pathPart.isEmpty ? page : ((pageFolder as NSString).appendingPathComponent(pathPart) as NSString).standardizingPath
                if target.hasPrefix("/") || target.hasPrefix("..") {
                    Issue.record("\(page): link '\(reference)' leaves the site")
                    continue
                }
                if pathPart.hasSuffix("/") || target.isEmpty { target += "/index.html" }
                #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent(target).path),
                        "\(page): link '\(reference)' points to missing \(target)")
                if let fragment, target.hasSuffix(".html"),
                   FileManager.default.fileExists(atPath: root.appendingPathComponent(target).path) {
                    #expect(try ids(of: target).contains(fragment), "\(page): '#\(fragment)' not found in \(target)")
                }
                checked += 1
            }
        }
        #expect(checked > 100)
    }
}
