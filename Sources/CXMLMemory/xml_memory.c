#include "wuyou_xml_memory.h"
#include <libxml/xmlmemory.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Under a sanitizer the pools are never installed: recycling a block behind the sanitizer's
   back hides use after free, double free and overflows within a size class. The functions
   stay, so that the tests run them under the sanitizers too. SwiftPM's --sanitize reaches C
   targets as -fsanitize (clang: __has_feature; gcc: __SANITIZE_*__). */
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define WUYOU_XML_POOL_COMPILED_OUT 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define WUYOU_XML_POOL_COMPILED_OUT 1
#endif
#endif

/* Each block starts with a 16-byte header (keeping malloc's 16-byte alignment): the payload
   capacity, and a tag right before the payload saying whose block it is. The tag sits where
   glibc keeps a chunk's size, which is never one of these values, so a block that malloc made
   (libxml2 used before the install) is told apart by its tag alone; the bytes F8-FB never
   occur in UTF-8, so neither can a neighbour's text spell one. */
typedef struct header {
    size_t capacity;
    uint64_t tag;
} header;
_Static_assert(sizeof(header) == 16, "the header keeps malloc's 16-byte alignment");

static const uint64_t pooled_tag = 0xF8F9FAFB00000001u;  /* in use, back to a pool when freed */
static const uint64_t system_tag = 0xF8F9FAFB00000002u;  /* in use, back to malloc when freed */
static const uint64_t kept_tag = 0xF8F9FAFB00000003u;    /* freed, waiting in a pool */

typedef struct free_block {
    struct free_block *next;
} free_block;

enum {
    granule = 16,
    classes = 32,              /* payloads of 16, 32, … 512 bytes */
    kept_per_class = 1024,     /* beyond this, freed blocks go back to malloc */
};

static __thread free_block *pool[classes + 1];
static __thread unsigned pool_size[classes + 1];
/* A thread's pools die with it: the first block a thread keeps registers a destructor that
   gives its pools back to malloc, after which (libxml2's own thread destructors may still free)
   the thread keeps nothing. (A thread whose first kept block comes in glibc's last round of
   destructors would keep its few blocks: libxml2 frees nothing that late.) */
enum { unregistered, registered, exiting };
static __thread int pool_state;
static pthread_key_t pool_key;
static pthread_once_t pool_key_once = PTHREAD_ONCE_INIT;

static void drain_pools(void *unused) {
    (void)unused;
    pool_state = exiting;
    for (size_t class = 0; class <= classes; class++) {
        while (pool[class] != NULL) {
            free_block *block = pool[class];
            pool[class] = block->next;
            free((header *)block - 1);
        }
        pool_size[class] = 0;
    }
}

static void make_pool_key(void) {
    (void)pthread_key_create(&pool_key, drain_pools);
}

/* Whether this thread may keep a freed block (registering its destructor on first use). */
static int may_keep(void) {
    if (pool_state == registered) return 1;
    if (pool_state == exiting) return 0;
    (void)pthread_once(&pool_key_once, make_pool_key);
    if (pthread_setspecific(pool_key, (void *)1) != 0) return 0;
    pool_state = registered;
    return 1;
}

/* The tag of any block: for one that malloc made, these are malloc's own bytes (under a
   sanitizer, its redzone), read on purpose. */
__attribute__((no_sanitize("address", "thread")))
static uint64_t tag_of(const void *pointer) {
    return ((const header *)pointer - 1)->tag;
}

/* Freeing a freed block would put it in a pool twice and hand it out twice: stop instead. */
static void freed_twice(const char *operation) {
    fprintf(stderr, "wuyou: libxml2 called %s on a block it had freed\n", operation);
    abort();
}

static void *from_system(size_t capacity, uint64_t tag) {
    /* libxml2 checks its own sizes, but a request near SIZE_MAX must fail, not wrap. */
    if (capacity > SIZE_MAX - sizeof(header)) return NULL;
    header *block = malloc(sizeof(header) + capacity);
    if (block == NULL) return NULL;
    block->capacity = capacity;
    block->tag = tag;
    return block + 1;
}

void *wuyou_xml_pool_malloc(size_t size) {
    if (size > classes * granule) return from_system(size, system_tag);
    size_t class = size == 0 ? 1 : (size + granule - 1) / granule;
    free_block *reused = pool[class];
    if (reused != NULL) {
        pool[class] = reused->next;
        pool_size[class]--;
        ((header *)reused - 1)->tag = pooled_tag;
        return reused;
    }
    return from_system(class * granule, pooled_tag);
}

void wuyou_xml_pool_free(void *pointer) {
    if (pointer == NULL) return;
    uint64_t tag = tag_of(pointer);
    if (tag == kept_tag) freed_twice("free");
    if (tag != pooled_tag && tag != system_tag) {
        free(pointer);
        return;
    }
    header *block = (header *)pointer - 1;
    size_t class = block->capacity / granule;
    if (tag == pooled_tag && pool_size[class] < kept_per_class && may_keep()) {
        block->tag = kept_tag;
        free_block *freed = pointer;
        freed->next = pool[class];
        pool[class] = freed;
        pool_size[class]++;
        return;
    }
    free(block);
}

void *wuyou_xml_pool_realloc(void *pointer, size_t size) {
    if (pointer == NULL) return wuyou_xml_pool_malloc(size);
    uint64_t tag = tag_of(pointer);
    if (tag == kept_tag) freed_twice("realloc");
    if (tag != pooled_tag && tag != system_tag) return realloc(pointer, size);
    header *block = (header *)pointer - 1;
    if (size <= block->capacity) return pointer;
    if (tag == system_tag) {
        if (size > SIZE_MAX - sizeof(header)) return NULL;
        header *grown = realloc(block, sizeof(header) + size);
        if (grown == NULL) return NULL;
        grown->capacity = size;
        return grown + 1;
    }
    void *moved = wuyou_xml_pool_malloc(size);
    if (moved == NULL) return NULL;
    memcpy(moved, pointer, block->capacity);
    wuyou_xml_pool_free(pointer);
    return moved;
}

char *wuyou_xml_pool_strdup(const char *text) {
    size_t length = strlen(text) + 1;
    char *copy = wuyou_xml_pool_malloc(length);
    if (copy != NULL) memcpy(copy, text, length);
    return copy;
}

static pthread_mutex_t installing = PTHREAD_MUTEX_INITIALIZER;
static int libxml2_started;
static int decided;
static wuyou_xml_memory_installation decision;

void wuyou_xml_memory_note_start(void) {
    pthread_mutex_lock(&installing);
    libxml2_started = 1;
    pthread_mutex_unlock(&installing);
}

static wuyou_xml_memory_installation decide(void) {
#ifdef WUYOU_XML_POOL_COMPILED_OUT
    return wuyou_xml_memory_compiled_out;
#else
    const char *setting = getenv("WUYOU_XML_POOL");
    if (setting != NULL && strcmp(setting, "0") == 0) return wuyou_xml_memory_switched_off;
    if (libxml2_started) return wuyou_xml_memory_too_late;
    /* A host that gave libxml2 its own functions has blocks only they can free. Blocks that
       malloc made before, the pools' free and realloc recognise by their tag. */
    xmlFreeFunc current_free;
    xmlMallocFunc current_malloc;
    xmlReallocFunc current_realloc;
    xmlStrdupFunc current_strdup;
    if (xmlMemGet(&current_free, &current_malloc, &current_realloc, &current_strdup) != 0
        || current_free != free || current_malloc != malloc || current_realloc != realloc) {
        return wuyou_xml_memory_too_late;
    }
    if (xmlMemSetup(wuyou_xml_pool_free, wuyou_xml_pool_malloc, wuyou_xml_pool_realloc,
                    wuyou_xml_pool_strdup) != 0) {
        return wuyou_xml_memory_too_late;
    }
    return wuyou_xml_memory_installed;
#endif
}

wuyou_xml_memory_installation wuyou_xml_install_memory(void) {
    pthread_mutex_lock(&installing);
    if (!decided) {
        decision = decide();
        decided = 1;
    }
    wuyou_xml_memory_installation result = decision;
    pthread_mutex_unlock(&installing);
    return result;
}

int wuyou_xml_memory_is_installed(void) {
    xmlFreeFunc current_free;
    xmlMallocFunc current_malloc;
    xmlReallocFunc current_realloc;
    xmlStrdupFunc current_strdup;
    return xmlMemGet(&current_free, &current_malloc, &current_realloc, &current_strdup) == 0
        && current_free == wuyou_xml_pool_free && current_malloc == wuyou_xml_pool_malloc;
}
