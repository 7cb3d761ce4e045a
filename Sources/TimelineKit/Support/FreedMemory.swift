import CFreedMemory

/// Hands memory the build has freed back to the system. glibc keeps freed
/// memory in the arena of the thread that allocated it: the sources' text,
/// read on the main thread and let go after parsing, is never reused by
/// the worker threads that render, and would stay in the peak (200 MB at
/// 100,000 events). One-shot builds call this after letting go of a stage's
/// inputs; a server keeps its memory for the next rebuild.
enum FreedMemory {
    static func release() {
        _ = timeline_release_freed_memory()
    }
}
