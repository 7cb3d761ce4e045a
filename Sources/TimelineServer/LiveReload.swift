import Hummingbird
import ServiceLifecycle

/// Tells open pages to reload after a rebuild, over server-sent events. The
/// script that listens is added to served pages only, never to `Public/`.
actor LiveReload {
    static let eventsPath = "/__timeline/events"
    static let script = "<script>new EventSource(\"\(eventsPath)\").onmessage=function(){location.reload()}</script>"

    private var listeners: [Int: AsyncStream<Void>.Continuation] = [:]
    private var nextID = 0

    /// A stream that yields once per rebuild.
    func subscribe() -> AsyncStream<Void> {
        let (stream, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let id = nextID
        nextID += 1
        listeners[id] = continuation
        continuation.onTermination = { _ in Task { await self.remove(id) } }
        return stream
    }

    func notify() {
        for continuation in listeners.values { continuation.yield() }
    }

    private func remove(_ id: Int) { listeners[id] = nil }

    /// The event-stream response: a retry hint, then `data: reload` per rebuild.
    func response() -> Response {
        let stream = subscribe()
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            try await writer.write(ByteBuffer(string: "retry: 500\n: connected\n\n"))
            // Ends when the server begins to shut down, so Ctrl-C does not
            // wait for open pages to go away.
            for await _ in stream.cancelOnGracefulShutdown() {
                try await writer.write(ByteBuffer(string: "data: reload\n\n"))
            }
            try await writer.finish(nil)
        })
    }

    /// Adds the listening script before `</body>`.
    static func inject(into html: [UInt8]) -> [UInt8] {
        let marker = Array("</body>".utf8)
        guard let index = lastIndex(of: marker, in: html) else { return html + Array(script.utf8) }
        return Array(html[..<index]) + Array(script.utf8) + Array(html[index...])
    }

    private static func lastIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var i = haystack.count - needle.count
        while i >= 0 {
            if haystack[i] == needle[0], Array(haystack[i..<(i + needle.count)]) == needle { return i }
            i -= 1
        }
        return nil
    }
}
