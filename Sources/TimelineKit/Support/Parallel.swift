import Dispatch

/// Maps over `items` on all cores and returns results in input order, so
/// parallel work never changes the output's order. `transform` is
/// `@Sendable` so the compiler checks what the parallel stages share.
func parallelMap<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
    guard items.count > 1 else { return items.map(transform) }
    let results = UnsafeMutableBufferPointer<R>.allocate(capacity: items.count)
    defer { results.deallocate() }
    let slots = SendablePointer(base: results.baseAddress!)
    withoutActuallyEscaping(transform) { transform in
        let work = UncheckedBox(value: transform)
        items.withUnsafeBufferPointer { input in
            let source = SendablePointer(base: UnsafeMutablePointer(mutating: input.baseAddress!))
            DispatchQueue.concurrentPerform(iterations: items.count) { index in
                (slots.base + index).initialize(to: work.value(source.base[index]))
            }
        }
    }
    let output = Array(results)
    _ = results.baseAddress!.deinitialize(count: items.count)
    return output
}

/// Each index is written by exactly one iteration, so sharing the base
/// pointer across threads is safe.
private struct SendablePointer<T>: @unchecked Sendable {
    let base: UnsafeMutablePointer<T>
}

private struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
}
