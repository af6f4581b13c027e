/* Tiers of lazy compilation (hj_ir_options.lazy_tier_up). A function's baseline code
 * asks, on its Nth call, for the function at its module's level. That call may be made
 * anywhere: in a signal handler that interrupted a thread inside malloc, in a thread
 * that must not wait (an audio callback). So asking only puts the stub's address in a
 * ring and posts a semaphore, both async-signal-safe; a thread of the engine's, started
 * with the first baseline code, compiles what was asked, one function at a time under
 * lazy_lock like a first call, and points the stub at it. The calls go on meanwhile, in
 * the baseline code. */
#include <errno.h>
#include <signal.h>

#include "common/lock.h"
#include "engine/engine.h"

#define TIER_THREAD_STACK (16u << 20) /* LLVM needs a deep stack */

void hj_tier_up_asked(hj_engine *engine, const void *stub)
{
    hj_tiers *t = &engine->tiers;
    for (int tries = 0; tries < 8; tries++) {
        uint32_t at = atomic_fetch_add(&t->next, 1) % HJ_TIER_RING;
        uintptr_t empty = 0;
        if (atomic_compare_exchange_strong(&t->ring[at], &empty, (uintptr_t)stub)) {
            sem_post(&t->wake);
            return;
        }
    }
    /* the ring is full: this function keeps its baseline code */
}

/* One asked-for stub's index (the engine lock held), or UINT32_MAX when none is left. */
static uint32_t take_asked(hj_engine *engine)
{
    for (size_t i = 0; i < HJ_TIER_RING; i++) {
        uintptr_t stub = atomic_exchange(&engine->tiers.ring[i], 0);
        uint32_t index = stub ? hj_stubs_index_of(engine->stubs, stub) : UINT32_MAX;
        if (index != UINT32_MAX)
            return index;
    }
    return UINT32_MAX;
}

static void *tier_thread(void *arg)
{
    hj_engine *engine = arg;
    for (;;) {
        while (sem_wait(&engine->tiers.wake) != 0 && errno == EINTR)
            ;
        if (atomic_load(&engine->tiers.stop))
            return NULL;
        for (;;) {
            hj_lock(&engine->lazy_lock);
            hj_lock(&engine->lock);
            uint32_t index = take_asked(engine);
            hj_unlock(&engine->lock);
            bool open = !atomic_load(&engine->closed);
            if (index != UINT32_MAX && open)
                hj_lazy_compile_tier_up(engine, index);
            hj_unlock(&engine->lazy_lock);
            hj_code_deliver_pending(engine);
            if (index == UINT32_MAX || !open)
                break;
        }
    }
}

/* Started from a thread making a first call (lazy_lock held): no signal reaches the new
 * thread, so no handler of the program runs on it. */
bool hj_tiers_start(hj_engine *engine)
{
    hj_tiers *t = &engine->tiers;
    if (t->running)
        return true;
    pthread_attr_t attr;
    if (pthread_attr_init(&attr) != 0)
        return false;
    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &old);
    t->running = pthread_attr_setstacksize(&attr, TIER_THREAD_STACK) == 0 &&
                 pthread_create(&t->thread, &attr, tier_thread, engine) == 0;
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    pthread_attr_destroy(&attr);
    return t->running;
}

void hj_tiers_stop(hj_engine *engine)
{
    hj_tiers *t = &engine->tiers;
    if (!t->running)
        return;
    atomic_store(&t->stop, true);
    sem_post(&t->wake);
    pthread_join(t->thread, NULL);
    t->running = false;
}

/* In a forked child: the thread was not copied. The next baseline code starts one,
 * which then compiles what was asked meanwhile. */
void hj_tiers_forked(hj_engine *engine)
{
    engine->tiers.running = false;
}
