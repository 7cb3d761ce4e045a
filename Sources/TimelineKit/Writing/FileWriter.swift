#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One new file written in parts through a small buffer, so a file of a
/// hundred megabytes (`index.html` at 100,000 events) can be written as it
/// is assembled, never held whole. Errors name the file.
final class FileWriter {
    typealias Failure = SiteWriter.Failure

    /// The name failures give: where the file will be once the staging
    /// folder is swapped in (`Public/index.html`), not where it is written.
    let path: String
    private var fd: Int32
    private var buffer: [UInt8] = []
    private static let bufferSize = 1 << 16

    init(creating file: String, shownAs path: String) throws(Failure) {
        self.path = path
        fd = Glibc.open(file, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Failure(path: path, reason: FileSystem.errorText()) }
    }

    deinit {
        if fd >= 0 { Glibc.close(fd) }
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws(Failure) {
        if buffer.count + bytes.count <= Self.bufferSize {
            buffer.append(contentsOf: bytes)
            return
        }
        try flush()
        if bytes.count >= Self.bufferSize {
            try writeAll(bytes)
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    func write(_ bytes: [UInt8]) throws(Failure) {
        try bytes.withUnsafeBytes { bytes in Result { () throws(Failure) in try write(bytes) } }.get()
    }

    /// Writes `bytes` straight to the file, past the buffer: for a file
    /// written whole, which the buffer would only copy.
    func writeThrough(_ bytes: UnsafeRawBufferPointer) throws(Failure) {
        try flush()
        try writeAll(bytes)
    }

    /// Writes a string's UTF-8 without copying it into an array first.
    func write(_ text: String) throws(Failure) {
        var text = text
        try text.withUTF8 { utf8 in Result { () throws(Failure) in try write(UnsafeRawBufferPointer(utf8)) } }.get()
    }

    /// Writes what is buffered and closes the file; a failure to close (a
    /// full disk found late, on some file systems) is a failure to write.
    func close() throws(Failure) {
        try flush()
        let fd = self.fd
        self.fd = -1
        guard fd >= 0 else { return }
        guard Glibc.close(fd) == 0 else { throw Failure(path: path, reason: FileSystem.errorText()) }
    }

    private func flush() throws(Failure) {
        guard !buffer.isEmpty else { return }
        try buffer.withUnsafeBytes { bytes in Result { () throws(Failure) in try writeAll(bytes) } }.get()
        buffer.removeAll(keepingCapacity: true)
    }

    private func writeAll(_ bytes: UnsafeRawBufferPointer) throws(Failure) {
        var written = 0
        while written < bytes.count {
            let count = Glibc.write(fd, bytes.baseAddress! + written, bytes.count - written)
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure(path: path, reason: FileSystem.errorText())
            }
            written += count
        }
    }
}
