/* Retired modules and quiescent-state based reclamation. A module that was replaced or
 * removed may still be running on some thread (a call in progress finishes in the old
 * code), so its memory waits on the retired list. Threads that run JIT code attach and
 * report quiescent points (moments they are not inside JIT code); every retirement
 * advances the engine's epoch, and a retired module is freed once every attached
 * thread has reported a quiescent point at or after its epoch. With no thread attached
 * there is no such promise: replaced code is kept until the engine is destroyed. */
#include <stdlib.h>

#include "common/lock.h"
#include "engine/engine.h"
#include "link/tls.h"

/* The calling thread's record for the engine it used last: one load on the fast path. */
static _Thread_local struct {
    const hj_engine *engine;
    hj_thread_rec *rec;
} current;

hj_status hj_attach(hj_engine *engine)
{
    if (!engine)
        return HJ_ERR_ARG;
    hj_thread_rec *rec = calloc(1, sizeof *rec);
    if (!rec) {
        hj_err err;
        hj_fail(&err, HJ_ERR_NOMEM, "hj_attach: out of memory");
        return hj_engine_fail(engine, &err);
    }
    hj_lock(&engine->lock);
    rec->observed = engine->epoch;
    rec->next = engine->threads;
    engine->threads = rec;
    hj_unlock(&engine->lock);
    current.engine = engine;
    current.rec = rec;
    return HJ_OK;
}

static hj_thread_rec *record_of(const hj_engine *engine)
{
    return current.engine == engine ? current.rec : NULL;
}

void hj_detach(hj_engine *engine)
{
    hj_thread_rec *rec = engine ? record_of(engine) : NULL;
    if (!rec)
        return;
    hj_lock(&engine->lock);
    for (hj_thread_rec **p = &engine->threads; *p; p = &(*p)->next)
        if (*p == rec) {
            *p = rec->next;
            break;
        }
    hj_reclaim_locked(engine); /* its promise no longer holds anything back */
    hj_unlock(&engine->lock);
    hj_lazy_release_pending(engine);
    free(rec);
    current.engine = NULL;
    current.rec = NULL;
}

void hj_quiescent(hj_engine *engine)
{
    hj_thread_rec *rec = record_of(engine);
    if (rec)
        __atomic_store_n(&rec->observed, __atomic_load_n(&engine->epoch, __ATOMIC_ACQUIRE),
                         __ATOMIC_RELEASE);
}

/* ------------------------------------------------------------------------------------
 * Retirement
 * ------------------------------------------------------------------------------------ */

void hj_module_release_memory(hj_engine *engine, hj_module *m)
{
    for (size_t i = 0; i < m->nparts; i++) /* a lazy module's compiled functions */
        hj_module_release_memory(engine, m->parts[i]);
    if (m->eh_frame)
        hj_eh_deregister(m->eh_frame);
    if (m->tls_module)
        hj_tls_unregister(m->tls_module);
    hj_shim_finalize(m->dso_handle); /* drops what is left: disarmed records */
    hj_shim_unregister_range(m->seg_addr[HJ_SEG_TEXT]);
    for (int s = HJ_SEG_TEXT; s <= HJ_SEG_RO; s++)
        if (m->seg_size[s])
            hj_region_free(engine->region, (void *)m->seg_addr[s], m->seg_size[s]);
    for (size_t i = 0; i < m->ndatasegs; i++) {
        hj_dataseg *seg = m->datasegs[i];
        if (--seg->refs == 0) {
            hj_region_free(engine->region, (void *)seg->addr, seg->size);
            free(seg);
        }
    }
    engine->stats.retired_bytes -= m->retired_epoch ? m->seg_size[HJ_SEG_TEXT] + m->seg_size[HJ_SEG_RO] : 0;
}

void hj_retire_locked(hj_engine *engine, hj_module *m, bool free_if_unattached)
{
    if (!engine->threads && free_if_unattached) {
        hj_module_release_memory(engine, m);
        hj_free_module(m);
        return;
    }
    m->retired_epoch = __atomic_add_fetch(&engine->epoch, 1, __ATOMIC_ACQ_REL);
    m->next = engine->retired;
    engine->retired = m;
    engine->stats.retired_bytes += m->seg_size[HJ_SEG_TEXT] + m->seg_size[HJ_SEG_RO];
    hj_reclaim_locked(engine);
}

void hj_reclaim_locked(hj_engine *engine)
{
    if (!engine->threads || !engine->retired)
        return;
    uint64_t oldest = UINT64_MAX;
    for (hj_thread_rec *t = engine->threads; t; t = t->next) {
        uint64_t seen = __atomic_load_n(&t->observed, __ATOMIC_ACQUIRE);
        oldest = seen < oldest ? seen : oldest;
    }
    for (hj_module **p = &engine->retired; *p;) {
        hj_module *m = *p;
        if (m->retired_epoch > oldest || m->removing) {
            p = &m->next;
            continue;
        }
        *p = m->next;
        hj_module_release_memory(engine, m);
        hj_free_module(m);
    }
}

void hj_reclaim(hj_engine *engine)
{
    if (!engine)
        return;
    hj_lock(&engine->lock);
    hj_reclaim_locked(engine);
    hj_unlock(&engine->lock);
    hj_lazy_release_pending(engine);
}

void hj_free_retired_all(hj_engine *engine)
{
    while (engine->retired) {
        hj_module *m = engine->retired;
        engine->retired = m->next;
        hj_module_release_memory(engine, m);
        hj_free_module(m);
    }
    for (hj_thread_rec *t = engine->threads, *next; t; t = next) {
        next = t->next;
        free(t);
    }
    engine->threads = NULL;
}
