import Foundation

/// Encoded images kept between builds, so an image is processed once:
/// `.timeline-cache/media/KEY/` holds one image's files and a manifest, the
/// key made from the source's bytes and the encoder settings. `index.txt`
/// remembers each source file's stamp (modification time, size, inode) and
/// content hash, so an unchanged file is not even read again. Every write
/// lands in a temporary name first and is renamed into place: a killed
/// build or two builds at once never leave half an entry.
struct MediaCache: Sendable {
    /// `<cache>/media`.
    let folder: String

    init(cachePath: String) {
        folder = ContentLoader.join(cachePath, "media")
    }

    /// One encoded file of an entry.
    struct File: Sendable, Equatable {
        var format: ImageCodec.Format
        var width: Int
        var height: Int
        var name: String
        /// Its size on disk, read when the entry is checked (0 until then).
        var bytes = 0
    }

    /// What the manifest records of an entry.
    struct Entry: Sendable, Equatable {
        var sourceBytes: Int
        var sourceWidth: Int
        var sourceHeight: Int
        var files: [File]
    }

    func path(_ key: String, _ name: String) -> String {
        ContentLoader.join(ContentLoader.join(folder, key), name)
    }

    /// The entry for `key`, if a complete one is there.
    func entry(_ key: String) -> Entry? {
        guard let text = try? String(contentsOfFile: path(key, "manifest.txt"), encoding: .utf8) else { return nil }
        var entry = Entry(sourceBytes: 0, sourceWidth: 0, sourceHeight: 0, files: [])
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: " ").map(String.init)
            if fields.count == 4, fields[0] == "source", let bytes = Int(fields[1]), let w = Int(fields[2]), let h = Int(fields[3]) {
                entry.sourceBytes = bytes
                entry.sourceWidth = w
                entry.sourceHeight = h
            } else if fields.count == 5, fields[0] == "file", let format = ImageCodec.Format(rawValue: fields[1]),
                      let w = Int(fields[2]), let h = Int(fields[3]) {
                entry.files.append(File(format: format, width: w, height: h, name: fields[4]))
            } else {
                return nil
            }
        }
        // One stat a file: that it is there, and its size for the pages.
        for index in entry.files.indices {
            guard let size = FileSystem.regularFileSize(path(key, entry.files[index].name)) else { return nil }
            entry.files[index].bytes = size
        }
        return entry.files.isEmpty ? nil : entry
    }

    /// Writes an entry's files and manifest into a temporary folder and
    /// renames it to its key; whether the entry is there now. A cache that
    /// cannot be written costs the next build the work again, nothing more:
    /// the caller keeps the bytes in memory and warns.
    @discardableResult
    func store(_ key: String, _ entry: Entry, bytes: [[UInt8]]) -> Bool {
        let manager = FileManager.default
        let temporary = ContentLoader.join(folder, ".\(key).\(getpid()).\(UInt64.random(in: 0...UInt64.max))")
        do {
            try manager.createDirectory(atPath: temporary, withIntermediateDirectories: true)
            for (file, data) in zip(entry.files, bytes) {
                try Data(data).write(to: URL(fileURLWithPath: ContentLoader.join(temporary, file.name)))
            }
            var manifest = "source \(entry.sourceBytes) \(entry.sourceWidth) \(entry.sourceHeight)\n"
            for file in entry.files { manifest += "file \(file.format.rawValue) \(file.width) \(file.height) \(file.name)\n" }
            try Data(manifest.utf8).write(to: URL(fileURLWithPath: ContentLoader.join(temporary, "manifest.txt")))
            let final = ContentLoader.join(folder, key)
            if rename(temporary, final) != 0 { try? manager.removeItem(atPath: temporary) }
            return self.entry(key) != nil
        } catch {
            try? manager.removeItem(atPath: temporary)
            return false
        }
    }

    // MARK: The index of source files

    struct Known: Sendable, Equatable {
        var stamp: FileStamp
        var contentHash: String
    }

    /// Real path → what was known of that file.
    func loadIndex() -> [String: Known] {
        guard let text = try? String(contentsOfFile: ContentLoader.join(folder, "index.txt"), encoding: .utf8) else { return [:] }
        var index: [String: Known] = [:]
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: "\t", maxSplits: 4).map(String.init)
            guard fields.count == 5, let modified = Int(fields[1]), let size = Int(fields[2]), let inode = UInt64(fields[3]) else { continue }
            index[fields[4]] = Known(stamp: FileStamp(modified: modified, size: size, inode: inode), contentHash: fields[0])
        }
        return index
    }

    func saveIndex(_ index: [String: Known]) {
        var text = ""
        for (path, known) in index.sorted(by: { $0.key < $1.key }) where !path.contains("\n") {
            text += "\(known.contentHash)\t\(known.stamp.modified)\t\(known.stamp.size)\t\(known.stamp.inode)\t\(path)\n"
        }
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try? Data(text.utf8).write(to: URL(fileURLWithPath: ContentLoader.join(folder, "index.txt")), options: .atomic)
    }
}
