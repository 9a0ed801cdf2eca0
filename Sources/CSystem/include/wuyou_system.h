#ifndef WUYOU_SYSTEM_H
#define WUYOU_SYSTEM_H

/* Swaps two paths in one atomic step: afterwards `first` names what `second` named and the
   other way round, and no reader ever sees either name missing.
   Linux: renameat2(RENAME_EXCHANGE); macOS: renamex_np(RENAME_SWAP).
   Returns 0, or -1 with errno set (ENOSYS/EINVAL where the system or file system cannot). */
int wuyou_exchange_paths(const char *first, const char *second);

/* Appends `length` bytes of `from`, starting at `offset`, to `to` (at its file position):
   copy_file_range(2) on Linux, read and write elsewhere or when the kernel cannot.
   Returns 0, or -1 with errno set. */
int wuyou_copy_range(int from, long long offset, int to, long long length);

/* Reserves `length` bytes of `file` from `offset` ahead of a large write (fallocate(2) on
   Linux: ext4 then skips allocating block by block as the pages fill); nothing where the file
   system cannot, or elsewhere. */
void wuyou_preallocate(int file, long long offset, long long length);

#endif
