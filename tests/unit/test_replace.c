/* Hot swap: functions redirected (pointers taken before reach the new code), state kept
 * by name and size (globals and function statics) or fresh on request, constructors and
 * destructors as documented, failed replacements changing nothing, users of kept data,
 * reclamation with and without attached threads, and a stress test: 4 threads calling
 * through a stub while the main thread replaces the module 10,000 times. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <sys/wait.h>
#include <unistd.h>

#include "hotjit.h"
#include "check.h"

int host_log[4];

typedef check_input obj;

static hj_object as_object(const char *name, obj o)
{
    return (hj_object){name, o.data, o.size, 0};
}

static hj_engine *new_engine(void)
{
    hj_engine *e = NULL;
    CHECK(hj_engine_create(&e, NULL) == HJ_OK);
    CHECK(hj_define_symbol(e, "host_log", host_log) == HJ_OK);
    return e;
}


static void test_keep_state(obj v1, obj v2)
{
    hj_engine *e = new_engine();
    memset(host_log, 0, sizeof host_log);
    hj_module *m;
    hj_object o1 = as_object("swap_v1", v1), o2 = as_object("swap_v2", v2);
    CHECK(hj_add_objects(e, &o1, 1, &m) == HJ_OK);
    void *step_ptr;
    CHECK(hj_lookup(e, "step", &step_ptr) == HJ_OK);
    int (*step)(void);
    memcpy(&step, &step_ptr, sizeof step);
    CHECK(step() == 101001 && step() == 101002);
    CHECK(check_call_int(e, "calls") == 1 && check_call_int(e, "calls") == 2);
    CHECK(check_call_int(e, "only_in_v1") == 1);
    hj_module *m2;
    CHECK(hj_replace_object(e, m, &o2, HJ_REPLACE_KEEP_STATE, &m2) == HJ_OK);
    CHECK(step() == 201003);              /* the old pointer, the new code, the kept counter */
    CHECK(check_call_int(e, "calls") == 3);     /* a function static kept by name */
    CHECK(check_call_int(e, "get_resized") == 4); /* another size: fresh storage */
    CHECK(check_call_int(e, "only_in_v2") == 2);
    void *gone;
    CHECK(hj_lookup(e, "only_in_v1", &gone) == HJ_ERR_UNDEFINED);
    CHECK(host_log[0] == 1 && host_log[1] == 0 && host_log[2] == 0 && host_log[3] == 0);
    hj_link_stats s;
    hj_get_stats(e, &s);
    CHECK(s.retired_bytes > 0); /* nobody attached: the old code is kept */
    hj_engine_destroy(e);
    CHECK(host_log[1] == 0 && host_log[3] == 1); /* only the live version's destructor */
}

static void test_fresh_state(obj v1, obj v2)
{
    hj_engine *e = new_engine();
    memset(host_log, 0, sizeof host_log);
    hj_module *m;
    hj_object o1 = as_object("swap_v1", v1), o2 = as_object("swap_v2", v2);
    CHECK(hj_add_objects(e, &o1, 1, &m) == HJ_OK);
    CHECK(check_call_int(e, "step") == 101001);
    CHECK(hj_replace_object(e, m, &o2, HJ_REPLACE_FRESH_STATE, &m) == HJ_OK);
    CHECK(check_call_int(e, "step") == 200006); /* counter starts from version 2's value */
    CHECK(host_log[1] == 1 && host_log[2] == 1); /* old destructor, then new constructor */
    hj_engine_destroy(e);
}

static void test_failure_keeps_old(obj v1, obj broken, obj v3, obj user)
{
    hj_engine *e = new_engine();
    hj_module *m;
    hj_object o1 = as_object("swap_v1", v1), ob = as_object("swap_broken", broken);
    hj_object o3 = as_object("swap_v3", v3), ou = as_object("swap_user", user);
    CHECK(hj_add_objects(e, &o1, 1, &m) == HJ_OK);
    CHECK(hj_add_objects(e, &ou, 1, NULL) == HJ_OK);
    CHECK(hj_replace_object(e, m, &ob, 0, NULL) == HJ_ERR_UNDEFINED);
    CHECK_CONTAINS(hj_errmsg(e), "no_such_data");
    CHECK(check_call_int(e, "user_step") == 101001); /* still version 1 */
    CHECK(hj_replace_object(e, m, &o3, 0, NULL) == HJ_ERR_STATE);
    CHECK_CONTAINS(hj_errmsg(e), "swap_user");
    CHECK_CONTAINS(hj_errmsg(e), "counter");
    CHECK(check_call_int(e, "user_step") == 101002 && check_call_int(e, "user_counter") == 1002);
    /* the user follows a version that keeps its data */
    hj_object o2 = as_object("swap_v2", check_load_input("swap_v2"));
    CHECK(hj_replace_object(e, m, &o2, 0, &m) == HJ_OK);
    CHECK(check_call_int(e, "user_step") == 201003 && check_call_int(e, "user_counter") == 1003);
    free((void *)o2.data);
    hj_engine_destroy(e);
}

/* A function pointer to a function the new version lacks enters the trap. */
static obj trap_v1, trap_v2;

static void call_dropped(void *arg)
{
    (void)arg;
    hj_engine *e = new_engine();
    hj_module *m;
    hj_object o1 = as_object("swap_v1", trap_v1), o2 = as_object("swap_v2", trap_v2);
    void *p;
    if (hj_add_objects(e, &o1, 1, &m) != HJ_OK || hj_lookup(e, "only_in_v1", &p) != HJ_OK ||
        hj_replace_object(e, m, &o2, 0, &m) != HJ_OK)
        _exit(3);
    ((int (*)(void))p)();
}

static void test_dropped_function_traps(obj v1, obj v2)
{
    char msg[256];
    trap_v1 = v1;
    trap_v2 = v2;
    int status = check_in_child(call_dropped, NULL, msg, sizeof msg);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 127);
    CHECK_CONTAINS(msg, "'only_in_v1'");
}

/* With a thread attached, a removed module waits for its quiescent point. */
static void test_remove_waits_for_quiescence(obj v1)
{
    hj_engine *e = new_engine();
    hj_module *m;
    hj_object o1 = as_object("swap_v1", v1);
    CHECK(hj_attach(e) == HJ_OK);
    CHECK(hj_add_objects(e, &o1, 1, &m) == HJ_OK);
    CHECK(hj_remove(e, m) == HJ_OK);
    hj_link_stats s;
    hj_get_stats(e, &s);
    CHECK(s.retired_bytes > 0);
    hj_reclaim(e); /* no quiescent point yet: still kept */
    hj_get_stats(e, &s);
    CHECK(s.retired_bytes > 0);
    hj_quiescent(e);
    hj_reclaim(e);
    hj_get_stats(e, &s);
    CHECK(s.retired_bytes == 0);
    hj_detach(e);
    hj_engine_destroy(e);
}

/* ------------------------------------------------------------------------------------
 * Stress
 * ------------------------------------------------------------------------------------ */

#define STRESS_THREADS 4
#define STRESS_SWAPS 10000

static hj_engine *stress_engine;
static atomic_int stress_done;
static atomic_long stress_calls, stress_torn, stress_versions_seen;

static int *version_slot(obj o)
{
    static const unsigned char pattern[4] = {0x01, 0x00, 0xed, 0x5e}; /* 0x5eed0001 */
    unsigned char *p = memmem(o.data, o.size, pattern, sizeof pattern);
    return (int *)p;
}

static void *stress_caller(void *arg)
{
    int (*fn)(void) = (int (*)(void))arg;
    hj_attach(stress_engine);
    int last = 0, changes = 0;
    long calls = 0;
    while (!atomic_load(&stress_done)) {
        for (int i = 0; i < 64; i++, calls++) {
            int v = fn();
            if (v < last || v > STRESS_SWAPS)
                atomic_fetch_add(&stress_torn, 1);
            changes += v != last;
            last = v;
        }
        hj_quiescent(stress_engine);
    }
    hj_detach(stress_engine);
    atomic_fetch_add(&stress_calls, calls);
    atomic_fetch_add(&stress_versions_seen, changes);
    return NULL;
}

static void test_stress(obj version)
{
    int *slot = version_slot(version);
    CHECK(slot != NULL);
    if (!slot)
        return;
    stress_engine = new_engine();
    hj_module *m;
    *slot = 1;
    hj_object o = as_object("swap_version", version);
    CHECK(hj_add_objects(stress_engine, &o, 1, &m) == HJ_OK);
    void *fn;
    CHECK(hj_lookup(stress_engine, "swap_version", &fn) == HJ_OK);
    CHECK(hj_attach(stress_engine) == HJ_OK);
    pthread_t threads[STRESS_THREADS];
    for (int t = 0; t < STRESS_THREADS; t++)
        pthread_create(&threads[t], NULL, stress_caller, fn);
    int failures = 0;
    for (int v = 2; v <= STRESS_SWAPS; v++) {
        *slot = v;
        failures += hj_replace_object(stress_engine, m, &o, 0, &m) != HJ_OK;
        hj_quiescent(stress_engine);
    }
    atomic_store(&stress_done, 1);
    for (int t = 0; t < STRESS_THREADS; t++)
        pthread_join(threads[t], NULL);
    hj_quiescent(stress_engine);
    hj_reclaim(stress_engine);
    hj_link_stats s;
    hj_get_stats(stress_engine, &s);
    printf("stress: %d swaps, %ld calls by %d threads, %ld version changes seen, %ld out of "
           "order, %llu retired bytes left\n", STRESS_SWAPS, atomic_load(&stress_calls),
           STRESS_THREADS, atomic_load(&stress_versions_seen), atomic_load(&stress_torn),
           s.retired_bytes);
    CHECK(failures == 0);
    CHECK(atomic_load(&stress_torn) == 0);
    CHECK(atomic_load(&stress_calls) > 0);
    CHECK(atomic_load(&stress_versions_seen) > STRESS_THREADS); /* the threads saw swaps */
    CHECK(((int (*)(void))fn)() == STRESS_SWAPS);
    CHECK(s.retired_bytes <= 64 * 1024); /* reclaimed as the threads pass quiescent points */
    hj_detach(stress_engine);
    hj_engine_destroy(stress_engine);
}

int main(void)
{
    obj v1 = check_load_input("swap_v1"), v2 = check_load_input("swap_v2"), v3 = check_load_input("swap_v3"),
        broken = check_load_input("swap_broken"), user = check_load_input("swap_user"), version = check_load_input("swap_version");
    if (check_failures)
        return check_report("replace");
    test_keep_state(v1, v2);
    test_fresh_state(v1, v2);
    test_failure_keeps_old(v1, broken, v3, user);
    test_dropped_function_traps(v1, v2);
    test_remove_waits_for_quiescence(v1);
    test_stress(version);
    return check_report("replace");
}
