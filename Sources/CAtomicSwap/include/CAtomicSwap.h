#ifndef HELPSITE_ATOMIC_SWAP_H
#define HELPSITE_ATOMIC_SWAP_H

/// Exchanges two paths in one step (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise; errno is ENOSYS where
/// the system has no such call.
int helpsite_exchange_paths(const char *first, const char *second);

#endif
