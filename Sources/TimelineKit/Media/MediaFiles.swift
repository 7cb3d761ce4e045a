/// The published images' bytes, read back from the cache when a build
/// writes them: `build` copies one at a time into the staging folder;
/// `serve` and `check` hold them in memory with the pages.
enum MediaFiles {
    static func read(_ cacheFile: String, publishedAs path: String) throws(SiteWriter.Failure) -> [UInt8] {
        do { return try FileSystem.readBytes(cacheFile) } catch {
            throw SiteWriter.Failure(path: path, reason: "cannot read the cached image \(cacheFile): \(error.reason)")
        }
    }

    /// Every published image as a file in memory, or nil (with the error
    /// recorded) when the cache lost one.
    static func readAll(_ library: MediaLibrary, _ result: inout BuildResult) -> [RenderedFile]? {
        var files: [RenderedFile] = []
        for (path, cached) in library.files.sorted(by: { $0.key < $1.key }) {
            do throws(SiteWriter.Failure) {
                files.append(RenderedFile(path: path, bytes: try read(cached, publishedAs: path)))
            } catch {
                result.diagnostics.append(Diagnostic(.error, file: cached, error.reason, hint: "build again"))
                result.failedStage = result.failedStage ?? .media
                return nil
            }
        }
        return files
    }
}
