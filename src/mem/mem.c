#include "mem/mem.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#ifndef MAP_FIXED_NOREPLACE
#define MAP_FIXED_NOREPLACE 0x100000
#endif

#define HJ_LOW_LIMIT ((uintptr_t)1 << 31)
#define HJ_DEFAULT_REGION ((size_t)512 << 20)

typedef struct hj_extent {
    uintptr_t start;
    size_t size;
} hj_extent;

struct hj_region {
    uintptr_t base;
    size_t size;
    size_t used;
    hj_extent *free; /* sorted by address, coalesced */
    size_t nfree, capfree;
    unsigned fail_countdown;
};

size_t hj_page_size(void)
{
    static size_t page;
    if (!page)
        page = (size_t)sysconf(_SC_PAGESIZE);
    return page;
}

size_t hj_page_round(size_t size)
{
    size_t page = hj_page_size();
    return (size + page - 1) & ~(page - 1);
}

/* ------------------------------------------------------------------------------------
 * Reservation
 * ------------------------------------------------------------------------------------ */

static void *try_reserve(uintptr_t hint, size_t size, int extra_flags)
{
    int flags = MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | extra_flags;
    void *p = mmap((void *)hint, size, PROT_NONE, flags, -1, 0);
    if (p == MAP_FAILED)
        return NULL;
    if (hint && (uintptr_t)p != hint) { /* kernels before 4.17 ignore NOREPLACE */
        munmap(p, size);
        return NULL;
    }
    return p;
}

/* The highest gap below 2 GiB that holds `size` bytes, from /proc/self/maps: placed at
 * the gap's top, so a heap below it keeps room to grow. 0 when there is none. */
static uintptr_t find_low_gap(size_t size)
{
    FILE *maps = fopen("/proc/self/maps", "r");
    if (!maps)
        return 0;
    uintptr_t prev_end = 0x10000, best = 0; /* above vm.mmap_min_addr */
    unsigned long start, end;
    char line[512];
    while (fgets(line, sizeof line, maps) && sscanf(line, "%lx-%lx", &start, &end) == 2) {
        uintptr_t top = start < HJ_LOW_LIMIT ? start : HJ_LOW_LIMIT;
        if (top > prev_end && top - prev_end >= size)
            best = top - size;
        if (end > prev_end)
            prev_end = end;
        if (start >= HJ_LOW_LIMIT)
            break;
    }
    if (prev_end < HJ_LOW_LIMIT && HJ_LOW_LIMIT - prev_end >= size)
        best = HJ_LOW_LIMIT - size;
    fclose(maps);
    return best & ~(uintptr_t)(hj_page_size() - 1);
}

/* Below 2 GiB where there is room (32-bit absolute relocations reach it), else
 * anywhere. Another thread may map the gap between the look and the reservation:
 * MAP_FIXED_NOREPLACE then fails, and the search runs again. */
static void *reserve(size_t size)
{
    for (int attempt = 0; attempt < 4; attempt++) {
        uintptr_t hint = find_low_gap(size);
        if (!hint)
            break;
        void *p = try_reserve(hint, size, MAP_FIXED_NOREPLACE);
        if (p)
            return p;
    }
    return try_reserve(0, size, 0);
}

hj_status hj_region_create(hj_region **out, size_t size, hj_err *err)
{
    size = hj_page_round(size ? size : HJ_DEFAULT_REGION);
    hj_region *region = calloc(1, sizeof *region);
    hj_extent *first = malloc(sizeof *first);
    void *base = (region && first) ? reserve(size) : NULL;
    if (!base) {
        free(region);
        free(first);
        return hj_fail(err, HJ_ERR_NOMEM, "cannot reserve %zu bytes of address space", size);
    }
    region->base = (uintptr_t)base;
    region->size = size;
    region->free = first;
    region->free[0] = (hj_extent){region->base, size};
    region->nfree = region->capfree = 1;
    const char *fail = getenv("HOTJIT_FAIL_ALLOC");
    if (fail)
        region->fail_countdown = (unsigned)strtoul(fail, NULL, 10);
    *out = region;
    return HJ_OK;
}

void hj_region_destroy(hj_region *region)
{
    if (!region)
        return;
    munmap((void *)region->base, region->size);
    free(region->free);
    free(region);
}

/* ------------------------------------------------------------------------------------
 * Allocation: first fit over a sorted free list
 * ------------------------------------------------------------------------------------ */

void hj_region_fail_after(hj_region *region, unsigned n)
{
    region->fail_countdown = n;
}

static bool injected_failure(hj_region *region)
{
    return region->fail_countdown && --region->fail_countdown == 0;
}

hj_status hj_region_alloc(hj_region *region, size_t size, void **out, hj_err *err)
{
    size = hj_page_round(size ? size : 1);
    if (injected_failure(region))
        return hj_fail(err, HJ_ERR_NOMEM, "injected allocation failure (HOTJIT_FAIL_ALLOC)");
    for (size_t i = 0; i < region->nfree; i++) {
        hj_extent *e = &region->free[i];
        if (e->size < size)
            continue;
        uintptr_t start = e->start;
        if (mprotect((void *)start, size, PROT_READ | PROT_WRITE) != 0)
            return hj_fail(err, HJ_ERR_NOMEM, "mprotect of %zu bytes failed: %s", size,
                           strerror(errno));
        e->start += size;
        e->size -= size;
        if (!e->size) {
            memmove(e, e + 1, (region->nfree - i - 1) * sizeof *e);
            region->nfree--;
        }
        region->used += size;
        *out = (void *)start;
        return HJ_OK;
    }
    return hj_fail(err, HJ_ERR_NOMEM,
                   "code region full: %zu bytes requested, %zu of %zu in use "
                   "(raise hj_engine_options.region_size)",
                   size, region->used, region->size);
}

static bool grow_free_list(hj_region *region)
{
    if (region->nfree < region->capfree)
        return true;
    size_t cap = region->capfree * 2;
    hj_extent *list = realloc(region->free, cap * sizeof *list);
    if (!list)
        return false;
    region->free = list;
    region->capfree = cap;
    return true;
}

/* Fresh PROT_NONE pages replace the old ones: their contents and resident memory go. */
static void discard(uintptr_t start, size_t size)
{
    mmap((void *)start, size, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED,
         -1, 0);
}

void hj_region_free(hj_region *region, void *start_ptr, size_t size)
{
    if (!start_ptr)
        return;
    uintptr_t start = (uintptr_t)start_ptr;
    size = hj_page_round(size ? size : 1);
    discard(start, size);
    region->used -= size;
    size_t i = 0;
    while (i < region->nfree && region->free[i].start < start)
        i++;
    bool joins_prev = i > 0 && region->free[i - 1].start + region->free[i - 1].size == start;
    bool joins_next = i < region->nfree && start + size == region->free[i].start;
    if (joins_prev && joins_next) {
        region->free[i - 1].size += size + region->free[i].size;
        memmove(&region->free[i], &region->free[i + 1], (region->nfree - i - 1) * sizeof(hj_extent));
        region->nfree--;
    } else if (joins_prev) {
        region->free[i - 1].size += size;
    } else if (joins_next) {
        region->free[i].start = start;
        region->free[i].size += size;
    } else if (grow_free_list(region)) {
        memmove(&region->free[i + 1], &region->free[i], (region->nfree - i) * sizeof(hj_extent));
        region->free[i] = (hj_extent){start, size};
        region->nfree++;
    }
    /* else: out of memory for bookkeeping; the range stays reserved but unused. */
}

/* ------------------------------------------------------------------------------------
 * Protection and queries
 * ------------------------------------------------------------------------------------ */

hj_status hj_mem_protect(void *start, size_t size, hj_prot prot, hj_err *err)
{
    static const int prots[] = {
        [HJ_PROT_NONE] = PROT_NONE,
        [HJ_PROT_R] = PROT_READ,
        [HJ_PROT_RW] = PROT_READ | PROT_WRITE,
        [HJ_PROT_RX] = PROT_READ | PROT_EXEC,
    };
    if (!size)
        return HJ_OK;
    if (mprotect(start, hj_page_round(size), prots[prot]) != 0)
        return hj_fail(err, HJ_ERR_NOMEM, "mprotect(%p, %zu) failed: %s", start, size,
                       strerror(errno));
    return HJ_OK;
}

uintptr_t hj_region_base(const hj_region *region) { return region->base; }
uintptr_t hj_region_end(const hj_region *region) { return region->base + region->size; }
bool hj_region_is_low(const hj_region *region) { return region->base + region->size <= HJ_LOW_LIMIT; }
size_t hj_region_used(const hj_region *region) { return region->used; }
