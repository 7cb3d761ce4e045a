import Dispatch
import Foundation
import Hummingbird
import Logging
import TimelineKit

/// `timeline serve`: builds the site in memory (never touching `Public/`),
/// serves it, rebuilds what a change touches as files are saved, and reloads
/// open pages. A content error is printed and shown in the browser in place
/// of the page, and the server keeps running.
public final class PreviewServer: Sendable {
    public struct Options: Sendable {
        public var build: BuildOptions
        public var host: String
        public var port: Int

        public init(build: BuildOptions, host: String = "127.0.0.1", port: Int = 8000) {
            self.build = build
            self.host = host
            self.port = port
        }
    }

    let options: Options
    let log: @Sendable (String) -> Void
    let store = SiteStore()
    let liveReload = LiveReload()
    let rebuilder: Rebuilder

    public init(options: Options, log: @escaping @Sendable (String) -> Void) {
        self.options = options
        self.log = log
        rebuilder = Rebuilder(options: options.build, store: store, liveReload: liveReload, log: log)
    }

    /// Serves until SIGINT or SIGTERM, then shuts down cleanly.
    public func run() async throws {
        rebuilder.rebuildNow()
        let watcher = ContentWatcher(roots: [options.build.contentPath, options.build.templatesPath]) { [rebuilder] changed in
            rebuilder.schedule(changed)
        }
        watcher.start()
        defer { watcher.stop() }

        var logger = Logger(label: "timeline-serve")
        logger.logLevel = .error
        let host = options.host
        let app = Application(
            responder: CallbackResponder<ServeContext> { [self] request, context in await respond(to: request, on: context.connection) },
            configuration: .init(address: .hostname(host, port: options.port), serverName: "timeline"),
            onServerRunning: { [log, options] channel in
                let port = channel.localAddress?.port ?? options.port
                log("Serving \(options.build.contentPath) at http://\(host):\(port)/ (Ctrl-C to stop)")
            },
            logger: logger)
        try await app.runService()
    }

    func respond(to request: Request, on connection: ConnectionClosing? = nil) async -> Response {
        guard request.method == .get || request.method == .head else {
            return plain(.methodNotAllowed, "Only GET and HEAD are served.\n")
        }
        if request.uri.path == LiveReload.eventsPath { return await liveReload.response(closing: connection) }
        let snapshot = store.snapshot
        switch RequestPath.resolve(request.uri.path, in: snapshot.files) {
        case .badRequest:
            return plain(.badRequest, "Bad request.\n")
        case .redirect(let location):
            var headers = HTTPFields()
            headers[.location] = location
            return Response(status: .movedPermanently, headers: headers)
        case .file(let path):
            if let problems = snapshot.problems, path.hasSuffix(".html") {
                return file(ErrorPage.html(problems), type: "text/html; charset=utf-8", status: .internalServerError, head: request.method == .head)
            }
            var bytes = snapshot.files[path]!
            if path.hasSuffix(".html") { bytes = LiveReload.inject(into: bytes) }
            return file(bytes, type: MediaType.of(path), status: .ok, head: request.method == .head)
        case .notFound:
            if let problems = snapshot.problems {
                return file(ErrorPage.html(problems), type: "text/html; charset=utf-8", status: .internalServerError, head: request.method == .head)
            }
            guard let page = snapshot.files["404.html"] else { return plain(.notFound, "Not found.\n") }
            return file(LiveReload.inject(into: page), type: "text/html; charset=utf-8", status: .notFound, head: request.method == .head)
        }
    }

    private func file(_ bytes: [UInt8], type: String, status: HTTPResponse.Status, head: Bool) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.contentLength] = String(bytes.count)
        headers[.cacheControl] = "no-store"
        headers[.init("X-Content-Type-Options")!] = "nosniff"
        return Response(status: status, headers: headers, body: head ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    private func plain(_ status: HTTPResponse.Status, _ text: String) -> Response {
        file(Array(text.utf8), type: "text/plain; charset=utf-8", status: status, head: false)
    }
}

/// A request's context that keeps its connection, so an event stream can end
/// when the connection closes rather than at the next rebuild.
struct ServeContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let connection: ConnectionClosing

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        let channel = source.channel
        connection = ConnectionClosing { callback in channel.closeFuture.whenComplete { _ in callback() } }
    }
}

/// Runs rebuilds one at a time on their own queue; changes that arrive during
/// a rebuild are folded into one more.
final class Rebuilder: @unchecked Sendable {
    private let options: BuildOptions
    /// What the last build keeps for the next; touched only on `queue`.
    private var cache = BuildCache()
    private let store: SiteStore
    private let liveReload: LiveReload
    private let log: @Sendable (String) -> Void
    private let queue = DispatchQueue(label: "timeline-rebuild")
    private let lock = NSLock()
    private var pending = false
    /// The paths changed since the last rebuild began; nil when unknown.
    private var changed: Set<String>? = []

    init(options: BuildOptions, store: SiteStore, liveReload: LiveReload, log: @escaping @Sendable (String) -> Void) {
        self.options = options
        self.store = store
        self.liveReload = liveReload
        self.log = log
    }

    /// `paths` are the files the watcher saw change, nil if it cannot tell.
    func schedule(_ paths: Set<String>?) {
        lock.lock()
        let alreadyPending = pending
        pending = true
        changed = paths.flatMap { changed?.union($0) }
        lock.unlock()
        guard !alreadyPending else { return }
        queue.async { [self] in
            lock.lock()
            pending = false
            let paths = changed
            changed = []
            lock.unlock()
            rebuildNow(changed: paths)
            Task { await liveReload.notify() }
        }
    }

    /// Builds and publishes the result; on errors, prints them and keeps the
    /// last good files behind the error page.
    func rebuildNow(changed paths: Set<String>? = nil) {
        let start = DispatchTime.now().uptimeNanoseconds
        let result = Pipeline.render(options, cache: &cache, changed: paths)
        let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        for warning in result.diagnostics.warnings { log(warning.description) }
        if result.succeeded {
            // A patched build names the few files that differ; swap just those.
            if let changedFiles = result.changedFiles {
                store.update(replacing: changedFiles)
            } else {
                store.update(files: result.files, problems: nil)
            }
            let patched = result.changedFiles == nil ? "" : " (body edit)"
            log("Built \(result.renderedPages) of \(result.pageCount) pages in \(Int(milliseconds.rounded())) ms\(patched)")
        } else {
            let errors = result.diagnostics.errors.map(\.description)
            for error in errors { log(error) }
            store.update(files: nil, problems: errors)
            log("Build failed with \(errors.count) error\(errors.count == 1 ? "" : "s"); serving an error page until it is fixed")
        }
    }
}
