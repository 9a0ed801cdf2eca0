#define _GNU_SOURCE
#include "wuyou_system.h"
#include <errno.h>
#include <unistd.h>

#if defined(__linux__)
#include <sys/syscall.h>
#include <sys/types.h>
#endif

int wuyou_copy_range(int from, long long offset, int to, long long length) {
#if defined(__linux__) && defined(SYS_copy_file_range)
    /* In the kernel, page cache to page cache: the bytes never pass through this process. */
    loff_t position = (loff_t)offset;
    while (length > 0) {
        long copied = syscall(SYS_copy_file_range, from, &position, to, NULL, (size_t)length, 0u);
        if (copied < 0) {
            if (errno == EINTR) continue;
            if (errno == ENOSYS || errno == EXDEV || errno == EINVAL || errno == EOPNOTSUPP) break;
            return -1;
        }
        if (copied == 0) { errno = EIO; return -1; }
        length -= copied;
    }
    offset = (long long)position;
#endif
    char buffer[1 << 16];
    while (length > 0) {
        size_t want = length < (long long)sizeof buffer ? (size_t)length : sizeof buffer;
        ssize_t got = pread(from, buffer, want, (off_t)offset);
        if (got < 0) { if (errno == EINTR) continue; return -1; }
        if (got == 0) { errno = EIO; return -1; }
        for (ssize_t done = 0; done < got;) {
            ssize_t put = write(to, buffer + done, (size_t)(got - done));
            if (put < 0) { if (errno == EINTR) continue; return -1; }
            done += put;
        }
        offset += got;
        length -= got;
    }
    return 0;
}
