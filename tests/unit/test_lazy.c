/* lazy compilation (hj_ir_options.lazy) through the library: 8 threads making the first
 * calls of the same 100 functions at once (each compiled exactly once, all results
 * right), stub addresses taken before compilation, hj_link_stats' lazy counters, on_code
 * told of a body at its first call, lazy and eager modules calling each other (and host
 * symbols, and each other's data) in both orders, what a compiled function takes along
 * for inlining, a constructor calling lazy functions,
 * add-time errors of a lazy module, hj_add_llvm_module lazily, hj_replace_file of a
 * lazy module (old pointers and callers reach the new code, kept state survives;
 * lazy -> lazy -> eager -> lazy), and hj_remove of a lazy module with compiled and
 * uncompiled functions. */
#include <llvm-c/Core.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdint.h>
#include <sys/wait.h>
#include <unistd.h>

#include "hotjit.h"
#include "check.h"
#include "jit_calls.h"
#include "common/lock.h"

static const hj_ir_options lazy_opts = {.lazy = 1};
static const hj_ir_options lazy_o0_opts = {.opt_level = HJ_OPT_O0, .lazy = 1};

static hj_engine *new_engine(void)
{
    hj_engine *e = NULL;
    CHECK(hj_engine_create(&e, NULL) == HJ_OK);
    return e;
}

/* A growing string for generated IR. */
typedef struct text {
    char *s;
    size_t len, cap;
} text;

static void add(text *t, const char *fmt, ...)
{
    va_list ap;
    for (;;) {
        va_start(ap, fmt);
        int n = vsnprintf(t->s ? t->s + t->len : NULL, t->s ? t->cap - t->len : 0, fmt, ap);
        va_end(ap);
        if (t->s && (size_t)n < t->cap - t->len) {
            t->len += (size_t)n;
            return;
        }
        t->cap = t->cap * 2 + (size_t)n + 256;
        t->s = realloc(t->s, t->cap);
        if (!t->s)
            abort();
        t->s[t->len] = '\0';
    }
}

static hj_status add_ir(hj_engine *e, const char *name, const char *ir, const hj_ir_options *o,
                        hj_module **m)
{
    hj_status st = hj_add_ir(e, name, ir, strlen(ir), o, m);
    if (st != HJ_OK)
        fprintf(stderr, "hj_add_ir(%s): %s\n", name, hj_errmsg(e));
    return st;
}

/* ------------------------------------------------------------------------------------
 * 8 threads, 100 functions, first calls at the same moment
 * ------------------------------------------------------------------------------------ */

#define NFUNCS 100
#define NTHREADS 8

/* f<i>(x) = (((x * (i+3)) ^ (i*7919+1)) + base + i) << 1 */
static long f_expected(int i, long base, long x)
{
    return (long)((unsigned long)(((x * (i + 3)) ^ (i * 7919L + 1)) + base + i) << 1);
}

static char *gen_funcs(const char *prefix, int n, long base)
{
    text t = {0};
    for (int i = 0; i < n; i++)
        add(&t,
            "define i64 @%s%d(i64 %%x) {\n"
            "  %%a = mul i64 %%x, %d\n"
            "  %%b = xor i64 %%a, %ld\n"
            "  %%c = add i64 %%b, %ld\n"
            "  %%d = shl i64 %%c, 1\n"
            "  ret i64 %%d\n"
            "}\n",
            prefix, i, i + 3, i * 7919L + 1, base + i);
    return t.s;
}

static void *thread_fns[NFUNCS];
static pthread_barrier_t thread_barrier;
static atomic_int thread_wrong;

static void *first_caller(void *arg)
{
    int t = (int)(intptr_t)arg;
    int order[NFUNCS];
    for (int i = 0; i < NFUNCS; i++)
        order[i] = i;
    if (t % 2) { /* odd threads: shuffled (a per-thread LCG); even ones: in order */
        unsigned seed = 12345u + (unsigned)t * 7919u;
        for (int i = NFUNCS - 1; i > 0; i--) {
            seed = seed * 1103515245u + 12345u;
            int j = (int)((seed >> 8) % (unsigned)(i + 1));
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
    }
    pthread_barrier_wait(&thread_barrier);
    for (int k = 0; k < NFUNCS; k++) {
        int i = order[k];
        long x = 1000 + i + t;
        if (call_l(thread_fns[i], x) != f_expected(i, 0, x))
            atomic_fetch_add(&thread_wrong, 1);
    }
    return NULL;
}

static void test_threads_first_calls(int round)
{
    hj_engine *e = new_engine();
    char *ir = gen_funcs("f", NFUNCS, 0);
    hj_module *m = NULL;
    CHECK(add_ir(e, "funcs.ll", ir, &lazy_opts, &m) == HJ_OK);
    free(ir);
    hj_link_stats s = stats(e);
    CHECK_MSG(s.lazy_functions == NFUNCS, "lazy_functions %llu", s.lazy_functions);
    CHECK_MSG(s.lazy_compiled == 0, "lazy_compiled %llu before any call", s.lazy_compiled);
    char name[16];
    for (int i = 0; i < NFUNCS; i++) { /* stubs taken before anything is compiled */
        snprintf(name, sizeof name, "f%d", i);
        thread_fns[i] = lookup(e, name);
    }
    atomic_store(&thread_wrong, 0);
    pthread_barrier_init(&thread_barrier, NULL, NTHREADS);
    pthread_t th[NTHREADS];
    for (int t = 0; t < NTHREADS; t++)
        CHECK(pthread_create(&th[t], NULL, first_caller, (void *)(intptr_t)t) == 0);
    for (int t = 0; t < NTHREADS; t++)
        pthread_join(th[t], NULL);
    pthread_barrier_destroy(&thread_barrier);
    CHECK_MSG(atomic_load(&thread_wrong) == 0, "round %d: %d wrong results", round,
              atomic_load(&thread_wrong));
    s = stats(e);
    CHECK_MSG(s.lazy_compiled == NFUNCS, "round %d: lazy_compiled %llu, expected exactly %d",
              round, s.lazy_compiled, NFUNCS);
    CHECK(s.lazy_functions == NFUNCS);
    CHECK(s.lazy_ns > 0 && s.lazy_extract_ns <= s.lazy_ns);
    /* the addresses did not change, and calling again compiles nothing */
    int same = 1;
    for (int i = 0; i < NFUNCS; i++) {
        snprintf(name, sizeof name, "f%d", i);
        same &= lookup(e, name) == thread_fns[i];
        same &= call_l(thread_fns[i], -i) == f_expected(i, 0, -i);
    }
    CHECK(same);
    CHECK(stats(e).lazy_compiled == NFUNCS);
    if (round == 0)
        printf("lazy: %d functions compiled by %d threads in %.1f ms (extract %.1f ms)\n", NFUNCS,
               NTHREADS, s.lazy_ns / 1e6, s.lazy_extract_ns / 1e6);
    fflush(stdout); /* children of check_in_child must not print it again */
    hj_engine_destroy(e);
}

/* ------------------------------------------------------------------------------------
 * Counters, addresses, laziness
 * ------------------------------------------------------------------------------------ */

static void test_counts_and_addresses(void)
{
    hj_engine *e = new_engine();
    char *ir = gen_funcs("g", 10, 0);
    CHECK(add_ir(e, "ten.ll", ir, &lazy_o0_opts, NULL) == HJ_OK);
    free(ir);
    /* an eager module adds nothing to the lazy counters */
    const char *eager = "define i32 @eager_one() {\n  ret i32 1\n}\n";
    CHECK(add_ir(e, "eager.ll", eager, NULL, NULL) == HJ_OK);
    hj_link_stats s = stats(e);
    CHECK_MSG(s.lazy_functions == 10, "lazy_functions %llu", s.lazy_functions);
    CHECK(s.lazy_compiled == 0);
    void *g3 = lookup(e, "g3");
    CHECK(call_l(g3, 5) == f_expected(3, 0, 5));
    CHECK(lookup(e, "g3") == g3); /* the same stub after compilation */
    CHECK(call_l(g3, 6) == f_expected(3, 0, 6));
    s = stats(e);
    CHECK_MSG(s.lazy_compiled == 1, "lazy_compiled %llu after one function's calls", s.lazy_compiled);
    CHECK(check_call_int(e, "eager_one") == 1);
    CHECK(stats(e).lazy_compiled == 1);
    hj_engine_destroy(e);
}

/* What a compiled function takes along (src/ir/lazy.c inline_limits, -O2): statics
 * called only from it (up to 500 instructions in all) and a tiny callee of a callee are
 * inlined into its code, so their first calls compile nothing more; a larger static
 * called from two places, or statics called once beyond those 500, are compiled on
 * their own. */
static void add_chain(text *t, const char *name, int steps)
{
    add(t, "define internal i64 @%s(i64 %%x0) {\n", name);
    for (int k = 1; k <= steps; k++)
        add(t, "  %%m%d = mul i64 %%x%d, 3\n  %%x%d = add i64 %%m%d, %d\n", k, k - 1, k, k, k);
    add(t, "  ret i64 %%x%d\n}\n", steps);
}

static long chain_expected(long x, int steps)
{
    unsigned long v = (unsigned long)x;
    for (int k = 1; k <= steps; k++)
        v = v * 3 + (unsigned long)k;
    return (long)v;
}

static void test_what_goes_along(void)
{
    text t = {0};
    add_chain(&t, "once", 200);     /* 401 instructions, called once */
    add_chain(&t, "twice", 100);    /* 201, called from two functions */
    add_chain(&t, "big_once", 300); /* 601, called once */
    add_chain(&t, "once_a", 150);   /* 301 and 301, both called once from entry_two */
    add_chain(&t, "once_b", 150);
    add(&t, "define internal i64 @tiny(i64 %%x) {\n  %%y = xor i64 %%x, 5\n  ret i64 %%y\n}\n"
            "define internal i64 @mid(i64 %%x) {\n  %%a = call i64 @tiny(i64 %%x)\n"
            "  %%b = call i64 @tiny(i64 %%a)\n  %%c = add i64 %%b, 7\n  ret i64 %%c\n}\n");
    /* each entry calls its callees in turn; after its first call, so many compiled */
    const struct {
        const char *name, *callee, *then;
        long compiled, expected;
    } entries[] = {
        {"entry_once", "once", NULL, 1, chain_expected(11, 200)},
        {"entry_a", "twice", NULL, 3, chain_expected(11, 100)},
        {"entry_b", "twice", NULL, 4, chain_expected(11, 100)},
        {"entry_tiny", "mid", NULL, 5, ((11 ^ 5) ^ 5) + 7},
        {"entry_big", "big_once", NULL, 7, chain_expected(11, 300)},
        {"entry_two", "once_a", "once_b", 9, chain_expected(chain_expected(11, 150), 150)},
    };
    size_t n = sizeof entries / sizeof *entries;
    for (size_t i = 0; i < n; i++) {
        add(&t, "define i64 @%s(i64 %%x) {\n  %%y = call i64 @%s(i64 %%x)\n", entries[i].name,
            entries[i].callee);
        if (entries[i].then)
            add(&t, "  %%z = call i64 @%s(i64 %%y)\n  ret i64 %%z\n}\n", entries[i].then);
        else
            add(&t, "  ret i64 %%y\n}\n");
    }
    hj_engine *e = new_engine();
    CHECK(add_ir(e, "along.ll", t.s, &lazy_opts, NULL) == HJ_OK);
    free(t.s);
    for (size_t i = 0; i < n; i++) {
        long got = call_l(lookup(e, entries[i].name), 11);
        CHECK_MSG(got == entries[i].expected, "%s(11) = %ld, expected %ld", entries[i].name, got,
                  entries[i].expected);
        hj_link_stats s = stats(e);
        CHECK_MSG((long)s.lazy_compiled == entries[i].compiled, "after %s: %llu compiled, expected %ld",
                  entries[i].name, s.lazy_compiled, entries[i].compiled);
    }
    hj_engine_destroy(e);
}

/* on_code hears of a lazy function's body when its first call links it, not before;
 * its entry stub when the module is added. */
typedef struct bodies_seen {
    int bodies, stubs;
    char last[32];
    const void *last_addr;
} bodies_seen;

static void count_code(void *ctx, const hj_code_info *info)
{
    bodies_seen *seen = ctx;
    if (info->kind == HJ_CODE_ENTRY_STUB) {
        seen->stubs++;
        return;
    }
    seen->bodies++;
    snprintf(seen->last, sizeof seen->last, "%s", info->name);
    seen->last_addr = info->addr;
}

static void test_on_code_at_first_call(void)
{
    bodies_seen seen = {0};
    hj_engine_options opts = {.on_code = count_code, .on_code_ctx = &seen};
    hj_engine *e = NULL;
    CHECK(hj_engine_create(&e, &opts) == HJ_OK);
    char *ir = gen_funcs("o", 5, 0);
    CHECK(add_ir(e, "five.ll", ir, &lazy_o0_opts, NULL) == HJ_OK);
    free(ir);
    CHECK_MSG(seen.bodies == 0 && seen.stubs == 5, "after the add: %d bodies, %d stubs told",
              seen.bodies, seen.stubs);
    void *o2 = lookup(e, "o2");
    CHECK(call_l(o2, 5) == f_expected(2, 0, 5));
    CHECK_MSG(seen.bodies == 1 && !strcmp(seen.last, "o2") && seen.last_addr != o2,
              "after o2's first call: %d bodies told, last '%s'", seen.bodies, seen.last);
    if (seen.last_addr)
        CHECK(call_l((void *)(uintptr_t)seen.last_addr, 6) == f_expected(2, 0, 6));
    CHECK(call_l(o2, 7) == f_expected(2, 0, 7) && seen.bodies == 1);
    hj_engine_destroy(e);
}

/* A signal handler running on a 16 KiB alternate stack (outside the thread's own stack,
 * below it or above it) makes a first call at -O2: the compilation must move to a
 * thread with a stack of its own. It crashed in LLVM when the check only measured the
 * distance to the thread stack's low end. */
static void *altstack_fn;
static volatile long altstack_result;

static void on_usr1(int sig)
{
    (void)sig;
    altstack_result = call_l(altstack_fn, 9);
}

static void test_first_call_on_sigaltstack(void)
{
    hj_engine *e = new_engine();
    char *ir = gen_funcs("a", 2, 50);
    CHECK(add_ir(e, "alt.ll", ir, &lazy_opts, NULL) == HJ_OK);
    free(ir);
    altstack_fn = lookup(e, "a1");
    static char alt[16 * 1024];
    stack_t ss = {.ss_sp = alt, .ss_size = sizeof alt}, old;
    struct sigaction sa = {.sa_handler = on_usr1, .sa_flags = SA_ONSTACK}, old_sa;
    CHECK(sigaltstack(&ss, &old) == 0);
    CHECK(sigaction(SIGUSR1, &sa, &old_sa) == 0);
    raise(SIGUSR1);
    CHECK_MSG(altstack_result == f_expected(1, 50, 9), "first call on the alternate stack gave %ld",
              altstack_result);
    sigaction(SIGUSR1, &old_sa, NULL);
    sigaltstack(&old, NULL);
    hj_engine_destroy(e);
}

/* A thread with a small stack (32 KiB: LLVM needs more) makes first calls at -O2. */
static void *small_stack_caller(void *arg)
{
    void **fns = arg;
    long bad = 0;
    for (int i = 0; i < 4; i++)
        bad += call_l(fns[i], 7) != f_expected(i, 100, 7);
    return (void *)bad;
}

static void test_small_stack_first_call(void)
{
    hj_engine *e = new_engine();
    char *ir = gen_funcs("s", 4, 100);
    CHECK(add_ir(e, "small.ll", ir, &lazy_opts, NULL) == HJ_OK);
    free(ir);
    void *fns[4];
    char name[8];
    for (int i = 0; i < 4; i++) {
        snprintf(name, sizeof name, "s%d", i);
        fns[i] = lookup(e, name);
    }
    pthread_attr_t attr;
    pthread_t t;
    void *bad = (void *)1;
    CHECK(pthread_attr_init(&attr) == 0);
    CHECK(pthread_attr_setstacksize(&attr, 32 * 1024) == 0);
    CHECK(pthread_create(&t, &attr, small_stack_caller, fns) == 0);
    CHECK(pthread_join(t, &bad) == 0);
    pthread_attr_destroy(&attr);
    CHECK(bad == NULL);
    CHECK(stats(e).lazy_compiled == 4);
    hj_engine_destroy(e);
}

/* A lazy module whose uncalled function reads a variable nobody defines loads; the same
 * module added eagerly does not. A global initialiser is emitted at add time, so a
 * missing variable there is an error at once; so is a duplicate definition. */
static void test_add_time_errors(void)
{
    hj_engine *e = new_engine();
    const char *body_only = "@missing = external global i32\n"
                            "define i32 @reads_missing() {\n  %v = load i32, i32* @missing\n"
                            "  ret i32 %v\n}\n"
                            "define i32 @fine() {\n  ret i32 7\n}\n";
    CHECK(hj_add_ir(e, "eager_missing.ll", body_only, strlen(body_only), NULL, NULL) ==
          HJ_ERR_UNDEFINED);
    CHECK(add_ir(e, "lazy_missing.ll", body_only, &lazy_opts, NULL) == HJ_OK);
    CHECK(check_call_int(e, "fine") == 7);
    const char *in_data = "@missing2 = external global i32\n"
                          "@ptr = global i32* @missing2\n"
                          "define i32 @other() {\n  ret i32 8\n}\n";
    CHECK(hj_add_ir(e, "data.ll", in_data, strlen(in_data), &lazy_opts, NULL) == HJ_ERR_UNDEFINED);
    CHECK_CONTAINS(hj_errmsg(e), "missing2");
    void *p;
    CHECK(hj_lookup(e, "other", &p) == HJ_ERR_UNDEFINED); /* nothing of it stayed */
    const char *dup = "define i32 @fine() {\n  ret i32 9\n}\n";
    CHECK(hj_add_ir(e, "dup.ll", dup, strlen(dup), &lazy_opts, NULL) == HJ_ERR_DUPLICATE);
    CHECK_CONTAINS(hj_errmsg(e), "fine");
    CHECK(check_call_int(e, "fine") == 7);
    const char *bad = "define i32 @broken( {\n";
    CHECK(hj_add_ir(e, "bad.ll", bad, strlen(bad), &lazy_opts, NULL) == HJ_ERR_FORMAT);
    CHECK_CONTAINS(hj_errmsg(e), "bad.ll:");
    CHECK(stats(e).lazy_functions == 2); /* only lazy_missing.ll's two */
    hj_engine_destroy(e);
}

/* ------------------------------------------------------------------------------------
 * Lazy and eager modules together
 * ------------------------------------------------------------------------------------ */

static int host_add(int a, int b) { return a + b + 1000; }

static const char eager_ir[] =
    "@e_data = global i32 5\n"
    "@l_data = external global i32\n" /* only in order 2: the lazy module came first */
    "declare i32 @l_square(i32)\n"
    "define i32 @e_twice(i32 %x) {\n  %r = mul i32 %x, 2\n  ret i32 %r\n}\n"
    "define i32 @e_calls_lazy(i32 %x) {\n  %s = call i32 @l_square(i32 %x)\n"
    "  %r = add i32 %s, 1\n  ret i32 %r\n}\n"
    "define i32 @e_reads_l() {\n  %v = load i32, i32* @l_data\n  ret i32 %v\n}\n";
static const char eager_ir_no_ldata[] =
    "@e_data = global i32 5\n"
    "declare i32 @l_square(i32)\n"
    "define i32 @e_twice(i32 %x) {\n  %r = mul i32 %x, 2\n  ret i32 %r\n}\n"
    "define i32 @e_calls_lazy(i32 %x) {\n  %s = call i32 @l_square(i32 %x)\n"
    "  %r = add i32 %s, 1\n  ret i32 %r\n}\n";
static const char eager_reads_ldata[] =
    "@l_data = external global i32\n"
    "define i32 @e_reads_ldata() {\n  %v = load i32, i32* @l_data\n  ret i32 %v\n}\n";
static const char lazy_ir[] =
    "@l_data = global i32 70\n"
    "@e_data = external global i32\n"
    "declare i32 @e_twice(i32)\n"
    "declare i32 @e_calls_lazy(i32)\n"
    "declare i32 @host_add(i32, i32)\n"
    "define i32 @l_square(i32 %x) {\n  %r = mul i32 %x, %x\n  ret i32 %r\n}\n"
    "define i32 @l_calls_eager(i32 %x) {\n  %t = call i32 @e_twice(i32 %x)\n"
    "  %d = load i32, i32* @e_data\n  %r = add i32 %t, %d\n  ret i32 %r\n}\n"
    "define i32 @l_calls_host(i32 %x) {\n  %r = call i32 @host_add(i32 %x, i32 1)\n"
    "  ret i32 %r\n}\n"
    "define i32 @l_ping(i32 %n) {\n"
    "  %z = icmp eq i32 %n, 0\n  br i1 %z, label %done, label %rec\n"
    "done:\n  ret i32 0\n"
    "rec:\n  %m = sub i32 %n, 1\n  %r = call i32 @e_calls_lazy(i32 %m)\n"
    "  %s = add i32 %r, 1\n  ret i32 %s\n}\n";

static void check_mix(hj_engine *e, const char *order)
{
    int (*fn)(int);
    void *p = lookup(e, "e_calls_lazy");
    memcpy(&fn, &p, sizeof fn);
    CHECK_MSG(fn && fn(7) == 50, "%s: eager -> lazy", order);
    p = lookup(e, "l_calls_eager");
    memcpy(&fn, &p, sizeof fn);
    CHECK_MSG(fn && fn(8) == 21, "%s: lazy -> eager + eager data", order);
    p = lookup(e, "l_calls_host");
    memcpy(&fn, &p, sizeof fn);
    CHECK_MSG(fn && fn(2) == 1003, "%s: lazy -> host symbol", order);
    p = lookup(e, "l_ping");
    memcpy(&fn, &p, sizeof fn);
    /* l_ping(3) = e_calls_lazy(2) + 1 = l_square(2) + 2 = 6 */
    CHECK_MSG(fn && fn(3) == 6, "%s: lazy -> eager -> lazy", order);
    hj_link_stats s = stats(e);
    CHECK_MSG(s.lazy_functions == 4 && s.lazy_compiled == 4, "%s: lazy %llu compiled %llu",
              order, s.lazy_functions, s.lazy_compiled);
}

static void test_mix(void)
{
    /* order 1: the eager module first (its call to l_square waits in the stub) */
    hj_engine *e = new_engine();
    CHECK(hj_define_symbol(e, "host_add", (void *)host_add) == HJ_OK);
    CHECK(add_ir(e, "eager.ll", eager_ir_no_ldata, NULL, NULL) == HJ_OK);
    CHECK(add_ir(e, "lazy.ll", lazy_ir, &lazy_opts, NULL) == HJ_OK);
    check_mix(e, "eager first");
    hj_engine_destroy(e);

    /* order 2: the lazy module first; it refers to e_twice and e_data, which come later
     * (its functions are compiled after the eager module is there); the eager module
     * reads the lazy module's variable */
    e = new_engine();
    CHECK(hj_define_symbol(e, "host_add", (void *)host_add) == HJ_OK);
    const char lazy_no_edata[] =
        "@l_data = global i32 70\n"
        "define i32 @l_only(i32 %x) {\n  %r = add i32 %x, 1\n  ret i32 %r\n}\n";
    CHECK(add_ir(e, "lazy_first.ll", lazy_no_edata, &lazy_opts, NULL) == HJ_OK);
    CHECK(add_ir(e, "eager_reads.ll", eager_reads_ldata, NULL, NULL) == HJ_OK);
    CHECK(check_call_int(e, "e_reads_ldata") == 70);
    hj_engine_destroy(e);

    e = new_engine();
    CHECK(hj_define_symbol(e, "host_add", (void *)host_add) == HJ_OK);
    const char lazy_calls_later[] =
        "declare i32 @e_twice(i32)\n"
        "@l_data = global i32 70\n"
        "define i32 @l_calls_later(i32 %x) {\n  %t = call i32 @e_twice(i32 %x)\n"
        "  %r = add i32 %t, 3\n  ret i32 %r\n}\n";
    CHECK(add_ir(e, "lazy_calls_later.ll", lazy_calls_later, &lazy_opts, NULL) == HJ_OK);
    CHECK(add_ir(e, "eager2.ll", eager_ir, NULL, NULL) == HJ_OK); /* reads @l_data */
    int (*fn)(int);
    void *p = lookup(e, "l_calls_later");
    memcpy(&fn, &p, sizeof fn);
    CHECK(fn && fn(10) == 23);
    CHECK(check_call_int(e, "e_reads_l") == 70);
    hj_engine_destroy(e);
}

/* A constructor of a lazy module calls a function of its own module and one of an
 * earlier lazy module: compiled while the module is being added. alarm() turns a
 * deadlock (a first call waiting for the engine lock the add holds) into a failure. */
static void test_constructor_calls_lazy(void)
{
    hj_engine *e = new_engine();
    const char *first = "define i32 @helper_from_first(i32 %x) {\n  %r = mul i32 %x, 10\n"
                        "  ret i32 %r\n}\n";
    const char *second =
        "@result = global i32 0\n"
        "@llvm.global_ctors = appending global [1 x { i32, void ()*, i8* }] "
        "[{ i32, void ()*, i8* } { i32 65535, void ()* @init, i8* null }]\n"
        "declare i32 @helper_from_first(i32)\n"
        "define i32 @own_helper(i32 %x) {\n  %r = add i32 %x, 3\n  ret i32 %r\n}\n"
        "define internal void @init() {\n"
        "  %a = call i32 @own_helper(i32 4)\n"
        "  %b = call i32 @helper_from_first(i32 %a)\n"
        "  store i32 %b, i32* @result\n  ret void\n}\n"
        "define i32 @get_result() {\n  %v = load i32, i32* @result\n  ret i32 %v\n}\n";
    CHECK(add_ir(e, "first.ll", first, &lazy_opts, NULL) == HJ_OK);
    alarm(60);
    CHECK(add_ir(e, "second.ll", second, &lazy_opts, NULL) == HJ_OK);
    alarm(600);
    CHECK(check_call_int(e, "get_result") == 70);
    hj_engine_destroy(e);
}

/* hj_add_llvm_module with lazy: a module built with the C API, in its own context. */
static void test_llvm_module_lazy(void)
{
    LLVMContextRef ctx = LLVMContextCreate();
    LLVMModuleRef m = LLVMModuleCreateWithNameInContext("built_lazy", ctx);
    LLVMTypeRef i32 = LLVMInt32TypeInContext(ctx);
    LLVMBuilderRef b = LLVMCreateBuilderInContext(ctx);
    LLVMValueRef fns[3];
    for (int i = 0; i < 3; i++) {
        char name[16];
        snprintf(name, sizeof name, "built%d", i);
        fns[i] = LLVMAddFunction(m, name, LLVMFunctionType(i32, &i32, 1, 0));
        LLVMPositionBuilderAtEnd(b, LLVMAppendBasicBlockInContext(ctx, fns[i], "entry"));
        LLVMValueRef v = LLVMBuildMul(b, LLVMGetParam(fns[i], 0), LLVMConstInt(i32, (unsigned)i + 2, 0), "r");
        if (i > 0) { /* built<i>(x) = built<i-1>(x) + x*(i+2) */
            LLVMTypeRef fty = LLVMFunctionType(i32, &i32, 1, 0);
            LLVMValueRef arg = LLVMGetParam(fns[i], 0);
            LLVMValueRef prev = LLVMBuildCall2(b, fty, fns[i - 1], &arg, 1, "p");
            v = LLVMBuildAdd(b, v, prev, "s");
        }
        LLVMBuildRet(b, v);
    }
    LLVMDisposeBuilder(b);
    hj_engine *e = new_engine();
    CHECK(hj_add_llvm_module(e, "built_lazy", m, &lazy_opts, NULL) == HJ_OK);
    CHECK(stats(e).lazy_functions == 3 && stats(e).lazy_compiled == 0);
    void *p = lookup(e, "built2");
    int (*fn)(int);
    memcpy(&fn, &p, sizeof fn);
    CHECK(fn && fn(1) == 2 + 3 + 4);
    /* built2 may carry copies of its small callees, compiled with it: 1 to 3 so far */
    hj_link_stats s = stats(e);
    CHECK_MSG(s.lazy_compiled >= 1 && s.lazy_compiled <= 3, "lazy_compiled %llu", s.lazy_compiled);
    memcpy(&fn, (void *[]){lookup(e, "built0")}, sizeof fn);
    CHECK(fn && fn(5) == 10);
    memcpy(&fn, (void *[]){lookup(e, "built1")}, sizeof fn);
    CHECK(fn && fn(5) == 25);
    CHECK(stats(e).lazy_compiled == 3); /* each function compiled once, at its first call */
    hj_engine_destroy(e);
    LLVMContextDispose(ctx);
}

/* ------------------------------------------------------------------------------------
 * Replace and remove
 * ------------------------------------------------------------------------------------ */

/* Version v of the swapped module: a kept counter, step() = v*1000 + ++counter,
 * version(), pending() (never called in v1), only_v<v>(). */
static char *gen_version(int v)
{
    text t = {0};
    add(&t, "@counter = global i32 0\n");
    add(&t, "define i32 @step() {\n  %%c = load i32, i32* @counter\n  %%n = add i32 %%c, 1\n"
            "  store i32 %%n, i32* @counter\n  %%r = add i32 %%n, %d\n  ret i32 %%r\n}\n",
        v * 1000);
    add(&t, "define i32 @version() {\n  ret i32 %d\n}\n", v);
    add(&t, "define i32 @pending() {\n  %%r = call i32 @version()\n  %%s = mul i32 %%r, 100\n"
            "  ret i32 %%s\n}\n");
    add(&t, "define i32 @only_v%d() {\n  ret i32 %d\n}\n", v, v);
    return t.s;
}

static const char caller_ir[] =
    "declare i32 @step()\n"
    "define i32 @call_step() {\n  %r = call i32 @step()\n  ret i32 %r\n}\n";

static int write_file(const char *path, const char *s)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return -1;
    fputs(s, f);
    return fclose(f);
}

static void test_replace(void)
{
    char dir[] = "/tmp/hotjit-lazy-test-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char path[4][4200];
    for (int v = 1; v <= 4; v++) {
        snprintf(path[v - 1], sizeof path[v - 1], "%s/swap_v%d.ll", dir, v);
        char *ir = gen_version(v);
        CHECK(write_file(path[v - 1], ir) == 0);
        free(ir);
    }
    hj_engine *e = new_engine();
    hj_module *m = NULL;
    const char *p1 = path[0];
    CHECK(hj_add_files(e, &p1, 1, &lazy_opts, &m) == HJ_OK);
    CHECK(add_ir(e, "caller.ll", caller_ir, &lazy_opts, NULL) == HJ_OK);
    CHECK(stats(e).lazy_functions == 5);
    void *step = lookup(e, "step"), *version = lookup(e, "version"), *pending = lookup(e, "pending");
    int (*step_fn)(void), (*version_fn)(void), (*pending_fn)(void);
    memcpy(&step_fn, &step, sizeof step_fn);
    memcpy(&version_fn, &version, sizeof version_fn);
    memcpy(&pending_fn, &pending, sizeof pending_fn);
    CHECK(step_fn() == 1001 && check_call_int(e, "call_step") == 1002);
    CHECK(check_call_int(e, "only_v1") == 1);
    /* version and pending were never called in v1 */

    /* v1 (lazy) -> v2 (lazy), state kept */
    CHECK(hj_replace_file(e, m, path[1], &lazy_opts, HJ_REPLACE_KEEP_STATE, &m) == HJ_OK);
    CHECK_MSG(step_fn() == 2003, "old pointer after lazy -> lazy: %d", step_fn());
    CHECK(check_call_int(e, "call_step") == 2004); /* a caller compiled before the swap */
    CHECK(version_fn() == 2 && pending_fn() == 200);
    void *gone;
    CHECK(hj_lookup(e, "only_v1", &gone) == HJ_ERR_UNDEFINED);
    CHECK(check_call_int(e, "only_v2") == 2);
    CHECK(lookup(e, "step") == step && lookup(e, "pending") == pending);

    /* v2 -> v3 eager: the kept counter goes on, the pointers reach eager code */
    CHECK(hj_replace_file(e, m, path[2], NULL, HJ_REPLACE_KEEP_STATE, &m) == HJ_OK);
    CHECK(step_fn() == 3005 && version_fn() == 3 && pending_fn() == 300);

    /* v3 -> v4 lazy again; pending() is not called before step() this time */
    CHECK(hj_replace_file(e, m, path[3], &lazy_opts, HJ_REPLACE_KEEP_STATE, &m) == HJ_OK);
    CHECK(check_call_int(e, "call_step") == 4006 && step_fn() == 4007);
    CHECK(pending_fn() == 400 && check_call_int(e, "only_v4") == 4);

    /* fresh state: the counter starts again */
    CHECK(hj_replace_file(e, m, path[1], &lazy_opts, HJ_REPLACE_FRESH_STATE, &m) == HJ_OK);
    CHECK(step_fn() == 2001 && check_call_int(e, "call_step") == 2002);
    hj_engine_destroy(e);

    for (int v = 0; v < 4; v++)
        unlink(path[v]);
    rmdir(dir);
}

/* What `hotjit watch` does to examples/live/pattern.c: a table of string pointers is
 * replaced by a new version with other strings, and the new strings must show. Eagerly
 * the table may be writable in the IR (nothing writes it: optimised whole, it becomes
 * read-only). A lazy module is not optimised whole, so writable data is kept state
 * whatever the code does with it (README): there the table is declared constant, as
 * `static const char *const` gives. */
static char *gen_pattern(const char *a, const char *b, int constant)
{
    text t = {0};
    add(&t, "@.a = private unnamed_addr constant [%zu x i8] c\"%s\\00\"\n", strlen(a) + 1, a);
    add(&t, "@.b = private unnamed_addr constant [%zu x i8] c\"%s\\00\"\n", strlen(b) + 1, b);
    add(&t, "@steps = internal %s [2 x i8*] [i8* getelementptr inbounds ([%zu x i8], "
            "[%zu x i8]* @.a, i64 0, i64 0), i8* getelementptr inbounds ([%zu x i8], "
            "[%zu x i8]* @.b, i64 0, i64 0)]\n",
        constant ? "constant" : "global", strlen(a) + 1, strlen(a) + 1, strlen(b) + 1,
        strlen(b) + 1);
    add(&t, "define i8* @pattern(i32 %%beat) {\n  %%i = and i32 %%beat, 1\n"
            "  %%w = zext i32 %%i to i64\n"
            "  %%p = getelementptr inbounds [2 x i8*], [2 x i8*]* @steps, i64 0, i64 %%w\n"
            "  %%s = load i8*, i8** %%p\n  ret i8* %%s\n}\n");
    return t.s;
}

static void test_replace_unwritten_table(int lazy)
{
    char dir[] = "/tmp/hotjit-lazy-table-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char p2[4200];
    snprintf(p2, sizeof p2, "%s/pattern.ll", dir);
    char *v1 = gen_pattern("kick", "hat", lazy), *v2 = gen_pattern("one", "two", lazy);
    CHECK(write_file(p2, v2) == 0);
    hj_engine *e = new_engine();
    hj_module *m = NULL;
    hj_ir_options o = {.lazy = lazy};
    CHECK(add_ir(e, "pattern.ll", v1, &o, &m) == HJ_OK);
    const char *(*pattern)(int);
    void *p = lookup(e, "pattern");
    memcpy(&pattern, &p, sizeof pattern);
    CHECK(pattern && !strcmp(pattern(0), "kick") && !strcmp(pattern(1), "hat"));
    CHECK(hj_replace_file(e, m, p2, &o, HJ_REPLACE_KEEP_STATE, &m) == HJ_OK);
    const char *s0 = pattern(0), *s1 = pattern(1);
    CHECK_MSG(!strcmp(s0, "one") && !strcmp(s1, "two"),
              "%s: after the replace: '%s' '%s', expected 'one' 'two'", lazy ? "lazy" : "eager", s0, s1);
    hj_engine_destroy(e);
    free(v1);
    free(v2);
    unlink(p2);
    rmdir(dir);
}

/* The replace of a lazy module by a new version racing with first calls: 4 threads keep
 * calling pointers taken before anything was compiled while versions alternate. */
#define RACE_THREADS 4
#define RACE_SWAPS 60
static hj_engine *race_engine;
static void *race_step, *race_version;
static atomic_int race_done, race_bad;

static void *race_caller(void *arg)
{
    (void)arg;
    int (*version_fn)(void);
    memcpy(&version_fn, &race_version, sizeof version_fn);
    hj_attach(race_engine);
    while (!atomic_load(&race_done)) {
        int v = version_fn();
        if (v != 1 && v != 2)
            atomic_fetch_add(&race_bad, 1);
        hj_quiescent(race_engine);
    }
    hj_detach(race_engine);
    return NULL;
}

static void test_replace_race(void)
{
    hj_engine *e = race_engine = new_engine();
    char *v1 = gen_version(1), *v2 = gen_version(2);
    char dir[] = "/tmp/hotjit-lazy-race-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char p1[4200], p2[4200];
    snprintf(p1, sizeof p1, "%s/v1.ll", dir);
    snprintf(p2, sizeof p2, "%s/v2.ll", dir);
    CHECK(write_file(p1, v1) == 0 && write_file(p2, v2) == 0);
    hj_module *m = NULL;
    CHECK(add_ir(e, "race.ll", v1, &lazy_opts, &m) == HJ_OK);
    race_step = lookup(e, "step");
    race_version = lookup(e, "version");
    atomic_store(&race_done, 0);
    atomic_store(&race_bad, 0);
    CHECK(hj_attach(e) == HJ_OK);
    pthread_t th[RACE_THREADS];
    for (int t = 0; t < RACE_THREADS; t++)
        pthread_create(&th[t], NULL, race_caller, NULL);
    int failures = 0;
    for (int i = 0; i < RACE_SWAPS; i++) {
        failures += hj_replace_file(e, m, i % 2 ? p1 : p2, &lazy_opts, 0, &m) != HJ_OK;
        hj_quiescent(e);
    }
    atomic_store(&race_done, 1);
    for (int t = 0; t < RACE_THREADS; t++)
        pthread_join(th[t], NULL);
    CHECK(failures == 0);
    CHECK_MSG(atomic_load(&race_bad) == 0, "%d calls returned a wrong version", atomic_load(&race_bad));
    int (*version_fn)(void);
    memcpy(&version_fn, &race_version, sizeof version_fn);
    CHECK(version_fn() == (RACE_SWAPS % 2 ? 2 : 1));
    hj_detach(e);
    hj_engine_destroy(e);
    free(v1);
    free(v2);
    unlink(p1);
    unlink(p2);
    rmdir(dir);
}

/* After hj_remove, old pointers to compiled and to never-compiled functions of the lazy
 * module trap (status 127, the name in the message). */
static void *removed_fn;

static void call_removed(void *arg)
{
    (void)arg;
    int (*fn)(void);
    memcpy(&fn, &removed_fn, sizeof fn);
    fn();
}

static void test_remove(void)
{
    hj_engine *e = new_engine();
    char *ir = gen_version(1);
    hj_module *m = NULL;
    CHECK(add_ir(e, "removed.ll", ir, &lazy_opts, &m) == HJ_OK);
    void *step = lookup(e, "step"), *pending = lookup(e, "pending");
    CHECK(check_call_int(e, "step") == 1001); /* compiled; version/pending/only_v1 are not */
    CHECK(check_call_int(e, "only_v1") == 1);
    CHECK(hj_remove(e, m) == HJ_OK);
    void *p;
    CHECK(hj_lookup(e, "step", &p) == HJ_ERR_UNDEFINED);
    CHECK(hj_lookup(e, "pending", &p) == HJ_ERR_UNDEFINED);
    char msg[512];
    removed_fn = step;
    int status = check_in_child(call_removed, NULL, msg, sizeof msg);
    CHECK_MSG(WIFEXITED(status) && WEXITSTATUS(status) == 127, "compiled, removed: status %#x", status);
    CHECK_CONTAINS(msg, "'step'");
    removed_fn = pending;
    status = check_in_child(call_removed, NULL, msg, sizeof msg);
    CHECK_MSG(WIFEXITED(status) && WEXITSTATUS(status) == 127, "uncompiled, removed: status %#x", status);
    CHECK_CONTAINS(msg, "'pending'");
    /* the same names can come back, lazily again, through the same stubs */
    CHECK(add_ir(e, "again.ll", ir, &lazy_opts, &m) == HJ_OK);
    CHECK(lookup(e, "pending") == pending);
    CHECK(check_call_int(e, "pending") == 100 && check_call_int(e, "step") == 1001);
    /* removing a module none of whose functions was ever compiled */
    CHECK(hj_remove(e, m) == HJ_OK);
    CHECK(add_ir(e, "third.ll", ir, &lazy_opts, &m) == HJ_OK);
    CHECK(hj_remove(e, m) == HJ_OK);
    free(ir);
    hj_engine_destroy(e);
}

/* A lazily compiled function that reads a variable nobody defines ends the program at
 * its first call: status 127, the function and the variable named. */
static void call_broken(void *arg)
{
    (void)arg;
    hj_engine *e = NULL;
    const char *ir = "@nowhere_var = external global i32\n"
                     "define i32 @reads_nowhere() {\n  %v = load i32, i32* @nowhere_var\n"
                     "  ret i32 %v\n}\n";
    void *p;
    if (hj_engine_create(&e, NULL) != HJ_OK ||
        hj_add_ir(e, "broken.ll", ir, strlen(ir), &lazy_opts, NULL) != HJ_OK ||
        hj_lookup(e, "reads_nowhere", &p) != HJ_OK)
        _exit(3);
    ((int (*)(void))p)();
    _exit(0);
}

/* A first call made while its thread is inside hotjit, as by a signal handler that
 * interrupted an hj_* call (simulated: the thread's count of hotjit locks held is
 * raised): the program ends with a message instead of waiting forever for a lock its
 * own thread holds. */
static void call_inside_hotjit(void *arg)
{
    (void)arg;
    hj_engine *e = NULL;
    char *ir = gen_funcs("h", 1, 0);
    void *p;
    if (hj_engine_create(&e, NULL) != HJ_OK || hj_add_ir(e, "h.ll", ir, strlen(ir), &lazy_opts, NULL) != HJ_OK ||
        hj_lookup(e, "h0", &p) != HJ_OK)
        _exit(3);
    hj_locks_held++;
    call_l(p, 1);
    _exit(0);
}

static void test_first_call_inside_hotjit(void)
{
    char msg[512];
    int status = check_in_child(call_inside_hotjit, NULL, msg, sizeof msg);
    CHECK_MSG(WIFEXITED(status) && WEXITSTATUS(status) == 127, "status %#x, stderr '%s'", status, msg);
    CHECK_CONTAINS(msg, "while its thread was inside hotjit");
}

static void test_undefined_at_first_call(void)
{
    char msg[512];
    int status = check_in_child(call_broken, NULL, msg, sizeof msg);
    CHECK_MSG(WIFEXITED(status) && WEXITSTATUS(status) == 127, "status %#x, stderr '%s'", status, msg);
    CHECK_CONTAINS(msg, "reads_nowhere");
    CHECK_CONTAINS(msg, "nowhere_var");
}

int main(void)
{
    alarm(600); /* a hang (a first call that never finishes) fails the test */
    test_counts_and_addresses();
    test_what_goes_along();
    test_on_code_at_first_call();
    test_small_stack_first_call();
    test_first_call_on_sigaltstack();
    test_add_time_errors();
    test_mix();
    test_constructor_calls_lazy();
    test_llvm_module_lazy();
    for (int round = 0; round < 3; round++)
        test_threads_first_calls(round);
    test_replace();
    test_replace_unwritten_table(0);
    test_replace_unwritten_table(1);
    test_replace_race();
    test_remove();
    test_undefined_at_first_call();
    test_first_call_inside_hotjit();
    return check_report("lazy");
}
