#include "link/tls.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "common/lock.h"

#define CHUNK_BITS 8
#define CHUNK_SIZE (1u << CHUNK_BITS)
#define MAX_CHUNKS 256 /* 65536 module ids */

typedef struct tls_template {
    const void *image;
    size_t image_size, block_size, align;
    uint64_t generation; /* odd while registered; a thread's block is valid for one value */
    bool is_static;
    int64_t tpoff;       /* static blocks: offset of the block from the thread pointer */
} tls_template;

/* The static pool, carved first fit; extents are offsets into the pool. */
typedef struct pool_extent {
    size_t start, size;
} pool_extent;

static struct {
    int64_t tpoff; /* of the pool's first byte */
    size_t size;
    pool_extent free[64];
    size_t nfree;
    uintptr_t (*thread_pointer)(void);
} pool;

typedef struct tls_block {
    void *block;
    uint64_t generation;
} tls_block;

typedef struct tls_thread {
    size_t capacity;
    tls_block blocks[];
} tls_thread;

/* Chunks are never moved, so a reader needs no lock to find a template. */
static tls_template *chunks[MAX_CHUNKS];
static uint32_t *free_ids;
static size_t nfree_ids, cap_free_ids, next_id = 1;
static pthread_mutex_t tls_lock = PTHREAD_MUTEX_INITIALIZER;

void hj_tls_prefork(void) { hj_lock(&tls_lock); }
void hj_tls_postfork(void) { hj_unlock(&tls_lock); }
static pthread_key_t thread_key;
static pthread_once_t key_once = PTHREAD_ONCE_INIT;
static __thread tls_thread *self;

typedef void *(*tls_get_addr_fn)(void *);
static tls_get_addr_fn libc_tls_get_addr;

static void free_thread(void *arg)
{
    tls_thread *t = arg;
    for (size_t i = 0; t && i < t->capacity; i++)
        free(t->blocks[i].block);
    free(t);
}

static void init_once(void)
{
    pthread_key_create(&thread_key, free_thread);
    libc_tls_get_addr = (tls_get_addr_fn)dlsym(RTLD_DEFAULT, "__tls_get_addr");
}

static tls_template *template_of(uint64_t id)
{
    tls_template *chunk = chunks[id >> CHUNK_BITS];
    return chunk ? &chunk[id & (CHUNK_SIZE - 1)] : NULL;
}

/* ------------------------------------------------------------------------------------
 * Registration
 * ------------------------------------------------------------------------------------ */

static bool take_id(uint32_t *id)
{
    if (nfree_ids) {
        *id = free_ids[--nfree_ids];
        return true;
    }
    if (next_id >= (size_t)MAX_CHUNKS * CHUNK_SIZE)
        return false;
    if (!chunks[next_id >> CHUNK_BITS]) {
        chunks[next_id >> CHUNK_BITS] = calloc(CHUNK_SIZE, sizeof(tls_template));
        if (!chunks[next_id >> CHUNK_BITS])
            return false;
    }
    *id = (uint32_t)next_id++;
    return true;
}

void hj_tls_set_static_pool(void *base, size_t size, uintptr_t (*thread_pointer)(void))
{
    hj_lock(&tls_lock);
    if (!pool.size && base && size) {
        pool.thread_pointer = thread_pointer;
        pool.tpoff = (int64_t)((uintptr_t)base - thread_pointer());
        pool.size = size;
        pool.free[0] = (pool_extent){0, size};
        pool.nfree = 1;
    }
    hj_unlock(&tls_lock);
}

/* Offsets from the pool start; alignment holds because the pool is 64-byte aligned. */
static bool pool_alloc(size_t size, size_t align, size_t *out)
{
    size = (size + 63) & ~(size_t)63;
    if (align > 64)
        return false;
    for (size_t i = 0; i < pool.nfree; i++) {
        if (pool.free[i].size < size)
            continue;
        *out = pool.free[i].start;
        pool.free[i].start += size;
        pool.free[i].size -= size;
        return true;
    }
    return false;
}

static void pool_release(size_t start, size_t size)
{
    size = (size + 63) & ~(size_t)63;
    size_t i = 0;
    while (i < pool.nfree && pool.free[i].start < start)
        i++;
    if (i > 0 && pool.free[i - 1].start + pool.free[i - 1].size == start) {
        pool.free[i - 1].size += size;
        if (i < pool.nfree && start + size == pool.free[i].start) {
            pool.free[i - 1].size += pool.free[i].size;
            memmove(&pool.free[i], &pool.free[i + 1], (pool.nfree - i - 1) * sizeof pool.free[0]);
            pool.nfree--;
        }
    } else if (i < pool.nfree && start + size == pool.free[i].start) {
        pool.free[i].start = start;
        pool.free[i].size += size;
    } else if (pool.nfree < sizeof pool.free / sizeof pool.free[0]) {
        memmove(&pool.free[i + 1], &pool.free[i], (pool.nfree - i) * sizeof pool.free[0]);
        pool.free[i] = (pool_extent){start, size};
        pool.nfree++;
    } /* else: too fragmented to track; the range stays unused */
}

static void copy_image(const tls_template *t)
{
    char *block = (char *)pool.thread_pointer() + t->tpoff;
    memcpy(block, t->image, t->image_size);
    memset(block + t->image_size, 0, t->block_size - t->image_size);
}

void hj_tls_activate(uint64_t module)
{
    hj_lock(&tls_lock);
    const tls_template *t = template_of(module & ~HJ_TLS_TAG);
    if (t && t->is_static)
        copy_image(t);
    hj_unlock(&tls_lock);
}

void hj_tls_init_thread(void)
{
    hj_lock(&tls_lock);
    for (size_t id = 1; pool.size && id < next_id; id++) {
        const tls_template *t = template_of(id);
        if (t && t->is_static && (t->generation & 1))
            copy_image(t);
    }
    hj_unlock(&tls_lock);
}

/* Unregistering must not fail, so the free list has room for every id handed out. */
static bool reserve_free_slot(void)
{
    if (next_id < cap_free_ids)
        return true;
    size_t cap = cap_free_ids * 2 + 16;
    uint32_t *grown = realloc(free_ids, cap * sizeof *grown);
    if (!grown)
        return false;
    free_ids = grown;
    cap_free_ids = cap;
    return true;
}

hj_status hj_tls_register(const void *image, size_t image_size, size_t block_size,
                          size_t align, bool want_static, uint64_t *module, bool *is_static,
                          int64_t *tpoff, hj_err *err)
{
    pthread_once(&key_once, init_once);
    hj_lock(&tls_lock);
    uint32_t id;
    size_t offset = 0;
    bool ok = reserve_free_slot() && take_id(&id);
    if (ok) {
        tls_template *t = template_of(id);
        uint64_t generation = (t->generation | 1) + 2;
        t->image = image;
        t->image_size = image_size;
        t->block_size = block_size ? block_size : 1;
        t->align = align < sizeof(void *) ? sizeof(void *) : align;
        t->is_static = want_static && pool.size && pool_alloc(t->block_size, t->align, &offset);
        t->tpoff = t->is_static ? pool.tpoff + (int64_t)offset : 0;
        if (t->is_static)
            *tpoff = t->tpoff;
        *is_static = t->is_static;
        __atomic_store_n(&t->generation, generation, __ATOMIC_RELEASE);
        *module = HJ_TLS_TAG | id;
    }
    hj_unlock(&tls_lock);
    return ok ? HJ_OK : hj_fail(err, HJ_ERR_NOMEM, "no thread-local storage id left");
}

void hj_tls_unregister(uint64_t module)
{
    uint32_t id = (uint32_t)(module & ~HJ_TLS_TAG);
    hj_lock(&tls_lock);
    tls_template *t = template_of(id);
    __atomic_store_n(&t->generation, t->generation + 1, __ATOMIC_RELEASE); /* even: retired */
    if (t->is_static) { /* this thread's copy is cleared; other threads' stay as they are */
        memset((char *)pool.thread_pointer() + t->tpoff, 0, t->block_size);
        pool_release((size_t)(t->tpoff - pool.tpoff), t->block_size);
        t->is_static = false;
    }
    t->image = NULL;
    free_ids[nfree_ids++] = id; /* room was reserved at registration */
    hj_unlock(&tls_lock);
    tls_thread *mine = self;
    if (mine && id < mine->capacity) { /* this thread's block goes at once */
        free(mine->blocks[id].block);
        mine->blocks[id] = (tls_block){0};
    }
}

/* ------------------------------------------------------------------------------------
 * Access
 * ------------------------------------------------------------------------------------ */

static tls_thread *grow_thread(tls_thread *t, size_t id)
{
    size_t capacity = t ? t->capacity : 0, want = capacity ? capacity : 16;
    while (want <= id)
        want *= 2;
    tls_thread *grown = realloc(t, sizeof *grown + want * sizeof(tls_block));
    if (!grown)
        return NULL;
    memset(&grown->blocks[capacity], 0, (want - capacity) * sizeof(tls_block));
    grown->capacity = want;
    pthread_setspecific(thread_key, grown);
    return self = grown;
}

static void *new_block(uint64_t id, tls_block *slot)
{
    hj_lock(&tls_lock);
    tls_template *t = template_of(id);
    size_t size = (t->block_size + t->align - 1) & ~(t->align - 1);
    void *block = aligned_alloc(t->align, size);
    if (block) {
        memcpy(block, t->image, t->image_size);
        memset((char *)block + t->image_size, 0, size - t->image_size);
        free(slot->block);
        *slot = (tls_block){block, t->generation};
    }
    hj_unlock(&tls_lock);
    return block;
}

static void *slow_path(uint64_t id, uint64_t offset)
{
    tls_thread *t = self;
    if (!t || id >= t->capacity)
        t = grow_thread(t, id);
    void *block = t ? new_block(id, &t->blocks[id]) : NULL;
    if (!block)
        abort(); /* as glibc does when it cannot allocate a TLS block */
    return (char *)block + offset;
}

typedef struct tls_index {
    uint64_t module, offset;
} tls_index;

void *hj_tls_get_addr(void *arg)
{
    const tls_index *ti = arg;
    if (!(ti->module & HJ_TLS_TAG)) {
        pthread_once(&key_once, init_once);
        return libc_tls_get_addr(arg);
    }
    uint64_t id = ti->module & ~HJ_TLS_TAG;
    const tls_template *tmpl = template_of(id);
    if (tmpl->is_static) /* a block in the static pool: same offset in every thread */
        return (char *)pool.thread_pointer() + tmpl->tpoff + ti->offset;
    tls_thread *t = self;
    if (t && id < t->capacity) {
        tls_block *b = &t->blocks[id];
        if (b->block && b->generation == __atomic_load_n(&template_of(id)->generation, __ATOMIC_ACQUIRE))
            return (char *)b->block + ti->offset;
    }
    return slow_path(id, ti->offset);
}
