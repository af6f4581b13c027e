/* The public API around an engine: create and destroy, lookups, host definitions,
 * libraries, running an entry point, messages and counters. Adding and removing
 * modules is in module.c. */
#include "engine/engine.h"

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "common/lock.h"
#include "common/tier_up.h"
#include "link/tls.h"

uint64_t hj_now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

hj_status hj_engine_fail(hj_engine *engine, const hj_err *err)
{
    memcpy(engine->errmsg, err->msg, sizeof engine->errmsg);
    return err->status;
}

static hj_status fail_args(hj_engine *engine, const char *what)
{
    hj_err err;
    hj_fail(&err, HJ_ERR_ARG, "%s", what);
    return engine ? hj_engine_fail(engine, &err) : HJ_ERR_ARG;
}

/* ------------------------------------------------------------------------------------
 * Life cycle
 * ------------------------------------------------------------------------------------ */

hj_status hj_engine_create(hj_engine **out, const hj_engine_options *opts)
{
    if (!out)
        return HJ_ERR_ARG;
    *out = NULL;
    hj_engine *engine = calloc(1, sizeof *engine);
    if (!engine)
        return HJ_ERR_NOMEM;
    hj_err err;
    engine->arch = hj_host_arch();
    hj_status st = hj_region_create(&engine->region, opts ? opts->region_size : 0, &err);
    if (opts) {
        engine->on_code = opts->on_code;
        engine->on_code_ctx = opts->on_code_ctx;
    }
    if (opts && opts->static_tls_pool)
        hj_tls_set_static_pool(opts->static_tls_pool, opts->static_tls_pool_size,
                               engine->arch->thread_pointer);
    if (st == HJ_OK)
        st = hj_stubs_create(&engine->stubs, engine->region, engine->arch,
                             hj_lazy_trap, engine, &err);
    /* What baseline code of tiered lazy functions names: the engine's own symbols */
    if (st == HJ_OK)
        st = hj_symtab_define_host(&engine->symtab, HJ_TIER_UP_HOOK,
                                   (void *)(uintptr_t)hj_tier_up_asked, &err);
    if (st == HJ_OK)
        st = hj_symtab_define_host(&engine->symtab, HJ_TIER_UP_ENGINE, engine, &err);
    /* Native links take compiler runtime helpers (__mulxc3, __udivti3, ...) from libgcc;
     * its shared form provides them here, and the unwinder with them. */
    dlopen("libgcc_s.so.1", RTLD_NOW | RTLD_GLOBAL);
    if (st == HJ_OK && pthread_mutex_init(&engine->lock, NULL) != 0)
        st = HJ_ERR_NOMEM;
    if (st == HJ_OK && pthread_mutex_init(&engine->lazy_lock, NULL) != 0) {
        pthread_mutex_destroy(&engine->lock);
        st = HJ_ERR_NOMEM;
    }
    if (st == HJ_OK && sem_init(&engine->tiers.wake, 0, 0) != 0) {
        pthread_mutex_destroy(&engine->lazy_lock);
        pthread_mutex_destroy(&engine->lock);
        st = HJ_ERR_NOMEM;
    }
    if (st != HJ_OK) {
        hj_symtab_free(&engine->symtab);
        hj_stubs_destroy(engine->stubs);
        hj_region_destroy(engine->region);
        free(engine);
        return st;
    }
    hj_fork_register(engine);
    *out = engine;
    return HJ_OK;
}

int hj_compare_ordered_fn(const void *a, const void *b)
{
    const hj_ordered_fn *x = a, *y = b;
    if (x->fn.priority != y->fn.priority)
        return x->fn.priority < y->fn.priority ? -1 : 1;
    if (x->position != y->position)
        return x->position < y->position ? -1 : 1;
    return x->fn.seq < y->fn.seq ? -1 : x->fn.seq > y->fn.seq;
}

/* As at a native program's exit: every module's atexit/__cxa_atexit handlers, then all
 * fini_array entries of all modules in one order (priority, then load order, run
 * backwards), and only then is any memory freed, since destructors of one module may
 * use another's data. */
static void run_all_finis(hj_engine *engine)
{
    size_t n = 0, position = 0;
    for (hj_module *m = engine->last; m; m = m->prev) {
        hj_shim_finalize(m->dso_handle);
        n += m->nfinis;
    }
    hj_ordered_fn *all = malloc((n + 1) * sizeof *all);
    size_t count = 0;
    for (hj_module *m = engine->first; m; m = m->next, position++)
        for (size_t i = 0; i < m->nfinis; i++) {
            if (all)
                all[count++] = (hj_ordered_fn){m->finis[i], position};
            else /* no memory to sort: per module, newest first, still before any free */
                m->finis[m->nfinis - 1 - i].fn();
        }
    if (all) {
        qsort(all, count, sizeof *all, hj_compare_ordered_fn);
        for (size_t i = count; i-- > 0;)
            all[i].fn.fn();
    }
    free(all);
    for (hj_module *m = engine->first; m; m = m->next)
        m->nfinis = 0;
}

void hj_engine_exit(hj_engine *engine)
{
    if (!engine)
        return;
    run_all_finis(engine);
    hj_lock(&engine->lazy_lock); /* after the compilation in progress */
    atomic_store(&engine->closed, true);
    hj_unlock(&engine->lazy_lock);
}

void hj_engine_destroy(hj_engine *engine)
{
    if (!engine)
        return;
    hj_fork_unregister(engine);
    run_all_finis(engine);
    hj_tiers_stop(engine); /* before the code it compiles for goes */
    hj_lock(&engine->lock);
    for (hj_module *m = engine->first; m; m = m->next)
        m->ndeps = 0; /* all go: who uses whom no longer matters, and order is free */
    while (engine->last)
        hj_module_destroy_locked(engine, engine->last);
    hj_free_retired_all(engine);
    hj_unlock(&engine->lock);
    hj_lazy_release_pending(engine); /* before the ir layer's state goes */
    hj_code_deliver_pending(engine);
    hj_proxies_free(engine);
    if (engine->ir)
        engine->ir_destroy(engine->ir);
    for (size_t i = 0; i < engine->referrers.capacity; i++)
        if (engine->referrers.slots[i].key)
            free(engine->referrers.slots[i].value);
    hj_strmap_free(&engine->referrers);
    hj_stubs_destroy(engine->stubs);
    hj_region_destroy(engine->region);
    hj_symtab_free(&engine->symtab);
    pthread_mutex_destroy(&engine->lock);
    pthread_mutex_destroy(&engine->lazy_lock);
    sem_destroy(&engine->tiers.wake);
    free(engine);
}

void hj_thread_init(void)
{
    hj_tls_init_thread();
}

const char *hj_errmsg(const hj_engine *engine)
{
    return engine ? engine->errmsg : "no engine";
}

void hj_get_stats(const hj_engine *engine, hj_link_stats *stats)
{
    if (!engine || !stats)
        return;
    hj_engine *e = (hj_engine *)engine; /* the counters change under its lock, also on */
    hj_lock(&e->lock);                  /* threads of the engine's own (tier-ups) */
    *stats = e->stats;
    hj_unlock(&e->lock);
}

const char *hj_warnings(const hj_engine *engine)
{
    return engine ? engine->warnings : "";
}

void hj_get_module_stats(const hj_module *module, hj_module_stats *stats)
{
    if (module && stats)
        *stats = module->stats;
}

const char *hj_module_name(const hj_module *module)
{
    return module ? module->name : "";
}

/* ------------------------------------------------------------------------------------
 * Symbols
 * ------------------------------------------------------------------------------------ */

static bool lookup_locked(hj_engine *engine, const char *name, uintptr_t *addr)
{
    const hj_def *def = hj_strmap_get(&engine->symtab.jit, name);
    if (def) {
        if (def->kind == HJ_DEF_TLS) {
            uint64_t index[2] = {def->tls_module, def->addr};
            *addr = (uintptr_t)hj_tls_get_addr(index);
        } else {
            *addr = def->stub ? hj_stubs_address(engine->stubs, def->stub - 1) : def->addr;
        }
        return true;
    }
    if (hj_symtab_host(&engine->symtab, name, addr) ||
        hj_shim_lookup(name, engine->arch->tls_get_addr_name, addr))
        return true;
    hj_proc_sym sym;
    if (hj_process_lookup(name, false, 0, &sym)) {
        *addr = sym.addr;
        return true;
    }
    return false;
}

hj_status hj_lookup(hj_engine *engine, const char *name, void **address)
{
    if (!engine || !name || !address)
        return fail_args(engine, "hj_lookup: engine, name and address must not be NULL");
    hj_lock(&engine->lock);
    uintptr_t addr = 0;
    bool found = lookup_locked(engine, name, &addr);
    hj_unlock(&engine->lock);
    if (!found) {
        hj_err err;
        hj_fail(&err, HJ_ERR_UNDEFINED, "symbol '%s' is not defined", name);
        return hj_engine_fail(engine, &err);
    }
    *address = (void *)addr;
    return HJ_OK;
}

hj_status hj_define_symbol(hj_engine *engine, const char *name, void *address)
{
    if (!engine || !name || !*name || !address)
        return fail_args(engine, "hj_define_symbol: engine, name and address must not be NULL");
    hj_err err;
    hj_lock(&engine->lock);
    hj_status st = hj_symtab_define_host(&engine->symtab, name, address, &err);
    hj_unlock(&engine->lock);
    return st == HJ_OK ? HJ_OK : hj_engine_fail(engine, &err);
}

hj_status hj_load_library(hj_engine *engine, const char *name_or_path)
{
    if (!engine || !name_or_path)
        return fail_args(engine, "hj_load_library: engine and name must not be NULL");
    if (dlopen(name_or_path, RTLD_NOW | RTLD_GLOBAL))
        return HJ_OK;
    hj_err err;
    const char *why = dlerror();
    hj_fail(&err, HJ_ERR_IO, "cannot load library %s: %s", name_or_path, why ? why : "unknown error");
    return hj_engine_fail(engine, &err);
}

hj_status hj_run_main(hj_engine *engine, const char *entry, int argc, char **argv,
                      char **envp, int *exit_status)
{
    if (!engine || !exit_status || argc < 0)
        return fail_args(engine, "hj_run_main: engine and exit_status must not be NULL");
    void *addr;
    HJ_TRY(hj_lookup(engine, entry ? entry : "main", &addr));
    int (*fn)(int, char **, char **);
    memcpy(&fn, &addr, sizeof fn);
    *exit_status = fn(argc, argv, envp);
    return HJ_OK;
}
