/* fork() while another thread is inside hotjit: the child has only the forking thread,
 * and a lock another thread held stays held there for good, so the child's first call
 * (or add) would wait forever. Every engine is listed here; before a fork the forking
 * thread takes all of hotjit's locks, in the order the engine takes them (waiting for a
 * compilation in progress to end), and gives them back on both sides after. */
#include "common/lock.h"
#include "engine/engine.h"
#include "link/tls.h"

static pthread_mutex_t engines_lock = PTHREAD_MUTEX_INITIALIZER;
static hj_engine *engines;
static pthread_once_t handlers_once = PTHREAD_ONCE_INIT;

static void before_fork(void)
{
    hj_lock(&engines_lock);
    for (hj_engine *e = engines; e; e = e->next_engine)
        hj_lock(&e->lazy_lock);
    hj_ir_prefork();
    for (hj_engine *e = engines; e; e = e->next_engine)
        hj_lock(&e->lock);
    hj_tls_prefork();
    hj_shim_prefork();
}

static void after_fork(void) /* in the parent and in the child */
{
    hj_shim_postfork();
    hj_tls_postfork();
    for (hj_engine *e = engines; e; e = e->next_engine)
        hj_unlock(&e->lock);
    hj_ir_postfork();
    for (hj_engine *e = engines; e; e = e->next_engine)
        hj_unlock(&e->lazy_lock);
    hj_unlock(&engines_lock);
}

static void after_fork_in_child(void)
{
    for (hj_engine *e = engines; e; e = e->next_engine)
        hj_tiers_forked(e); /* threads are not copied */
    after_fork();
}

static void install_handlers(void)
{
    pthread_atfork(before_fork, after_fork, after_fork_in_child);
}

void hj_fork_register(hj_engine *engine)
{
    pthread_once(&handlers_once, install_handlers);
    hj_lock(&engines_lock);
    engine->next_engine = engines;
    engines = engine;
    hj_unlock(&engines_lock);
}

void hj_fork_unregister(hj_engine *engine)
{
    hj_lock(&engines_lock);
    for (hj_engine **p = &engines; *p; p = &(*p)->next_engine)
        if (*p == engine) {
            *p = engine->next_engine;
            break;
        }
    hj_unlock(&engines_lock);
}
