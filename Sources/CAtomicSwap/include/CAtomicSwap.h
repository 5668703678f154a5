#ifndef HELPSITE_ATOMIC_SWAP_H
#define HELPSITE_ATOMIC_SWAP_H

/// Exchanges two paths in one step (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise; errno is ENOSYS where
/// the system has no such call.
int helpsite_exchange_paths(const char *first, const char *second);

/// Flushes the whole file system holding the open file `descriptor` (Linux
/// syncfs; fsync of the descriptor elsewhere). 0 on success, -1 with errno set.
int helpsite_sync_file_system(int descriptor);

#endif
