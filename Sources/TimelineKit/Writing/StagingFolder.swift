#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CFileSwap

/// The folder beside the output that a build writes the new site into, then
/// swaps in with one atomic rename. A build may write into it as pages are
/// rendered (so no page waits in memory for the others); until `commit`,
/// `Public/` is untouched, and `discard` removes every trace.
///
/// Folders are made up front, on one thread (`makeFolders`), but for each
/// page's own folder, which `open` makes as the page is written; files may
/// be written from any thread, each path once.
final class StagingFolder: @unchecked Sendable {
    typealias Failure = SiteWriter.Failure

    /// The output folder as given, without a trailing slash.
    let output: String
    /// The staging folder: `.NAME.staging-PID` beside the output.
    let path: String
    private var made: Set<String>

    /// Cleans what killed builds left, checks the output can be replaced and
    /// creates the staging folder.
    init(for output: String) throws(Failure) {
        let output = output.hasSuffix("/") && output.count > 1 ? String(output.dropLast()) : output
        let (parent, name) = SiteWriter.split(output)
        Self.removeLeftovers(in: parent, of: name)
        if FileSystem.type(of: output) != .missing, !FileSystem.isDirectory(output) {
            throw Failure(path: output, reason: "exists and is not a folder")
        }
        if parent != ".", !FileSystem.isDirectory(parent) {
            try Self.makeDirectories(parent)
        }
        self.output = output
        path = "\(parent)/.\(name).staging-\(getpid())"
        made = [path]
        do throws(Failure) { try Self.makeDirectory(path) } catch { throw visible(error) }
    }

    /// Creates the folders that `files` (paths relative to the site root)
    /// go in, each once, parents before children: no stat calls, since
    /// everything below staging is new. Of the folders `pages` go in, only
    /// those above each page's own: `open` makes that one as the page is
    /// written, so the 10,000 mkdirs of a big build overlap rendering on all
    /// cores instead of all coming first, on one.
    func makeFolders(for files: [String], pages: [String] = []) throws(Failure) {
        for file in files + pages.map({ SiteWriter.split($0).0 }) {
            var missing: [String] = []
            var folder = SiteWriter.split(path + "/" + file).0
            while !made.contains(folder) {
                missing.append(folder)
                folder = SiteWriter.split(folder).0
            }
            for folder in missing.reversed() {
                do throws(Failure) { try Self.makeDirectory(folder) } catch { throw visible(error) }
                made.insert(folder)
            }
        }
    }

    /// Writes one file, as `open` does; safe from any thread.
    func write(_ file: String, _ bytes: UnsafeRawBufferPointer) throws(Failure) {
        let writer = try open(file)
        try writer.writeThrough(bytes)
        try writer.close()
    }

    /// Writes a rendered page's UTF-8 without copying it into an array.
    func write(_ file: String, _ text: String) throws(Failure) {
        var text = text
        try text.withUTF8 { utf8 in Result { () throws(Failure) in try write(file, UnsafeRawBufferPointer(utf8)) } }.get()
    }

    func write(_ file: RenderedFile) throws(Failure) {
        try file.bytes.withUnsafeBytes { bytes in Result { () throws(Failure) in try write(file.path, bytes) } }.get()
    }

    /// Puts `existing` (a published picture in the image cache) in as `file`
    /// by a hard link instead of copying its bytes: a build of 200 pictures
    /// would otherwise write 380 MB each time. The cache never changes a
    /// file in place (it writes anew and renames), so the site's copy cannot
    /// change under it. False when no link can be made (another file system,
    /// links not allowed): the caller copies.
    func link(_ file: String, to existing: String) -> Bool {
        let folder = SiteWriter.split(path + "/" + file).0
        if !made.contains(folder) {
            do throws(Failure) { try Self.makeDirectory(folder) } catch { return false }
        }
        #if canImport(Glibc)
        return Glibc.link(existing, path + "/" + file) == 0
        #else
        return Darwin.link(existing, path + "/" + file) == 0
        #endif
    }

    /// Opens a file to be written in parts, for files too large to hold
    /// whole; makes its folder first if `makeFolders` left it to the page.
    func open(_ file: String) throws(Failure) -> FileWriter {
        let folder = SiteWriter.split(path + "/" + file).0
        if !made.contains(folder) {
            // Two pages may share a folder: the second finds it made (EEXIST).
            do throws(Failure) { try Self.makeDirectory(folder) } catch { throw visible(error) }
        }
        return try FileWriter(creating: path + "/" + file, shownAs: output + "/" + file)
    }

    /// Exchanges the staging folder with the old site atomically where the
    /// kernel allows, then deletes the old site.
    func commit() throws(Failure) {
        do throws(Failure) { try Self.swap(path, output) } catch {
            discard()
            throw visible(error)
        }
    }

    /// Removes the staging folder and all it holds; the old site stays.
    func discard() {
        SiteWriter.removeTree(path)
    }

    /// A failure named by where the file would have gone in the output
    /// (`Public/events/x/index.html`), not by the staging folder, which is gone
    /// by the time the message is read.
    private func visible(_ failure: Failure) -> Failure {
        if failure.path == path {
            return Failure(path: output, reason: "cannot create the staging folder \(path): \(failure.reason)")
        }
        if failure.path.hasPrefix(path + "/") {
            return Failure(path: output + failure.path.dropFirst(path.count), reason: failure.reason)
        }
        return failure
    }

    private static func swap(_ staging: String, _ output: String) throws(Failure) {
        if FileSystem.type(of: output) == .missing {
            guard rename(staging, output) == 0 else { throw Failure(path: output, reason: FileSystem.errorText()) }
            return
        }
        if timeline_exchange_paths(staging, output) == 0 {
            SiteWriter.removeTree(staging)  // now holds the old site
            return
        }
        // No atomic exchange here: move the old site aside first, so at worst
        // a reader briefly finds no folder, never a half-written one.
        let old = staging.replacingAll(".staging-", with: ".old-")
        guard rename(output, old) == 0 else { throw Failure(path: output, reason: FileSystem.errorText()) }
        guard rename(staging, output) == 0 else {
            let reason = FileSystem.errorText()
            _ = rename(old, output)
            throw Failure(path: output, reason: reason)
        }
        SiteWriter.removeTree(old)
    }

    /// Staging and old folders left by builds that were killed.
    private static func removeLeftovers(in parent: String, of name: String) {
        guard let entries = try? FileSystem.entries(of: parent) else { return }
        for entry in entries where entry.hasPrefix(".\(name).staging-") || entry.hasPrefix(".\(name).old-") {
            let pidText = entry.split(separator: "-").last.map(String.init) ?? ""
            if let pid = Int32(pidText), pid != getpid(), kill(pid, 0) == 0 { continue }  // a build still running
            SiteWriter.removeTree(parent + "/" + entry)
        }
    }

    private static func makeDirectory(_ path: String) throws(Failure) {
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else { throw Failure(path: path, reason: FileSystem.errorText()) }
    }

    private static func makeDirectories(_ path: String) throws(Failure) {
        if FileSystem.isDirectory(path) { return }
        let (parent, _) = SiteWriter.split(path)
        if parent != path, parent != ".", parent != "/" { try makeDirectories(parent) }
        try makeDirectory(path)
    }
}
