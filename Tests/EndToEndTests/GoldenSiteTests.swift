import Foundation
import Testing

/// The committed `Public/` is exactly what the shipped `Content/` and
/// `Templates/` build to, so a change to either without a rebuild fails CI,
/// and the output never depends on the clock, the folder or listing order.
@Suite struct GoldenSiteTests {
    @Test func committedPublicEqualsAFreshBuild() throws {
        let temp = try TemporaryFolder("golden")
        let root = TimelineCLI.packageRoot
        let outcome = try TimelineCLI.run(
            ["build", "--content", root.appendingPathComponent("Content").path,
             "--templates", root.appendingPathComponent("Templates").path,
             "--output", temp.path("Public").path, "--quiet"],
            in: temp.url)
        #expect(outcome.status == 0, "\(outcome.stderr)")

        let committed = root.appendingPathComponent("Public")
        let built = temp.path("Public")
        let committedFiles = filesBelow(committed)
        let builtFiles = filesBelow(built)
        #expect(committedFiles == builtFiles, "rebuild the site: swift run timeline build")
        for file in builtFiles where committedFiles.contains(file) {
            let a = try Data(contentsOf: committed.appendingPathComponent(file))
            let b = try Data(contentsOf: built.appendingPathComponent(file))
            #expect(a == b, "Public/\(file) differs from a fresh build: rebuild and commit Public/")
        }
    }

    /// Same input, same bytes: from another folder name, with notes created
    /// in reverse order (so the directory lists them differently).
    @Test func outputDoesNotDependOnFolderOrCreationOrder() throws {
        let temp = try TemporaryFolder("determinism")
        let fixture = TimelineCLI.fixtures.appendingPathComponent("small-story")
        try temp.copy(fixture, as: "first")
        let second = temp.path("second-with-other-name")
        try FileManager.default.createDirectory(at: second, withIntermediateDirectories: true)
        for file in filesBelow(fixture).reversed() {
            let target = second.appendingPathComponent(file)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(contentsOf: fixture.appendingPathComponent(file)).write(to: target)
        }
        let templates = TimelineCLI.packageRoot.appendingPathComponent("Templates").path
        for (content, output) in [("first", "out-a"), ("second-with-other-name", "out-b")] {
            let outcome = try TimelineCLI.run(["build", "--content", content, "--templates", templates, "--output", output], in: temp.url)
            #expect(outcome.status == 0, "\(outcome.stderr)")
        }
        let a = filesBelow(temp.path("out-a")), b = filesBelow(temp.path("out-b"))
        #expect(a == b)
        #expect(a.count > 20)
        for file in a {
            #expect(try Data(contentsOf: temp.path("out-a/" + file)) == Data(contentsOf: temp.path("out-b/" + file)), "\(file)")
        }
    }
}
