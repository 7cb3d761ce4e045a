#ifndef CFREEDMEMORY_H
#define CFREEDMEMORY_H

/// Returns memory freed by every thread to the system (glibc's malloc_trim,
/// which Swift's Glibc module does not export). Returns 1 if any was
/// returned; a no-op returning 0 where malloc is not glibc's.
int timeline_release_freed_memory(void);

#endif
