/// The named stages a build runs, in order. Each is a function from values to
/// values; only `load` reads. `build` writes each page into a staging folder
/// during `render`, and `write` swaps that folder in; `check` and `serve`
/// stop before writing.
public enum Stage: String, Sendable, CaseIterable {
    case load, parse, link, markdown, templates, render, write
}

/// What a build produced: the files (unless stopped by errors), every
/// diagnostic, and how long each stage took.
public struct BuildResult: Sendable {
    public var diagnostics = DiagnosticReport()
    public var files: [RenderedFile] = []
    public var noteCount = 0
    public var pageCount = 0
    /// Pages rendered by this build rather than kept from the previous one.
    public var renderedPages = 0
    public var timings: [(stage: Stage, seconds: Double)] = []
    /// The stage that found the errors, if any.
    public var failedStage: Stage?
    /// Set when this build patched the session's previous one (a body edit):
    /// the files of `files` that differ from it, so a server swaps just those.
    public var changedFiles: [RenderedFile]?
    /// The linked site, when the build got that far (for `check`'s review).
    public var chronology: Chronology?

    public var succeeded: Bool { !diagnostics.hasErrors }
}

/// One-shot builds: `check` stops before `write`; `build` writes.
public enum Pipeline {
    /// Everything but writing: the site as files in memory.
    public static func render(_ options: BuildOptions) -> BuildResult {
        SiteSession(options: options).render()
    }

    /// A full build: render, writing each page to a staging folder as it is
    /// made, then swap it in for the output folder if nothing was wrong.
    public static func build(_ options: BuildOptions) -> BuildResult {
        SiteSession(options: options).build()
    }
}
