#ifndef CFILESWAP_H
#define CFILESWAP_H

/// Atomically exchanges two paths (Linux renameat2 RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise (e.g. ENOSYS, EINVAL on
/// file systems without support), so callers can fall back to two renames.
int timeline_exchange_paths(const char *first, const char *second);

#endif
