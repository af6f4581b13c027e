/* Thread-local storage of JIT modules (general- and local-dynamic models). glibc's TLS
 * blocks cannot be extended at run time, so the engine keeps its own: each module with
 * TLS gets an id, and the engine's __tls_get_addr replacement hands each thread a block
 * of that module, initialised from the module's image on the thread's first access.
 * Module ids carry a tag bit; anything else is forwarded to the C library's own
 * __tls_get_addr, so process TLS variables reached through the GOT keep working. */
#ifndef HJ_LINK_TLS_H
#define HJ_LINK_TLS_H

#include <stddef.h>
#include <stdint.h>

#include "common/err.h"

#define HJ_TLS_TAG ((uint64_t)1 << 62)

/* Registers a TLS template; `image` (image_size bytes, then zeros up to block_size) must
 * stay valid until hj_tls_unregister. Returns a tagged module id. */
hj_status hj_tls_register(const void *image, size_t image_size, size_t block_size,
                          size_t align, uint64_t *module, hj_err *err);
/* Blocks of other threads are freed when they next ask or when they exit. */
void hj_tls_unregister(uint64_t module);

/* The replacement for __tls_get_addr: argument is {module, offset}. */
void *hj_tls_get_addr(void *tls_index);

#endif
