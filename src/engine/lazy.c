/* Lazy modules. Adding one links only its globals object, in which every function is a
 * placeholder: the function's definition (name, binding, entry stub) is published like
 * any other, but its stub leads to the trap. The first call enters the trap, which
 * asks the module's source (the ir layer) for an object holding just that function,
 * links it as a part of the module and points the stub at it; the call then continues
 * into the new code. Later calls go straight through the slot.
 *
 * Locks: lazy_lock serialises compilations, so a function many threads call first at
 * once is compiled once (the others wait, then find its slot set). It is taken before
 * the engine lock, which is held only to look the function up and to link it, never
 * while LLVM works: adding, replacing and removing modules go on meanwhile, so the
 * function is looked up again before linking. No user code runs under either lock.
 *
 * The add pipeline (module.c) calls the lazy steps here: marking a lazy module's
 * placeholders as waiting, and publishing a compiled part into its module. */
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/lock.h"
#include "engine/batch.h"
#include "engine/engine.h"

/* There is no caller to return an error to: like a fault, it ends the program, after
 * saying why; what the program printed so far comes first; no atexit handler runs. */
static _Noreturn void fatal(const char *text)
{
    fflush(NULL);
    size_t n = strlen(text);
    if (write(STDERR_FILENO, text, n) < 0)
        n = 0;
    _exit(127);
}

static _Noreturn void undefined_call(hj_engine *engine, uint64_t index)
{
    char msg[1024];
    hj_lock(&engine->lock);
    const char *name = hj_stubs_name(engine->stubs, (uint32_t)index);
    const char *referrer = hj_strmap_get(&engine->referrers, name);
    if (referrer)
        snprintf(msg, sizeof msg, "hotjit: call to undefined function '%s' (referenced from "
                 "module %s)\n", name, referrer);
    else
        snprintf(msg, sizeof msg, "hotjit: call to undefined function '%s'\n", name);
    hj_unlock(&engine->lock);
    fatal(msg);
}

static _Noreturn void compile_failed(const char *module, const char *function, const char *why)
{
    char msg[HJ_ERRMSG_MAX + 512];
    snprintf(msg, sizeof msg, "hotjit: cannot compile function '%s' of module %s on its first "
             "call: %s\n", function, module, why);
    fatal(msg);
}

void hj_lazy_unref(hj_engine *engine, hj_lazy_source *src)
{
    if (--src->refs)
        return;
    src->next_released = engine->released;
    engine->released = src;
}

void hj_lazy_release_pending(hj_engine *engine)
{
    hj_lock(&engine->lock);
    hj_lazy_source *list = engine->released;
    engine->released = NULL;
    hj_unlock(&engine->lock);
    while (list) {
        hj_lazy_source *next = list->next_released;
        list->release(list);
        list = next;
    }
}

/* The lazy definition behind a stub, or NULL: for a tier-up, one whose code is still
 * its baseline; else one not compiled yet. Lock held. */
static hj_def *lazy_def(hj_engine *engine, const char *stub_name, const hj_lazy_source *src,
                        bool tier_up)
{
    hj_def *d = hj_strmap_get(&engine->symtab.jit, stub_name);
    if (!d || d->kind != HJ_DEF_FUNC || !((hj_module *)d->module)->lazy)
        return NULL;
    if (tier_up ? !(d->addr && d->baseline) : d->addr != 0)
        return NULL;
    return !src || ((hj_module *)d->module)->lazy == src ? d : NULL;
}

/* Links a compiled function into its module, unless the module was replaced or
 * removed, or the function compiled (tiered up), meanwhile. A tier-up that cannot be
 * linked leaves the baseline code in place. Lock held. */
static void link_part(hj_engine *engine, const char *stub_name, hj_lazy_source *src,
                      const hj_object *object, const char *function, const hj_lazy_compiled *made,
                      bool tier_up)
{
    hj_def *d = lazy_def(engine, stub_name, src, tier_up);
    if (!d)
        return;
    hj_module *m = d->module;
    hj_batch b = {.engine = engine, .count = 1, .lazy_parent = m,
                  .lazy_baseline = made->baseline, .lazy_tier_up = tier_up};
    hj_status st = hj_batch_link_locked(&b, object);
    hj_batch_close(&b);
    if (st != HJ_OK && !tier_up)
        compile_failed(m->name, function, engine->errmsg);
    if (!tier_up && lazy_def(engine, stub_name, src, false))
        compile_failed(m->name, function, "its compiled object does not define it");
}

static void count_compilation(hj_engine *engine, uint64_t start, const hj_lazy_compiled *made,
                              bool tier_up)
{
    uint64_t ns = hj_now_ns() - start;
    if (tier_up) {
        engine->stats.lazy_tier_ups++;
        engine->stats.lazy_tier_up_ns += ns;
        return;
    }
    engine->stats.lazy_ns += ns;
    engine->stats.lazy_extract_ns += made->extract_ns;
    engine->stats.lazy_generate_ns += made->generate_ns;
    engine->stats.lazy_baseline += made->baseline;
}

/* One compilation: the function behind the stub, from the source of the module that
 * defines it now; its first, or its tier-up at the module's level. */
static void compile_stub(hj_engine *engine, uint64_t index, bool tier_up)
{
    hj_lock(&engine->lock); /* the stubs' tables grow under it */
    const char *stub_name = hj_stubs_name(engine->stubs, (uint32_t)index); /* kept for good */
    hj_def *d = lazy_def(engine, stub_name, NULL, tier_up);
    if (!d) {
        bool defined = hj_stubs_target(engine->stubs, (uint32_t)index) != 0; /* meanwhile */
        hj_unlock(&engine->lock);
        if (defined || tier_up)
            return;
        undefined_call(engine, index);
    }
    hj_module *m = d->module;
    hj_lazy_source *src = m->lazy;
    src->refs++;
    char *function = strdup(d->name), *module = strdup(m->name);
    hj_unlock(&engine->lock);
    if (!function || !module)
        compile_failed(module ? module : "?", stub_name, "out of memory");

    uint64_t start = hj_now_ns();
    hj_lazy_compiled made = {0, 0, false};
    hj_err err = {HJ_OK, ""};
    void *data = NULL;
    size_t size = 0;
    bool at_level = tier_up || (src->tiers && !hj_tiers_start(engine)); /* no tier thread */
    hj_status st = src->compile(src, function, at_level, &data, &size, &made, &err);
    if (st != HJ_OK && !tier_up)
        compile_failed(module, function, err.msg);
    hj_object object = {module, data, size, 1}; /* calls to undefined functions trap, as eagerly */
    hj_lock(&engine->lock);
    if (st == HJ_OK)
        link_part(engine, stub_name, src, &object, function, &made, tier_up);
    if (tier_up && (d = lazy_def(engine, stub_name, src, true)))
        d->baseline = false; /* it asks once: a tier-up that failed keeps the -O0 code */
    count_compilation(engine, start, &made, tier_up);
    hj_lazy_unref(engine, src);
    hj_unlock(&engine->lock);
    hj_lazy_release_pending(engine);
    free(data);
    free(function);
    free(module);
}

/* ------------------------------------------------------------------------------------
 * Linking: the add pipeline's lazy steps (module.c calls them)
 * ------------------------------------------------------------------------------------ */

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int compare_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* A lazy module's functions are placeholders in its object: until compiled, their
 * stubs lead to the trap, which compiles them. Aliases (names sharing a stub) are
 * noted, so that compiling a function fills them only where there are any. */
hj_status hj_lazy_mark_functions(hj_module *m, const hj_lazy_source *src, hj_err *err)
{
    uint32_t *stubs = malloc((m->ndefs + 1) * sizeof *stubs);
    size_t n = 0;
    if (!stubs)
        return hj_fail(err, HJ_ERR_NOMEM, "out of memory");
    for (size_t i = 0; i < m->ndefs; i++)
        if (m->defs[i].kind == HJ_DEF_FUNC &&
            bsearch(&m->defs[i].name, src->functions, src->nfunctions, sizeof *src->functions,
                    compare_names)) {
            m->defs[i].addr = 0;
            stubs[n++] = m->defs[i].stub;
        }
    qsort(stubs, n, sizeof *stubs, compare_u32);
    for (size_t i = 1; i < n; i++)
        m->lazy_aliases |= stubs[i] == stubs[i - 1];
    free(stubs);
    return HJ_OK;
}

/* A compiled function of a lazy module: its definitions fill the module's waiting ones
 * (or, for a tier-up, replace their baseline code); the part is kept with the module
 * (freed with it), not listed as a module itself. */
bool hj_lazy_publish_part(hj_batch *b, hj_module *m)
{
    hj_module *parent = b->lazy_parent;
    for (size_t i = 0; i < m->ndefs; i++) {
        hj_def *d = hj_strmap_get(&b->engine->symtab.jit, m->defs[i].name);
        if (!d || d->module != parent || d->kind != HJ_DEF_FUNC)
            continue;
        uintptr_t before = d->addr;
        if (before && !(b->lazy_tier_up && d->baseline))
            continue;
        for (size_t k = 0; parent->lazy_aliases && k < parent->ndefs; k++) /* one stub */
            if (parent->defs[k].stub == d->stub && parent->defs[k].addr == before) {
                parent->defs[k].addr = m->defs[i].addr;
                parent->defs[k].baseline = b->lazy_baseline;
            }
        d->addr = m->defs[i].addr;
        d->baseline = b->lazy_baseline;
        hj_stubs_set(b->engine->stubs, d->stub - 1, d->addr);
        b->engine->stats.lazy_compiled += !before;
    }
    for (size_t i = 0; i < m->ndeps; i++) { /* the module answers for what its parts use */
        bool known = false;
        for (size_t k = 0; k < parent->ndeps && !known; k++)
            known = parent->deps[k].module == m->deps[i].module;
        if (!known && m->deps[i].module != parent) { /* room reserved by hj_lazy_reserve_deps */
            parent->deps[parent->ndeps++] = m->deps[i];
            m->deps[i].module->users++;
        }
    }
    m->ndeps = 0;
    parent->parts[parent->nparts++] = m;
    return true;
}

/* A lazy module's part: room in its module's list is made before anything changes. */
hj_status hj_lazy_reserve_part(hj_batch *b)
{
    hj_module *parent = b->lazy_parent;
    hj_module **parts = parent ? realloc(parent->parts, (parent->nparts + 1) * sizeof *parts) : NULL;
    if (parent && !parts)
        return hj_fail(&b->err, HJ_ERR_NOMEM, "out of memory");
    if (parent)
        parent->parts = parts;
    return HJ_OK;
}

/* Room in the lazy module's dependencies for those of its new part. */
hj_status hj_lazy_reserve_deps(hj_batch *b)
{
    hj_module *parent = b->lazy_parent;
    size_t room = parent->ndeps + b->modules[0]->ndeps + 1;
    hj_dep *deps = realloc(parent->deps, room * sizeof *deps);
    if (!deps)
        return hj_fail(&b->err, HJ_ERR_NOMEM, "out of memory");
    parent->deps = deps;
    return HJ_OK;
}

/* ------------------------------------------------------------------------------------
 * The trap
 * ------------------------------------------------------------------------------------ */

/* LLVM needs a deep stack; the thread making a first call may have a small one (an
 * audio callback, a coroutine). Such a thread hands the compilation to a helper thread
 * with a stack of its own and waits for it. */
#define COMPILER_STACK (16u << 20)
#define ENOUGH_STACK (4u << 20)

void hj_lazy_compile_tier_up(hj_engine *engine, uint32_t index)
{
    compile_stub(engine, index, true);
}

typedef struct compile_job {
    hj_engine *engine;
    uint64_t index;
    bool tier_up;
} compile_job;

static void *compile_on_helper(void *arg)
{
    compile_job *job = arg;
    compile_stub(job->engine, job->index, job->tier_up);
    return NULL;
}

/* The bounds of this thread's stack, 0 until known. Asked once per thread: for the
 * main thread pthread_getattr_np reads /proc/self/maps, which grows with every mapping
 * the engine makes (a tenth of a small function's first call, measured). */
static _Thread_local uintptr_t stack_low, stack_high;

/* Small: under ENOUGH_STACK left, or not on the thread's own stack at all (a signal
 * handler on its sigaltstack, a coroutine's stack): its size is unknown. */
static bool stack_is_small(void)
{
    if (!stack_low) {
        pthread_attr_t attr;
        void *lo;
        size_t size;
        if (pthread_getattr_np(pthread_self(), &attr) != 0)
            return true;
        if (pthread_attr_getstack(&attr, &lo, &size) == 0) {
            stack_low = (uintptr_t)lo;
            stack_high = stack_low + size;
        }
        pthread_attr_destroy(&attr);
    }
    char here;
    uintptr_t at = (uintptr_t)&here;
    return !stack_low || at < stack_low + ENOUGH_STACK || at >= stack_high;
}

static void compile_somewhere(hj_engine *engine, uint64_t index, bool tier_up)
{
    pthread_attr_t attr;
    pthread_t helper;
    compile_job job = {engine, index, tier_up};
    if (!stack_is_small() || pthread_attr_init(&attr) != 0) {
        compile_stub(engine, index, tier_up);
        return;
    }
    bool started = pthread_attr_setstacksize(&attr, COMPILER_STACK) == 0 &&
                   pthread_create(&helper, &attr, compile_on_helper, &job) == 0;
    pthread_attr_destroy(&attr);
    if (started)
        pthread_join(helper, NULL);
    else
        compile_stub(engine, index, tier_up); /* no thread to be had: try on this stack */
}

static uintptr_t target_of(hj_engine *engine, uint64_t index)
{
    hj_lock(&engine->lock);
    uintptr_t target = hj_stubs_target(engine->stubs, (uint32_t)index);
    hj_unlock(&engine->lock);
    return target;
}

/* A signal handler's first call, made while its thread compiles, would wait for the
 * lock that thread holds: the thread holds asynchronous signals back from entering the
 * trap until it leaves it (a helper thread inherits that). Faults stay deliverable. */
static void hold_signals(sigset_t *old)
{
    static const int faults[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGTRAP, SIGSYS, SIGABRT};
    sigset_t held;
    sigfillset(&held);
    for (size_t i = 0; i < sizeof faults / sizeof *faults; i++)
        sigdelset(&held, faults[i]);
    pthread_sigmask(SIG_BLOCK, &held, old);
}

/* After hj_engine_exit: the process is ending, and LLVM may be gone. */
static _Noreturn void wait_for_exit(void)
{
    for (;;)
        pause();
}

uintptr_t hj_lazy_trap(void *ctx, uint64_t index)
{
    hj_engine *engine = ctx;
    if (atomic_load(&engine->closed))
        wait_for_exit();
    if (hj_locks_held) /* a signal handler interrupted this thread inside hotjit */
        fatal("hotjit: a signal handler made a function's first call while its thread was "
              "inside hotjit (a call of the hj_* API, or hotjit's handling of an exit "
              "handler): it cannot be compiled there\n");
    sigset_t old;
    int cancel_state; /* a cancellation in the helper's join would keep lazy_lock held */
    pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &cancel_state);
    hold_signals(&old);
    hj_lock(&engine->lazy_lock);
    if (atomic_load(&engine->closed)) {
        hj_unlock(&engine->lazy_lock);
        wait_for_exit();
    }
    uintptr_t target;
    while (!(target = target_of(engine, index)))
        compile_somewhere(engine, index, false);
    hj_unlock(&engine->lazy_lock);
    hj_code_deliver_pending(engine); /* before the call goes on into the new code */
    /* the cancel state before the signal mask: a signal held back meanwhile is handled
     * then, and its handler may leave by siglongjmp, never to return here */
    pthread_setcancelstate(cancel_state, NULL);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    return target;
}


hj_status hj_add_objects_lazy(hj_engine *engine, const hj_object *objects,
                              hj_lazy_source *const *lazy, size_t count, hj_module **out)
{
    if (!engine || (!objects && count))
        return engine ? hj_engine_fail(engine, &(hj_err){HJ_ERR_ARG, "hj_add_objects: objects is NULL"})
                      : HJ_ERR_ARG;
    return hj_link_batch(engine, objects, count, lazy, NULL, 0, out);
}
