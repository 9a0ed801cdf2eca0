#include "wuyou_xml_memory.h"
#include <libxml/xmlmemory.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Each block starts with a 16-byte header (keeping malloc's 16-byte alignment): the payload
   capacity, and whether the block belongs to a pool. */
typedef struct header {
    size_t capacity;
    size_t pooled;
} header;

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

static void *from_system(size_t capacity, size_t pooled) {
    /* libxml2 checks its own sizes, but a request near SIZE_MAX must fail, not wrap. */
    if (capacity > SIZE_MAX - sizeof(header)) return NULL;
    header *block = malloc(sizeof(header) + capacity);
    if (block == NULL) return NULL;
    block->capacity = capacity;
    block->pooled = pooled;
    return block + 1;
}

static void *wuyou_xml_malloc(size_t size) {
    if (size > classes * granule) return from_system(size, 0);
    size_t class = size == 0 ? 1 : (size + granule - 1) / granule;
    free_block *reused = pool[class];
    if (reused != NULL) {
        pool[class] = reused->next;
        pool_size[class]--;
        return reused;
    }
    return from_system(class * granule, 1);
}

static void wuyou_xml_free(void *pointer) {
    if (pointer == NULL) return;
    header *block = (header *)pointer - 1;
    size_t class = block->capacity / granule;
    if (block->pooled && pool_size[class] < kept_per_class && may_keep()) {
        free_block *freed = pointer;
        freed->next = pool[class];
        pool[class] = freed;
        pool_size[class]++;
        return;
    }
    free(block);
}

static void *wuyou_xml_realloc(void *pointer, size_t size) {
    if (pointer == NULL) return wuyou_xml_malloc(size);
    header *block = (header *)pointer - 1;
    if (size <= block->capacity) return pointer;
    if (!block->pooled) {
        if (size > SIZE_MAX - sizeof(header)) return NULL;
        header *grown = realloc(block, sizeof(header) + size);
        if (grown == NULL) return NULL;
        grown->capacity = size;
        return grown + 1;
    }
    void *moved = wuyou_xml_malloc(size);
    if (moved == NULL) return NULL;
    memcpy(moved, pointer, block->capacity);
    wuyou_xml_free(pointer);
    return moved;
}

static char *wuyou_xml_strdup(const char *text) {
    size_t length = strlen(text) + 1;
    char *copy = wuyou_xml_malloc(length);
    if (copy != NULL) memcpy(copy, text, length);
    return copy;
}

void wuyou_xml_install_memory(void) {
    xmlMemSetup(wuyou_xml_free, wuyou_xml_malloc, wuyou_xml_realloc, wuyou_xml_strdup);
}
