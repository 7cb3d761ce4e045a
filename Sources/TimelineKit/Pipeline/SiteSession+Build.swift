import Dispatch

extension SiteSession {
    /// A one-shot `build`: every stage, with each page written into a
    /// staging folder as soon as it is rendered, the folder swapped in for
    /// the output at the end. Nothing is kept for a later build (`serve`
    /// renders into memory with `render`), so a build's memory is its model
    /// and the pages in flight, not the whole site.
    ///
    /// Every error the content or templates can have is found before the
    /// staging folder is made; a failure to write leaves the old site in
    /// place and no staging folder behind. The `render` stage's time
    /// includes writing the pages; `write` is the swap.
    public func build() -> BuildResult {
        var result = BuildResult()
        guard let prepared = prepare(&result, remembering: false) else { return result }
        let start = DispatchTime.now().uptimeNanoseconds
        let (assets, problems) = SiteRenderer.assets(in: options.templatesPath)
        result.diagnostics.append(contentsOf: problems)
        result.diagnostics.append(contentsOf: AssetReferences.missing(in: prepared.templates, assets: assets))
        guard !result.diagnostics.hasErrors else {
            result.failedStage = .render
            return result
        }
        do throws(SiteWriter.Failure) {
            let staging = try StagingFolder(for: options.outputPath)
            do throws(SiteWriter.Failure) {
                result.pageCount = try SiteRenderer.write(
                    prepared.chronology, bodies: prepared.bodies, templates: prepared.templates, assets: assets,
                    progress: options.progress, into: staging)
            } catch {
                staging.discard()
                throw error
            }
            result.renderedPages = result.pageCount
            let swap = DispatchTime.now().uptimeNanoseconds
            result.timings.append((.render, Double(swap - start) / 1e9))
            try staging.commit()
            result.timings.append((.write, Double(DispatchTime.now().uptimeNanoseconds - swap) / 1e9))
        } catch {
            result.diagnostics.append(Diagnostic(.error, file: error.path, "cannot write the site: \(error.reason)",
                                                 hint: "the previous site was left in place"))
            result.failedStage = .write
        }
        return result
    }
}
