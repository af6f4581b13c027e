/* Engine internals shared by engine.c (the API around the engine) and module.c (adding
 * and removing modules). */
#ifndef HJ_ENGINE_ENGINE_H
#define HJ_ENGINE_ENGINE_H

#include <pthread.h>
#include <semaphore.h>
#include <stdatomic.h>
#include <stdbool.h>

#include "hotjit.h"
#include "common/err.h"
#include "link/link.h"
#include "mem/mem.h"
#include "stubs/stubs.h"
#include "symtab/symtab.h"

/* Writable data a module can hand on to its next version (hj_replace), by name. */
typedef struct hj_keep {
    const char *name;
    uintptr_t addr;
    uint64_t size;
} hj_keep;

/* A module's read-write pages, shared with later versions that keep data in them. */
typedef struct hj_dataseg {
    uintptr_t addr;
    size_t size;
    unsigned refs;
} hj_dataseg;

/* A thread that promised to report quiescent points (hj_attach). */
typedef struct hj_thread_rec {
    struct hj_thread_rec *next;
    uint64_t observed; /* the engine epoch at its last quiescent point */
} hj_thread_rec;

/* A module this one refers to in a way a stub cannot redirect (data, TLS, COMDAT). */
typedef struct hj_dep {
    hj_module *module;
    const char *symbol;
} hj_dep;

/* What one compilation of a lazy function made, and what its parts cost. */
typedef struct hj_lazy_compiled {
    uint64_t extract_ns;  /* taking the function out of its module */
    uint64_t generate_ns; /* optimising and generating code */
    bool baseline;        /* -O0 code that asks for its tier-up (hj_ir_options.lazy_tier_up) */
} hj_lazy_compiled;

/* Where a lazy module's functions come from (the ir layer, behind callbacks: the engine
 * needs no LLVM). Counted references, under the engine lock: the module holds one, a
 * compilation in progress another. */
typedef struct hj_lazy_source {
    unsigned refs;
    struct hj_lazy_source *next_released; /* on the engine's list, to release unlocked */
    const char *const *functions; /* defined lazily, sorted by strcmp */
    size_t nfunctions;
    /* The object defining `function` (malloc'd, the caller frees it). tier_up: at the
     * module's level, for a function whose baseline code asked for it. */
    hj_status (*compile)(struct hj_lazy_source *src, const char *function, bool tier_up,
                         void **object, size_t *size, hj_lazy_compiled *made, hj_err *err);
    bool tiers; /* its functions may get baseline code first (hj_ir_options.lazy_tier_up) */
    void (*release)(struct hj_lazy_source *src);
} hj_lazy_source;

/* Tier-ups asked for and not yet compiled (tiers.c): entry stubs' addresses, 0 = free. */
#define HJ_TIER_RING 1024
typedef struct hj_tiers {
    _Atomic uintptr_t ring[HJ_TIER_RING];
    _Atomic uint32_t next;
    sem_t wake;
    pthread_t thread;
    bool running;       /* the thread: started under lazy_lock */
    _Atomic bool stop;
} hj_tiers;

struct hj_module {
    hj_engine *engine;
    hj_module *prev, *next;
    char *name;
    char *strtab;            /* copy of the object's string table: names point into it */
    uintptr_t seg_addr[HJ_SEG_COUNT]; /* page-aligned parts of its batch's allocation */
    size_t seg_size[HJ_SEG_COUNT];
    void *eh_frame;          /* registered with the unwinder, or NULL */
    void *dso_handle;        /* what __dso_handle names in it: a word of its own data */
    uint64_t tls_module;     /* 0: no TLS */
    hj_def *defs;
    size_t ndefs;
    const char **groups;     /* COMDAT signatures this module provides */
    size_t ngroups;
    hj_initfn *finis;
    size_t nfinis;
    hj_dep *deps;
    size_t ndeps;
    hj_module_stats stats;
    hj_keep *keep;
    size_t nkeep;
    hj_dataseg **datasegs;   /* [0] its own (if it has read-write data), then inherited */
    size_t ndatasegs;
    uint64_t retired_epoch;  /* retired: freed once every attached thread has passed it */
    size_t users;            /* modules holding a hj_dep on this one */
    bool removing;
    hj_lazy_source *lazy;    /* a lazy module: its functions' source */
    hj_module **parts;       /* a lazy module: its functions compiled so far, each linked */
    size_t nparts;           /* as a module of its own, freed with it */
    bool lazy_aliases;       /* a lazy module: two of its names share a stub */
};

struct hj_engine {
    pthread_mutex_t lock;
    pthread_mutex_t lazy_lock; /* one lazy compilation at a time; taken before lock */
    const hj_arch *arch;
    hj_region *region;
    hj_stubs *stubs;
    hj_symtab symtab;
    hj_module *first, *last; /* in load order */
    char errmsg[HJ_ERRMSG_MAX];
    hj_link_stats stats;
    hj_strmap copies;        /* process symbol name (owned) -> read-only snapshot */
    hj_strmap referrers;     /* stub name -> name (owned) of the first module calling it */
    void *ir;                /* the ir layer's state, made when first needed */
    hj_lazy_source *released; /* lazy sources nothing holds, released after unlocking */
    void (*ir_destroy)(void *ir);
    char warnings[HJ_ERRMSG_MAX];
    hj_module *retired;      /* replaced or removed while threads may still run it */
    uint64_t epoch;          /* advanced at every retirement */
    hj_thread_rec *threads;  /* attached threads */
    struct hj_copy_chunk *copy_chunks;
    uint64_t seg_cursor[2][HJ_SEG_COUNT]; /* page offset where the next unit's segment of
                                           * each kind begins (module.c: segment_starts);
                                           * [1]: lazy functions' baseline code */
    void (*on_code)(void *ctx, const hj_code_info *info); /* hj_engine_options */
    void *on_code_ctx;
    struct hj_code_log *pending_code; /* on_code's records not yet delivered */
    _Atomic bool closed;     /* hj_engine_exit: no more compilation */
    hj_tiers tiers;          /* tiers.c */
    hj_engine *next_engine;  /* fork.c's list of engines */
};

/* Near stand-ins for process symbols that a unit's 32-bit references cannot reach:
 * a function gets an entry stub named after it (shared by all modules, so its address
 * compares equal across them); read-only data (typeinfo, vtables, constants) gets a
 * snapshot copy inside the region, as a static linker's copy relocation would give.
 * Writable data gets nothing: its relocation then fails and says to use -fPIC.
 * Stubs created are appended to new_stubs (for rollback). */
hj_status hj_proxies_assign(hj_engine *engine, hj_link_unit *unit, uint32_t *new_stubs,
                            size_t *nnew_stubs, hj_err *err);
void hj_proxies_free(hj_engine *engine);

/* fork.c: every engine's locks are taken around fork() (pthread_atfork), with the ir
 * layer's, TLS's and the shims' (api.c, tls.c, shims.c: *_prefork, *_postfork). */
void hj_fork_register(hj_engine *engine);
void hj_fork_unregister(hj_engine *engine);
void hj_ir_prefork(void);
void hj_ir_postfork(void);

/* observe.c: delivers on_code's pending records; called with no lock held. */
typedef struct hj_code_log hj_code_log;
void hj_code_deliver_pending(hj_engine *engine);

/* Records err as the engine's message and returns its status. */
hj_status hj_engine_fail(hj_engine *engine, const hj_err *err);

/* Unlinks a module and frees everything it holds; its destructors have run. Called
 * with the lock held. */
void hj_module_destroy_locked(hj_engine *engine, hj_module *module);
/* Runs a module's destructors: fini arrays (reverse order), then what it registered
 * with atexit and __cxa_atexit. Called without the lock. */
void hj_module_run_finis(hj_module *module);

uint64_t hj_now_ns(void);

/* Takes a module out of the load-order list. */
void hj_module_unlink(hj_engine *engine, hj_module *m);
/* Frees what a module holds in the region (text, read-only, its share of data). */
void hj_module_release_memory(hj_engine *engine, hj_module *m);
/* Takes an unlinked module out of service: freed now if no thread is attached (the
 * caller's promise that none runs it), else when every attached thread has passed a
 * quiescent point. */
void hj_retire_locked(hj_engine *engine, hj_module *m, bool free_if_unattached);
void hj_reclaim_locked(hj_engine *engine);
void hj_free_retired_all(hj_engine *engine);

/* Puts a definition in the symbol table and points its stub at it (cannot fail: room
 * is reserved before). */
void hj_publish_def(hj_engine *engine, hj_def *d);
void hj_free_module(hj_module *m);

/* Lazy modules (lazy.c). The stubs' trap: compiles a lazy function on its first call,
 * else reports a call to an undefined function and ends the program. */
uintptr_t hj_lazy_trap(void *engine, uint64_t index);
/* The tier-up of the function behind the stub (lazy_lock held): at its module's level,
 * replacing its baseline code; nothing when it has none (any more). */
void hj_lazy_compile_tier_up(hj_engine *engine, uint32_t index);
/* Tiers (tiers.c). What baseline code calls on its Nth call (common/tier_up.h), with
 * its function's stub: async-signal-safe, it only asks the engine's tier thread. */
void hj_tier_up_asked(hj_engine *engine, const void *stub);
bool hj_tiers_start(hj_engine *engine); /* lazy_lock held; false: no thread to be had */
void hj_tiers_stop(hj_engine *engine);
void hj_tiers_forked(hj_engine *engine);
/* Drops a reference to a lazy source (lock held). The last one puts it on the engine's
 * released list: releasing waits for the ir layer's lock, which may be held a long time
 * by a compilation, so it happens in hj_lazy_release_pending, without the engine lock. */
void hj_lazy_unref(hj_engine *engine, hj_lazy_source *src);
void hj_lazy_release_pending(hj_engine *engine);
/* Adds objects (lazy[i] non-NULL: the globals object of a lazy module) as one batch. */
hj_status hj_add_objects_lazy(hj_engine *engine, const hj_object *objects,
                              hj_lazy_source *const *lazy, size_t count, hj_module **out);
hj_status hj_replace_object_lazy(hj_engine *engine, hj_module *module, const hj_object *object,
                                 hj_lazy_source *lazy, unsigned flags, hj_module **out);

/* Reads a whole file into malloc'd memory (8-byte aligned). */
hj_status hj_read_file(const char *path, void **data, size_t *size, hj_err *err);

/* A constructor or destructor with the position of its module: sorted by priority,
 * then position, then its place in the module. */
typedef struct hj_ordered_fn {
    hj_initfn fn;
    size_t position;
} hj_ordered_fn;

int hj_compare_ordered_fn(const void *a, const void *b);

#endif
