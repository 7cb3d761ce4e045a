#include "CFreedMemory.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

int timeline_release_freed_memory(void) {
#if defined(__GLIBC__)
    return malloc_trim(0);
#else
    return 0;
#endif
}
