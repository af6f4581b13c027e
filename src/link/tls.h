/* Thread-local storage of JIT modules (general- and local-dynamic models). glibc's TLS
 * blocks cannot be extended at run time, so the engine keeps its own: each module with
 * TLS gets an id, and the engine's __tls_get_addr replacement hands each thread a block
 * of that module, initialised from the module's image on the thread's first access.
 * Module ids carry a tag bit; anything else is forwarded to the C library's own
 * __tls_get_addr, so process TLS variables reached through the GOT keep working. */
#ifndef HJ_LINK_TLS_H
#define HJ_LINK_TLS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "common/err.h"

#define HJ_TLS_TAG ((uint64_t)1 << 62)

/* Registers a TLS template; `image` (image_size bytes, then zeros up to block_size) must
 * stay valid until hj_tls_unregister. Returns a tagged module id.
 * want_static asks for a block in the static pool (see below): then *tpoff receives the
 * block's fixed offset from the thread pointer; without a pool, or when it is full, the
 * block is dynamic and *tpoff is left alone. *is_static says which it became. */
hj_status hj_tls_register(const void *image, size_t image_size, size_t block_size,
                          size_t align, bool want_static, uint64_t *module, bool *is_static,
                          int64_t *tpoff, hj_err *err);
/* Blocks of other threads are freed when they next ask or when they exit. */
void hj_tls_unregister(uint64_t module);

/* The static pool: thread-local memory at the same offset from the thread pointer in
 * every thread (a __thread array of the executable, which glibc puts in its static TLS
 * block). Code built without -fPIC addresses its TLS that way (local-exec,
 * initial-exec). Each thread's copy of a pool block is initialised from the image in
 * the thread that added the module and in threads JIT code creates later
 * (hj_tls_init_thread, called by the pthread_create shim); threads that already existed
 * see zeros. `pool` is the array's address in the calling thread. Set once per process;
 * later calls are ignored. */
void hj_tls_set_static_pool(void *pool, size_t size, uintptr_t (*thread_pointer)(void));
void hj_tls_init_thread(void);
/* Once the image is relocated: the calling thread's copy of a static block gets it. */
void hj_tls_activate(uint64_t module);
/* The TLS lock around fork() (engine/fork.c). */
void hj_tls_prefork(void);
void hj_tls_postfork(void);

/* The replacement for __tls_get_addr: argument is {module, offset}. */
void *hj_tls_get_addr(void *tls_index);

#endif
