/// Where a build reads and writes, and what it includes.
public struct BuildOptions: Sendable {
    public var contentPath: String
    public var templatesPath: String
    public var outputPath: String
    public var includeDrafts: Bool

    public init(contentPath: String = "Content", templatesPath: String = "Templates",
                outputPath: String = "Public", includeDrafts: Bool = false) {
        self.contentPath = contentPath
        self.templatesPath = templatesPath
        self.outputPath = outputPath
        self.includeDrafts = includeDrafts
    }
}
