/// Where a published image's bytes are: a file in the cache, or, when the
/// cache folder could not be written, in memory.
public enum MediaFileSource: Sendable, Equatable {
    case cached(String)
    case bytes([UInt8])
}

/// The published images' bytes, read back when a build writes them:
/// `build` copies one at a time into the staging folder; `serve` and
/// `check` hold them in memory with the pages.
enum MediaFiles {
    static func read(_ source: MediaFileSource, publishedAs path: String) throws(SiteWriter.Failure) -> [UInt8] {
        switch source {
        case .bytes(let bytes): return bytes
        case .cached(let cacheFile):
            do { return try FileSystem.readBytes(cacheFile) } catch {
                throw SiteWriter.Failure(path: path, reason: "cannot read the cached image \(cacheFile): \(error.reason)")
            }
        }
    }

    /// Every published image as a file in memory, or nil (with the error
    /// recorded) when the cache lost one. Files the last build read from the
    /// same source are taken from it, so an edit in `serve` reads no image.
    static func readAll(_ library: MediaLibrary, last: LastBuild?, _ result: inout BuildResult) -> [RenderedFile]? {
        var files: [RenderedFile] = []
        for (path, source) in library.files.sorted(by: { $0.key < $1.key }) {
            if let last, last.model.media.files[path] == source, let index = last.fileIndex[path] {
                files.append(last.result.files[index])
                continue
            }
            do throws(SiteWriter.Failure) {
                files.append(RenderedFile(path: path, bytes: try read(source, publishedAs: path)))
            } catch {
                result.diagnostics.append(Diagnostic(.error, file: path, error.reason, hint: "build again"))
                result.failedStage = result.failedStage ?? .media
                return nil
            }
        }
        return files
    }
}
