import Foundation

/// Where rendered files go: the only thing that differs between `build`
/// (a staging folder, each file written as soon as it is rendered) and
/// `serve` and `check` (memory). Called from every rendering thread.
/// Memory cannot fail to be written (`Failure` is `Never`).
protocol SiteSink: Sendable {
    associatedtype Failure: Error
    associatedtype File: SinkFile where File.Failure == Failure
    /// Takes one whole file.
    func write(_ path: String, _ bytes: [UInt8]) throws(Failure)
    /// A file taken in parts, so one that lists every event (111 MB at
    /// 100,000) need never be held whole on its way to a disk.
    func open(_ path: String) throws(Failure) -> File
}

/// One file being written in parts; `close` hands it over.
protocol SinkFile {
    associatedtype Failure: Error
    /// Says how many bytes the file will have, when known: memory then
    /// grows once, not by doubling through 17 MB.
    func reserve(_ count: Int)
    func write(_ bytes: [UInt8]) throws(Failure)
    func close() throws(Failure)
}

/// `build`'s sink: files go straight into the staging folder.
struct StagingSink: SiteSink {
    let staging: StagingFolder

    func write(_ path: String, _ bytes: [UInt8]) throws(SiteWriter.Failure) {
        try bytes.withUnsafeBytes { bytes in Result { () throws(SiteWriter.Failure) in try staging.write(path, bytes) } }.get()
    }

    func open(_ path: String) throws(SiteWriter.Failure) -> FileWriter { try staging.open(path) }
}

extension FileWriter: SinkFile {
    func reserve(_ count: Int) {}
}

/// `serve`'s and `check`'s sink: the files, kept in memory. An `NSLock`
/// (a pthread mutex) rather than `Mutex`, whose futex ThreadSanitizer
/// cannot see, so it would report every write as a race.
final class MemorySink: SiteSink, @unchecked Sendable {
    private let lock = NSLock()
    private var files: [RenderedFile] = []

    func write(_ path: String, _ bytes: [UInt8]) {
        let file = RenderedFile(path: path, bytes: bytes)
        lock.lock()
        files.append(file)
        lock.unlock()
    }

    func open(_ path: String) -> Part { Part(path: path, sink: self) }

    /// What was written, sorted by path.
    var written: [RenderedFile] {
        lock.lock()
        let files = self.files
        lock.unlock()
        return files.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    }

    final class Part: SinkFile {
        let path: String
        let sink: MemorySink
        var bytes: [UInt8] = []

        init(path: String, sink: MemorySink) { (self.path, self.sink) = (path, sink) }

        func reserve(_ count: Int) { bytes.reserveCapacity(count) }
        func write(_ bytes: [UInt8]) { self.bytes += bytes }
        func close() { sink.write(path, bytes) }
    }
}
