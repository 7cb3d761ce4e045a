import Hummingbird
import ServiceLifecycle

/// Tells open pages to reload after a rebuild, over server-sent events. The
/// script that listens is added to served pages only, never to `Public/`.
actor LiveReload {
    static let eventsPath = "/__timeline/events"
    static let script = "<script>new EventSource(\"\(eventsPath)\").onmessage=function(){location.reload()}</script>"
    /// How often an open event stream gets a comment line. A page that went
    /// away closes its side of the connection (FIN); the server keeps the
    /// socket half-open (CLOSE-WAIT) until a write to it fails. Without a
    /// heartbeat that was the next rebuild, so every page view between two
    /// saves kept a socket and a listener: a thousand views could exhaust
    /// `ulimit -n`. With it, a closed page is let go within two intervals.
    static let heartbeatInterval: Duration = .seconds(2)

    enum Signal: Sendable { case reload, heartbeat }

    private var listeners: [Int: AsyncStream<Signal>.Continuation] = [:]
    private var nextID = 0
    private var heartbeat: Task<Void, Never>?

    /// Open event streams, for tests and diagnostics.
    var listenerCount: Int { listeners.count }

    /// A stream that yields once per rebuild, and a heartbeat now and then.
    /// It finishes as soon as its connection closes (a reset, an error).
    func subscribe(closing connection: ConnectionClosing? = nil) -> AsyncStream<Signal> {
        let (stream, continuation) = AsyncStream<Signal>.makeStream(bufferingPolicy: .bufferingNewest(8))
        let id = nextID
        nextID += 1
        listeners[id] = continuation
        continuation.onTermination = { _ in Task { await self.remove(id) } }
        connection?.whenClosed { continuation.finish() }
        if heartbeat == nil {
            heartbeat = Task { [weak self] in
                while !Task.isCancelled {
                    try? await Task.sleep(for: LiveReload.heartbeatInterval)
                    await self?.send(.heartbeat)
                }
            }
        }
        return stream
    }

    func notify() { send(.reload) }

    private func send(_ signal: Signal) {
        for continuation in listeners.values { continuation.yield(signal) }
    }

    private func remove(_ id: Int) { listeners[id] = nil }

    /// The event-stream response: a retry hint, then `data: reload` per
    /// rebuild, with `: ` comment lines as heartbeats in between.
    func response(closing connection: ConnectionClosing? = nil) -> Response {
        let stream = subscribe(closing: connection)
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            try await writer.write(ByteBuffer(string: "retry: 500\n: connected\n\n"))
            // Ends when the server begins to shut down, so Ctrl-C does not
            // wait for open pages to go away.
            for await signal in stream.cancelOnGracefulShutdown() {
                switch signal {
                case .reload: try await writer.write(ByteBuffer(string: "data: reload\n\n"))
                case .heartbeat: try await writer.write(ByteBuffer(string: ": \n\n"))
                }
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

/// Calls back once a request's connection has closed.
struct ConnectionClosing: Sendable {
    let whenClosed: @Sendable (_ callback: @escaping @Sendable () -> Void) -> Void
}
