/* A batch of objects being linked: shared by module.c (the add pipeline) and
 * replace.c (what differs when the batch replaces a module). */
#ifndef HJ_ENGINE_BATCH_H
#define HJ_ENGINE_BATCH_H

#include "engine/engine.h"

typedef struct hj_batch {
    hj_engine *engine;
    size_t count;
    hj_link_unit *units;
    hj_module **modules;
    hj_strmap winners;     /* name -> (unit index << 32 | symbol index) + 1 */
    hj_strmap groups;      /* COMDAT signatures claimed by this batch */
    hj_strmap process;     /* process symbols already looked up: name -> hj_proc_sym */
    uint8_t *mem;          /* the batch's one allocation */
    size_t mem_size;
    uintptr_t ro_start;    /* text is [mem, ro_start), read-only data follows */
    uint32_t *new_stubs;   /* created by this batch: released on failure */
    bool *defer_calls;     /* per unit: calls to undefined functions wait for a definition */
    size_t nnew_stubs;
    hj_err err;
    hj_module *replacing;  /* hj_replace: the module the one unit of the batch replaces */
    unsigned replace_flags;
    hj_strmap kept;        /* hj_replace: old module's data by name -> hj_keep* */
    char *kept_keys;       /* hj_replace: the names kept is keyed by */
    hj_dataseg **shared_room; /* hj_replace: room for the segments the new module shares */
    hj_lazy_source *const *lazy; /* per unit: the globals object of a lazy module, or NULL */
    hj_module *lazy_parent; /* linking one compiled function of this lazy module */
    bool lazy_baseline;    /* that function's baseline code (engine/lazy.c) */
    bool lazy_tier_up;     /* that function at its module's level, replacing its baseline */
    hj_ordered_fn *inits;  /* constructors, gathered before publishing */
    struct hj_code_log *code_log; /* on_code's records until published (observe.c) */
    size_t ninits;
} hj_batch;

#define PACK(u, s) ((void *)(uintptr_t)((((uint64_t)(u)) << 32 | (uint64_t)(s)) + 1))
#define UNIT_OF(v) ((size_t)(((uintptr_t)(v) - 1) >> 32))
#define SYM_OF(v) ((size_t)(((uintptr_t)(v) - 1) & 0xffffffffu))


/* The add pipeline with a module to replace (NULL: a plain add). lazy may be NULL. */
hj_status hj_link_batch(hj_engine *engine, const hj_object *objects, size_t count,
                        hj_lazy_source *const *lazy, hj_module *replacing, unsigned flags,
                        hj_module **out);
/* The part under the lock: links and publishes, or leaves the engine unchanged and sets
 * its message. Constructors are gathered in b->inits, not run. Callers fill engine,
 * count and the optional fields, and close the batch with hj_batch_close. */
hj_status hj_batch_link_locked(hj_batch *b, const hj_object *objects);
void hj_batch_close(hj_batch *b);

/* observe.c: on_code's records. Prepared before publishing (may fail: out of memory),
 * handed to the engine's pending list when publishing (lock held), delivered with no
 * lock held (hj_code_deliver_pending, engine.h). */
hj_status hj_code_log_prepare(hj_batch *b);
void hj_code_log_publish(hj_batch *b);

/* replace.c: the steps where replacing differs. */
hj_status hj_replace_prepare(hj_batch *b);          /* after resolution, before layout */
hj_status hj_replace_preserve(hj_batch *b);         /* after placement */
void hj_replace_publish(hj_batch *b);               /* after the new module is published */

/* lazy.c: the steps of the pipeline particular to lazy modules. A lazy module's
 * placeholders wait (their stubs lead to the trap); a compiled part fills its module's
 * waiting definitions instead of publishing its own; room for both is made first. */
hj_status hj_lazy_mark_functions(hj_module *m, const hj_lazy_source *src, hj_err *err);
bool hj_lazy_publish_part(hj_batch *b, hj_module *m);
hj_status hj_lazy_reserve_part(hj_batch *b);
hj_status hj_lazy_reserve_deps(hj_batch *b);

/* Data kept across versions: what a module can hand on (build_module fills it). */
hj_status hj_module_record_data(hj_module *m, const hj_link_unit *unit, hj_err *err);

#endif
