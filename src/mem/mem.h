/* Code memory: one reserved address-space region per engine, carved into page-aligned
 * ranges. All JIT code, data, GOTs and stubs of an engine live in it, so every reference
 * between them fits a 32-bit PC-relative displacement. Where the kernel allows, the
 * region sits below 2 GiB so that objects built with -fno-pic (32-bit absolute
 * addresses) load too.
 *
 * Protection is W^X: a range is handed out read-write, and hj_mem_protect switches it to
 * read-only or read-execute once written. Nothing is ever mapped writable and executable.
 */
#ifndef HJ_MEM_MEM_H
#define HJ_MEM_MEM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "common/err.h"

typedef struct hj_region hj_region;

typedef enum hj_prot { HJ_PROT_NONE, HJ_PROT_R, HJ_PROT_RW, HJ_PROT_RX } hj_prot;

size_t hj_page_size(void);
size_t hj_page_round(size_t size);

/* Reserves `size` bytes of address space (rounded to pages); nothing is committed. */
hj_status hj_region_create(hj_region **out, size_t size, hj_err *err);
void hj_region_destroy(hj_region *region);

/* Hands out a zero-filled, read-write, page-aligned range of at least `size` bytes. */
hj_status hj_region_alloc(hj_region *region, size_t size, void **out, hj_err *err);

/* Returns a range to the region: its pages are discarded (resident memory drops) and
 * made inaccessible. `size` is the size passed to hj_region_alloc. */
void hj_region_free(hj_region *region, void *start, size_t size);

hj_status hj_mem_protect(void *start, size_t size, hj_prot prot, hj_err *err);

uintptr_t hj_region_base(const hj_region *region);
uintptr_t hj_region_end(const hj_region *region);
/* True when every address of the region is below 2 GiB. */
bool hj_region_is_low(const hj_region *region);
size_t hj_region_used(const hj_region *region);

/* Makes the n-th next allocation fail (1 = the next one; 0 = off), so that tests can
 * reach every error path. HOTJIT_FAIL_ALLOC=n in the environment sets it at creation. */
void hj_region_fail_after(hj_region *region, unsigned n);

#endif
