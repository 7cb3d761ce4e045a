import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Which sanitizer this test process, and so the `timeline` binary built
/// beside it, was built with (`scripts/sanitize address|thread`).
enum Sanitizer {
    static let address = dlsym(nil, "__asan_init") != nil
    static let thread = dlsym(nil, "__tsan_init") != nil
    static var any: Bool { address || thread }
}
