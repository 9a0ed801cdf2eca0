#define _GNU_SOURCE
#include "wuyou_system.h"
#include <fcntl.h>

void wuyou_preallocate(int file, long long offset, long long length) {
#if defined(__linux__)
    /* Only where the file system does it natively: posix_fallocate would emulate it elsewhere
       by writing a byte a block, slower than no reservation at all. A failure changes nothing. */
    (void)fallocate(file, 0, (off_t)offset, (off_t)length);
#else
    (void)file; (void)offset; (void)length;
#endif
}
