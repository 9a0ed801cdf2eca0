#ifndef WUYOU_SYSTEM_ZLIB_SHIM_H
#define WUYOU_SYSTEM_ZLIB_SHIM_H

/* zlib, for inflating a workbook's parts a piece at a time (WorkbookArchive). ZIPFoundation
   links the same library, but inflates an entry only all at once. */
#include <zlib.h>

#endif
