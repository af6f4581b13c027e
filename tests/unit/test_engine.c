/* engine: add/lookup/remove, transactions (a failed add changes nothing, also under
 * injected allocation failures), W^X after every phase, stable stubs, the undefined-
 * function trap, a flat resident set over 100,000 add/remove cycles, small modules
 * spread over a page's offsets, and the code observer (on_code). */
#include <stdint.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"
#include "engine/engine.h"

int host_events[2];

typedef check_input input;

static hj_engine *new_engine(void)
{
    hj_engine *e = NULL;
    CHECK(hj_engine_create(&e, NULL) == HJ_OK);
    CHECK(hj_define_symbol(e, "host_events", host_events) == HJ_OK);
    return e;
}

/* No mapping of the process may be writable and executable at once. */
static void check_wx(const char *phase)
{
    FILE *f = fopen("/proc/self/maps", "r");
    char line[512];
    int bad = 0;
    while (f && fgets(line, sizeof line, f)) {
        char perms[8] = "";
        if (sscanf(line, "%*s %7s", perms) == 1 && perms[1] == 'w' && perms[2] == 'x') {
            bad++;
            fprintf(stderr, "writable+executable mapping after %s: %s", phase, line);
        }
    }
    if (f)
        fclose(f);
    CHECK_MSG(f && bad == 0, "W^X violated after %s", phase);
}

static long resident_kib(void)
{
    FILE *f = fopen("/proc/self/statm", "r");
    long pages = 0, rss = 0;
    if (f && fscanf(f, "%ld %ld", &pages, &rss) != 2)
        rss = 0;
    if (f)
        fclose(f);
    return rss * (sysconf(_SC_PAGESIZE) / 1024);
}

static void test_add_lookup_remove(input lib, input user)
{
    hj_engine *e = new_engine();
    check_wx("create");
    hj_module *ml, *mu;
    memset(host_events, 0, sizeof host_events);
    CHECK(hj_add_object(e, "lib", lib.data, lib.size, &ml) == HJ_OK);
    CHECK(host_events[0] == 1); /* constructor ran */
    check_wx("add");
    CHECK(hj_add_object(e, "user", user.data, user.size, &mu) == HJ_OK);
    int (*user_call)(int), (*same)(void), (*add)(int);
    CHECK(hj_lookup(e, "user_call", (void **)&user_call) == HJ_OK);
    CHECK(hj_lookup(e, "user_same_pointer", (void **)&same) == HJ_OK);
    CHECK(hj_lookup(e, "lib_add", (void **)&add) == HJ_OK);
    CHECK(user_call(2) == 82);
    CHECK(same() == 1); /* the address taken inside lib equals the one in user */
    void *ptr_from_lib;
    CHECK(hj_lookup(e, "lib_add_ptr", &ptr_from_lib) == HJ_OK);
    CHECK(((void *(*)(void))ptr_from_lib)() == (void *)add); /* and the host's */
    /* user refers to lib's data: lib cannot go first */
    CHECK(hj_remove(e, ml) == HJ_ERR_STATE);
    CHECK_CONTAINS(hj_errmsg(e), "lib_value");
    CHECK_CONTAINS(hj_errmsg(e), "user");
    CHECK(hj_remove(e, mu) == HJ_OK);
    CHECK(hj_lookup(e, "user_call", (void **)&user_call) == HJ_ERR_UNDEFINED);
    CHECK(hj_remove(e, ml) == HJ_OK);
    CHECK(host_events[1] == 1); /* destructor ran */
    check_wx("remove");
    hj_engine_destroy(e);
}

static void test_failed_add_changes_nothing(input lib, input undef, input dup)
{
    hj_engine *e = new_engine();
    CHECK(hj_add_object(e, "lib", lib.data, lib.size, NULL) == HJ_OK);
    size_t used = hj_region_used(e->region);
    CHECK(hj_add_object(e, "undef", undef.data, undef.size, NULL) == HJ_ERR_UNDEFINED);
    CHECK_CONTAINS(hj_errmsg(e), "missing_one");
    CHECK_CONTAINS(hj_errmsg(e), "missing_data"); /* every missing name at once */
    CHECK(hj_add_object(e, "dup", dup.data, dup.size, NULL) == HJ_ERR_DUPLICATE);
    CHECK_CONTAINS(hj_errmsg(e), "'lib_add' in lib and dup");
    void *p;
    CHECK(hj_lookup(e, "undef_fn", &p) == HJ_ERR_UNDEFINED);
    CHECK(hj_region_used(e->region) == used);
    int (*add)(int);
    CHECK(hj_lookup(e, "lib_add", (void **)&add) == HJ_OK && add(1) == 41);
    /* an object in a batch fails: the good one in the same batch is not added either */
    input user = check_load_input("eng_user");
    hj_object batch[] = {{"user", user.data, user.size}, {"undef", undef.data, undef.size}};
    CHECK(hj_add_objects(e, batch, 2, NULL) == HJ_ERR_UNDEFINED);
    CHECK(hj_lookup(e, "user_call", &p) == HJ_ERR_UNDEFINED);
    CHECK(hj_region_used(e->region) == used);
    free(user.data);
    hj_engine_destroy(e);
}

/* Every allocation of an add fails in turn: each failure leaves the engine as it was. */
static void test_injected_failures(input lib, input user)
{
    hj_engine *e = new_engine();
    CHECK(hj_add_object(e, "lib", lib.data, lib.size, NULL) == HJ_OK);
    size_t used = hj_region_used(e->region);
    int failures = 0;
    for (unsigned n = 1; n < 20; n++) {
        hj_region_fail_after(e->region, n);
        hj_module *m;
        hj_status st = hj_add_object(e, "user", user.data, user.size, &m);
        hj_region_fail_after(e->region, 0);
        if (st == HJ_OK) {
            CHECK(hj_remove(e, m) == HJ_OK);
            break;
        }
        failures++;
        CHECK(st == HJ_ERR_NOMEM);
        void *p;
        CHECK(hj_lookup(e, "user_call", &p) == HJ_ERR_UNDEFINED);
        CHECK(hj_region_used(e->region) == used);
    }
    CHECK(failures >= 1);
    CHECK(hj_add_object(e, "user", user.data, user.size, NULL) == HJ_OK);
    hj_engine_destroy(e);
}

/* A function pointer kept after its module is gone enters the trap, which names it. */
static void call_removed(void *arg)
{
    input *lib = arg;
    hj_engine *e = new_engine();
    hj_module *m;
    int (*add)(int);
    if (hj_add_object(e, "lib", lib->data, lib->size, &m) != HJ_OK ||
        hj_lookup(e, "lib_add", (void **)&add) != HJ_OK || hj_remove(e, m) != HJ_OK)
        _exit(3);
    add(1);
}

static void test_trap(input lib)
{
    char msg[256];
    int status = check_in_child(call_removed, &lib, msg, sizeof msg);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 127);
    CHECK_CONTAINS(msg, "call to undefined function 'lib_add'");
}

static void test_resident_set_flat(input lib)
{
    hj_engine *e = new_engine();
    long before = 0;
    const int cycles = 100000;
    for (int i = 0; i < cycles; i++) {
        hj_module *m;
        int (*add)(int);
        if (hj_add_object(e, "lib", lib.data, lib.size, &m) != HJ_OK ||
            hj_lookup(e, "lib_add", (void **)&add) != HJ_OK || add(i) != i + 40 ||
            hj_remove(e, m) != HJ_OK) {
            CHECK_MSG(0, "cycle %d failed: %s", i, hj_errmsg(e));
            break;
        }
        if (i == 1000)
            before = resident_kib();
    }
    long after = resident_kib();
    printf("resident set: %ld KiB after 1,000 cycles, %ld KiB after %d\n", before, after, cycles);
    CHECK_MSG(after - before < 1024, "resident set grew by %ld KiB", after - before);
    CHECK(hj_region_used(e->region) < (size_t)64 * 1024);
    hj_engine_destroy(e);
}

/* Small modules added one after another do not all begin at the start of a page, where
 * they would share the few cache sets a page offset selects: each continues at the page
 * offset where the one before ended. */
static void test_placement_spread(input lib)
{
    hj_engine *e = new_engine();
    enum { N = 8 };
    uintptr_t offsets[N];
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    for (int i = 0; i < N; i++) {
        hj_module *m;
        void *value = NULL;
        CHECK(hj_add_object(e, "lib", lib.data, lib.size, &m) == HJ_OK);
        CHECK(hj_lookup(e, "lib_value", &value) == HJ_OK && *(int *)value == 40);
        offsets[i] = (uintptr_t)value % page;
        CHECK(hj_remove(e, m) == HJ_OK);
    }
    int distinct = 0;
    for (int i = 0; i < N; i++) {
        int seen = 0;
        for (int j = 0; j < i; j++)
            seen |= offsets[j] == offsets[i];
        distinct += !seen;
    }
    CHECK_MSG(distinct == N, "%d distinct page offsets of lib_value in %d modules", distinct, N);
    hj_engine_destroy(e);
}

/* What on_code was told, in order. */
typedef struct code_seen {
    int n, constructor_runs_at_first; /* host_events[0] when first told: 0 */
    hj_code_info info[64];
    char names[64][32];
} code_seen;

static void record_code(void *ctx, const hj_code_info *info)
{
    code_seen *seen = ctx;
    if (seen->n == 0)
        seen->constructor_runs_at_first = host_events[0];
    if (seen->n == 64)
        return;
    seen->info[seen->n] = *info;
    snprintf(seen->names[seen->n], sizeof seen->names[0], "%s", info->name);
    seen->info[seen->n].name = seen->names[seen->n];
    seen->info[seen->n].module = info->module ? "(module)" : NULL; /* valid during the call only */
    seen->n++;
}

static const hj_code_info *find_seen(const code_seen *seen, hj_code_kind kind, const char *name)
{
    for (int i = 0; i < seen->n; i++)
        if (seen->info[i].kind == kind && !strcmp(seen->info[i].name, name))
            return &seen->info[i];
    return NULL;
}

/* Every function body (static ones too) and every new entry stub of an add is told,
 * with addresses that are the code's, before the module's constructor runs; a failed
 * add tells nothing. */
static void test_on_code(input lib, input dup)
{
    code_seen seen = {0};
    hj_engine_options opts = {.on_code = record_code, .on_code_ctx = &seen};
    hj_engine *e = NULL;
    CHECK(hj_engine_create(&e, &opts) == HJ_OK);
    CHECK(hj_define_symbol(e, "host_events", host_events) == HJ_OK);
    memset(host_events, 0, sizeof host_events);
    CHECK(hj_add_object(e, "lib", lib.data, lib.size, NULL) == HJ_OK);
    CHECK(host_events[0] == 1 && seen.constructor_runs_at_first == 0);
    const hj_code_info *body = find_seen(&seen, HJ_CODE_FUNCTION, "lib_add");
    const hj_code_info *stub = find_seen(&seen, HJ_CODE_ENTRY_STUB, "lib_add");
    const hj_code_info *ctor = find_seen(&seen, HJ_CODE_FUNCTION, "lib_ctor");
    CHECK_MSG(body && stub && ctor && find_seen(&seen, HJ_CODE_FUNCTION, "lib_add_ptr"),
              "on_code told %d pieces, not lib_add's body and stub, lib_ctor, lib_add_ptr", seen.n);
    if (body && stub && ctor) {
        void *canonical = NULL;
        CHECK(hj_lookup(e, "lib_add", &canonical) == HJ_OK && canonical == stub->addr);
        CHECK(body->addr != stub->addr && body->size > 0 && body->module && !stub->module);
        CHECK(stub->size == e->arch->entry_stub_size);
        int (*add)(int);
        memcpy(&add, &body->addr, sizeof add);
        CHECK(add(2) == 42); /* the body itself */
        CHECK(ctor->size > 0 && !find_seen(&seen, HJ_CODE_ENTRY_STUB, "lib_ctor")); /* static */
    }
    int before = seen.n;
    CHECK(hj_add_object(e, "dup", dup.data, dup.size, NULL) == HJ_ERR_DUPLICATE);
    CHECK_MSG(seen.n == before, "a failed add told on_code of %d pieces", seen.n - before);
    hj_engine_destroy(e);
}

int main(void)
{
    input lib = check_load_input("eng_lib"), user = check_load_input("eng_user"), undef = check_load_input("eng_undef"),
          dup = check_load_input("eng_dup");
    if (check_failures)
        return check_report("engine");
    test_add_lookup_remove(lib, user);
    test_failed_add_changes_nothing(lib, undef, dup);
    test_injected_failures(lib, user);
    test_trap(lib);
    test_resident_set_flat(lib);
    test_placement_spread(lib);
    test_on_code(lib, dup);
    free(lib.data);
    free(user.data);
    free(undef.data);
    free(dup.data);
    return check_report("engine");
}
