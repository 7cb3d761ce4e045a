/// Where a build reads and writes, and what it includes.
public struct BuildOptions: Sendable {
    public var contentPath: String
    public var templatesPath: String
    public var outputPath: String
    public var includeDrafts: Bool
    /// Overrides site.yml's `base_url`, e.g. for a deploy to another host.
    public var baseURL: String?
    /// Where encoded images are kept between builds; nil for
    /// `.timeline-cache/` beside the content folder.
    public var cachePath: String?
    /// Counts rendered pages, when someone shows progress.
    public var progress: BuildProgress?

    public init(contentPath: String = "Content", templatesPath: String = "Templates",
                outputPath: String = "Public", includeDrafts: Bool = false, baseURL: String? = nil) {
        self.contentPath = contentPath
        self.templatesPath = templatesPath
        self.outputPath = outputPath
        self.includeDrafts = includeDrafts
        self.baseURL = baseURL
    }
}
