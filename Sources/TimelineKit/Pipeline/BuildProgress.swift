import Synchronization

/// How far rendering has got, for a progress line on a terminal. Pages bump
/// an atomic counter as they finish; a reporter reads it on its own thread,
/// so the build never waits on the terminal.
public final class BuildProgress: Sendable {
    private let done = Atomic<Int>(0)
    private let total = Atomic<Int>(0)

    public init() {}

    public var pagesDone: Int { done.load(ordering: .relaxed) }
    public var pagesTotal: Int { total.load(ordering: .relaxed) }

    func starting(pages: Int) {
        done.store(0, ordering: .relaxed)
        total.store(pages, ordering: .relaxed)
    }

    func pageFinished() {
        done.add(1, ordering: .relaxed)
    }
}
