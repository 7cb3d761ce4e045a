import Foundation

/// A fixture built once per test run with the project's templates, shared by
/// the suites that read its pages.
enum BuiltFixture {
    static let smallStory: URL = build("small-story")

    private static func build(_ name: String) -> URL {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("timeline-fixture-\(name)-\(getpid())")
        try? FileManager.default.removeItem(at: output)
        let outcome = try? TimelineCLI.run(
            ["build", "--content", TimelineCLI.fixtures.appendingPathComponent(name).path,
             "--templates", TimelineCLI.packageRoot.appendingPathComponent("Templates").path,
             "--output", output.path, "--quiet"],
            in: FileManager.default.temporaryDirectory)
        precondition(outcome?.status == 0, "fixture \(name) failed to build: \(outcome?.stderr ?? "no process")")
        return output
    }

    static func page(_ relative: String) throws -> HTMLPage {
        try HTMLPage(smallStory.appendingPathComponent(relative))
    }
}
