#ifndef WUYOU_XML_MEMORY_H
#define WUYOU_XML_MEMORY_H

#include <stddef.h>

/* libxml2's memory, kept in pools per thread: every parse and validation makes and frees
   some 500 small blocks (nodes, names, attribute values, validation states), and glibc's
   malloc, with its few cached blocks per size, spent a sixth of a two-core audit on them.
   Blocks up to 512 bytes are recycled through a free list per size class and thread (any
   thread may free a block another made); larger ones go to malloc.

   Only the wuyou executable installs the pools, first thing in main: a library must not
   change the memory functions of a libxml2 its host may share. A pool hides use after free,
   double free and overflows within a size class from the sanitizers, so it is never installed
   in a build with AddressSanitizer or ThreadSanitizer, nor when WUYOU_XML_POOL=0. */

typedef enum __attribute__((enum_extensibility(closed))) wuyou_xml_memory_installation {
    /* libxml2 allocates from the pools from now on. */
    wuyou_xml_memory_installed,
    /* WUYOU_XML_POOL=0 in the environment. */
    wuyou_xml_memory_switched_off,
    /* Built with AddressSanitizer or ThreadSanitizer. */
    wuyou_xml_memory_compiled_out,
    /* libxml2 had already started (wuyou_xml_memory_note_start), or someone else had given
       it memory functions: its blocks would come back to the wrong allocator. */
    wuyou_xml_memory_too_late,
} wuyou_xml_memory_installation;

/* Installs the pools with xmlMemSetup unless one of the reasons above says not to; the
   environment is read here, once. Calling it again tells the same. */
wuyou_xml_memory_installation wuyou_xml_install_memory(void);

/* Called before this process's libxml2 initialisation: an install after it is too late. */
void wuyou_xml_memory_note_start(void);

/* Whether libxml2 allocates from the pools now. */
int wuyou_xml_memory_is_installed(void);

/* The pools' own functions, for the tests (which cannot install them in a process whose
   other tests have already used libxml2). Free and realloc also take blocks that malloc made:
   a host may have used libxml2 before the install. */
void *wuyou_xml_pool_malloc(size_t size);
void *wuyou_xml_pool_realloc(void *pointer, size_t size);
void wuyou_xml_pool_free(void *pointer);
char *wuyou_xml_pool_strdup(const char *text);

#endif
