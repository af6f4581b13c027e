/* Tiers of lazy compilation (hj_ir_options.lazy_tier_up): a function without loops or
 * calls of itself is first compiled at -O0, and again at its module's level after its
 * Nth call, by the engine's tier thread, once however many threads make that call at
 * the same moment; its address stays its stub and its data one; parts compiled
 * meanwhile reach the new code; a function with a loop, calling itself or setjmp, or
 * naked, is compiled at the module's level at once; an -O0 module has no tiers; the Nth
 * call made in a signal handler that interrupted malloc; replacing and removing a
 * module whose functions are in either tier. */
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <sys/time.h>
#include <time.h>
#include <stdint.h>
#include <unistd.h>

#include "hotjit.h"
#include "check.h"
#include "jit_calls.h"

/* brief: no loop, counts its calls in @calls (atomically: threads), 3x + K.
 * looping: a loop calling brief; self: calls itself. */
static char *module_ir(int k)
{
    static const char *fmt =
        "@calls = global i64 0\n"
        "define i64 @brief(i64 %%x) {\n"
        "  %%old = atomicrmw add i64* @calls, i64 1 seq_cst\n"
        "  %%m = mul i64 %%x, 3\n  %%r = add i64 %%m, %d\n  ret i64 %%r\n}\n"
        "define i64 @looping(i64 %%n) {\nentry:\n  br label %%head\n"
        "head:\n  %%i = phi i64 [0, %%entry], [%%i1, %%body]\n"
        "  %%s = phi i64 [0, %%entry], [%%s1, %%body]\n"
        "  %%done = icmp sge i64 %%i, %%n\n  br i1 %%done, label %%exit, label %%body\n"
        "body:\n  %%c = call i64 @brief(i64 %%i)\n  %%s1 = add i64 %%s, %%c\n"
        "  %%i1 = add i64 %%i, 1\n  br label %%head\nexit:\n  ret i64 %%s\n}\n"
        "define i64 @self(i64 %%n) {\n  %%z = icmp sle i64 %%n, 0\n"
        "  br i1 %%z, label %%base, label %%rec\nbase:\n  ret i64 0\n"
        "rec:\n  %%m = sub i64 %%n, 1\n  %%r = call i64 @self(i64 %%m)\n"
        "  %%s = add i64 %%r, %%n\n  ret i64 %%s\n}\n";
    char *ir = malloc(2048);
    if (!ir)
        abort();
    snprintf(ir, 2048, fmt, k);
    return ir;
}

static int brief_bodies; /* on_code: bodies of brief placed */

static void on_code(void *ctx, const hj_code_info *info)
{
    (void)ctx;
    if (info->kind == HJ_CODE_FUNCTION && !strcmp(info->name, "brief"))
        __atomic_add_fetch(&brief_bodies, 1, __ATOMIC_SEQ_CST);
}

static hj_engine *new_engine(void)
{
    hj_engine *e = NULL;
    hj_engine_options eo = {.on_code = on_code};
    brief_bodies = 0;
    CHECK(hj_engine_create(&e, &eo) == HJ_OK);
    return e;
}

static void add_text(hj_engine *e, const char *name, const char *ir, const hj_ir_options *o)
{
    CHECK_MSG(hj_add_ir(e, name, ir, strlen(ir), o, NULL) == HJ_OK, "%s: %s", name, hj_errmsg(e));
}

static void add_module(hj_engine *e, int k, const hj_ir_options *o)
{
    char *ir = module_ir(k);
    add_text(e, "tiers.ll", ir, o);
    free(ir);
}

static long calls_so_far(hj_engine *e)
{
    return *(long *)lookup(e, "calls");
}

/* Tier-ups happen on the engine's thread: waits (up to 20 s) until `done` of them
 * have been made and on_code has heard of `bodies` bodies of brief (0: not asked). */
static bool tier_ups_done(hj_engine *e, unsigned long long done, int bodies)
{
    for (int i = 0; i < 2000; i++) {
        if (stats(e).lazy_tier_ups >= done && __atomic_load_n(&brief_bodies, __ATOMIC_SEQ_CST) >= bodies)
            return true;
        nanosleep(&(struct timespec){0, 10 * 1000 * 1000}, NULL);
    }
    return false;
}

static void test_tier_up_once(void)
{
    hj_engine *e = new_engine();
    const hj_ir_options o = {.lazy = 1, .lazy_tier_up = 5};
    add_module(e, 1, &o);
    void *brief = lookup(e, "brief");
    for (long x = 0; x < 4; x++)
        CHECK(call_l(brief, x) == 3 * x + 1);
    hj_link_stats s = stats(e);
    CHECK_MSG(s.lazy_compiled == 1 && s.lazy_baseline == 1 && s.lazy_tier_ups == 0,
              "after 4 calls: compiled %llu, baseline %llu, tier-ups %llu", s.lazy_compiled,
              s.lazy_baseline, s.lazy_tier_ups);
    CHECK(brief_bodies == 1);
    CHECK(call_l(brief, 10) == 31); /* the 5th call: asks for the tier-up, goes on at -O0 */
    CHECK(tier_ups_done(e, 1, 2));
    s = stats(e);
    CHECK_MSG(s.lazy_tier_ups == 1 && s.lazy_tier_up_ns > 0, "after the 5th call: %llu tier-ups",
              s.lazy_tier_ups);
    CHECK_MSG(brief_bodies == 2, "bodies of brief: %d", brief_bodies);
    CHECK(lookup(e, "brief") == brief);
    for (long x = 0; x < 100; x++)
        CHECK(call_l(brief, x) == 3 * x + 1);
    CHECK(stats(e).lazy_tier_ups == 1 && brief_bodies == 2);
    CHECK_MSG(calls_so_far(e) == 105, "calls counted: %ld", calls_so_far(e));
    /* a loop, a call of itself: the module's level at once */
    CHECK(call_l(lookup(e, "looping"), 10) == 145);
    CHECK(call_l(lookup(e, "self"), 10) == 55);
    s = stats(e);
    CHECK_MSG(s.lazy_compiled == 3 && s.lazy_baseline == 1 && s.lazy_tier_ups == 1,
              "compiled %llu, baseline %llu, tier-ups %llu", s.lazy_compiled, s.lazy_baseline,
              s.lazy_tier_ups);
    hj_engine_destroy(e);

    /* -O0: nothing to gain, no tiers */
    e = new_engine();
    const hj_ir_options o0 = {.opt_level = HJ_OPT_O0, .lazy = 1, .lazy_tier_up = 2};
    add_module(e, 1, &o0);
    brief = lookup(e, "brief");
    for (long x = 0; x < 10; x++)
        CHECK(call_l(brief, x) == 3 * x + 1);
    s = stats(e);
    CHECK(s.lazy_compiled == 1 && s.lazy_baseline == 0 && s.lazy_tier_ups == 0);
    hj_engine_destroy(e);
}

/* A function compiled while another is in its baseline code calls it through its stub,
 * not straight into the baseline body (as it does with compiled functions), or it would
 * call the -O0 code for good. `where` returns an address inside the body that runs. */
static const char *where_ir =
    "define i64 @where() noinline {\n"
    "  %pc = call i64 asm sideeffect \"leaq 0(%rip), $0\", \"=r\"()\n  ret i64 %pc\n}\n"
    "define i64 @calls_where(i64 %n) {\nentry:\n  br label %head\n"
    "head:\n  %i = phi i64 [0, %entry], [%i1, %head]\n  %w = call i64 @where()\n"
    "  %i1 = add i64 %i, 1\n  %more = icmp slt i64 %i1, %n\n"
    "  br i1 %more, label %head, label %exit\nexit:\n  ret i64 %w\n}\n";

static void test_callers_reach_tier_up(void)
{
    hj_engine *e = new_engine();
    const hj_ir_options o = {.lazy = 1, .lazy_tier_up = 4};
    add_text(e, "where.ll", where_ir, &o);
    void *where = lookup(e, "where"), *calls_where = lookup(e, "calls_where");
    long base = call_l(where, 0);
    CHECK(call_l(where, 0) == base);
    CHECK(call_l(calls_where, 1) == base); /* compiled now; where's 3rd call */
    CHECK(call_l(where, 0) == base);       /* the 4th: asks for its tier-up */
    CHECK(tier_ups_done(e, 1, 0));
    long tiered = call_l(where, 0);
    CHECK_MSG(tiered != base, "where still runs its baseline code");
    CHECK_MSG(call_l(calls_where, 1) == tiered, "calls_where reaches the baseline code: %s",
              call_l(calls_where, 1) == base ? "called straight" : "neither");
    hj_engine_destroy(e);
}

/* Also at the module's level at once: a function calling setjmp (a longjmp back into it
 * is a loop), a naked one (no entry code of its own to count calls), one taking its
 * labels' addresses (kept in data, they would lead into the other version's code) and
 * one placing data from inline assembly (each version would have its own). */
static const char *not_brief_ir =
    "%struct.jmp = type { [64 x i64] }\n"
    "declare i32 @_setjmp(i8*) returns_twice\n"
    "define i64 @jumps(i64 %x) {\n  %buf = alloca %struct.jmp, align 16\n"
    "  %p = bitcast %struct.jmp* %buf to i8*\n  %r = call i32 @_setjmp(i8* %p) returns_twice\n"
    "  %r64 = sext i32 %r to i64\n  %s = add i64 %x, %r64\n  ret i64 %s\n}\n"
    "define i64 @naked_one(i64 %x) naked noinline {\n"
    "  call void asm sideeffect \"leaq 1(%rdi), %rax\\0Aret\", \"\"()\n  unreachable\n}\n"
    "@saved = global i8* null\n"
    "define i64 @labels(i64 %x) {\nentry:\n  %z = icmp eq i64 %x, 0\n"
    "  br i1 %z, label %save, label %jump\nsave:\n"
    "  store i8* blockaddress(@labels, %one), i8** @saved\n  ret i64 0\n"
    "jump:\n  %to = load i8*, i8** @saved\n  indirectbr i8* %to, [label %one]\n"
    "one:\n  %r = add i64 %x, 1\n  ret i64 %r\n}\n"
    "define i64 @asm_data(i64 %x) {\n  %v = call i64 asm sideeffect \".pushsection .data\\0A"
    ".p2align 3\\0A1: .quad 0\\0A.popsection\\0Aincq 1b(%rip)\\0Amovq 1b(%rip), $0\", "
    "\"=r,~{memory}\"()\n  ret i64 %v\n}\n";

static void test_not_brief(void)
{
    hj_engine *e = new_engine();
    const hj_ir_options o = {.lazy = 1, .lazy_tier_up = 2};
    add_text(e, "not_brief.ll", not_brief_ir, &o);
    CHECK(call_l(lookup(e, "labels"), 0) == 0);
    for (long x = 0; x < 3; x++) {
        CHECK(call_l(lookup(e, "jumps"), x) == x);
        CHECK(call_l(lookup(e, "naked_one"), x) == x + 1);
        CHECK(call_l(lookup(e, "labels"), x + 1) == x + 2);
        CHECK(call_l(lookup(e, "asm_data"), 0) == x + 1);
    }
    hj_link_stats s = stats(e);
    CHECK_MSG(s.lazy_compiled == 4 && s.lazy_baseline == 0, "compiled %llu, baseline %llu",
              s.lazy_compiled, s.lazy_baseline);
    hj_engine_destroy(e);
}

#define NTHREADS 8
#define THREAD_CALLS 2000

typedef struct caller {
    void *brief;
    pthread_barrier_t *start;
    int wrong;
} caller;

static void *call_many(void *arg)
{
    caller *c = arg;
    pthread_barrier_wait(c->start);
    for (long x = 0; x < THREAD_CALLS; x++)
        c->wrong += call_l(c->brief, x) != 3 * x + 1;
    return NULL;
}

/* 8 threads pass the 50th call at once: one tier-up; every result right meanwhile. */
static void test_threads(void)
{
    hj_engine *e = new_engine();
    const hj_ir_options o = {.lazy = 1, .lazy_tier_up = 50};
    add_module(e, 1, &o);
    pthread_barrier_t start;
    pthread_barrier_init(&start, NULL, NTHREADS);
    caller c[NTHREADS];
    pthread_t t[NTHREADS];
    for (int i = 0; i < NTHREADS; i++) {
        c[i] = (caller){lookup(e, "brief"), &start, 0};
        CHECK(pthread_create(&t[i], NULL, call_many, &c[i]) == 0);
    }
    int wrong = 0;
    for (int i = 0; i < NTHREADS; i++) {
        pthread_join(t[i], NULL);
        wrong += c[i].wrong;
    }
    pthread_barrier_destroy(&start);
    CHECK_MSG(wrong == 0, "%d wrong results", wrong);
    CHECK(tier_ups_done(e, 1, 0));
    hj_link_stats s = stats(e);
    CHECK_MSG(s.lazy_compiled == 1 && s.lazy_baseline == 1 && s.lazy_tier_ups == 1,
              "compiled %llu, baseline %llu, tier-ups %llu", s.lazy_compiled, s.lazy_baseline,
              s.lazy_tier_ups);
    CHECK(calls_so_far(e) == NTHREADS * THREAD_CALLS);
    hj_engine_destroy(e);
}

/* The Nth call made in a signal handler that interrupted the main thread in malloc or
 * free: asking for the tier-up only posts to the tier thread (compiling there, in the
 * handler, corrupted the heap). */
static void *handler_brief;
static volatile long handler_calls, handler_wrong;

static void on_alarm(int sig)
{
    (void)sig;
    long x = handler_calls++;
    handler_wrong += call_l(handler_brief, x) != 3 * x + 1;
}

static void test_asked_in_signal_handler(void)
{
    hj_engine *e = new_engine();
    const hj_ir_options o = {.lazy = 1, .lazy_tier_up = 20};
    add_module(e, 1, &o);
    handler_brief = lookup(e, "brief");
    CHECK(call_l(handler_brief, 0) == 1); /* compiled here, not in the handler */
    struct sigaction sa = {.sa_handler = on_alarm}, old;
    sigaction(SIGALRM, &sa, &old);
    struct itimerval every = {{0, 500}, {0, 500}}, off = {{0, 0}, {0, 0}};
    setitimer(ITIMER_REAL, &every, NULL);
    void *keep[64] = {0};
    unsigned k = 1;
    while (handler_calls < 60) {
        k = k * 1103515245u + 12345u;
        free(keep[(k >> 8) & 63]);
        keep[(k >> 8) & 63] = malloc(1500 + (k >> 16) % 20000);
    }
    setitimer(ITIMER_REAL, &off, NULL);
    sigaction(SIGALRM, &old, NULL);
    for (int i = 0; i < 64; i++)
        free(keep[i]);
    CHECK(handler_wrong == 0);
    CHECK(tier_ups_done(e, 1, 2));
    hj_engine_destroy(e);
}

static int write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return -1;
    int bad = fputs(text, f) < 0;
    return fclose(f) || bad ? -1 : 0;
}

/* A baseline function replaced (state kept) before its tier-up, the new version's
 * function tiered up through the old pointer, then the module removed. */
static void test_replace_and_remove(void)
{
    char dir[] = "/tmp/hotjit-tiers-test-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char path[2][4200];
    for (int v = 0; v < 2; v++) {
        snprintf(path[v], sizeof path[v], "%s/tiers_v%d.ll", dir, v + 1);
        char *ir = module_ir(v + 1);
        CHECK(write_file(path[v], ir) == 0);
        free(ir);
    }
    hj_engine *e = new_engine();
    const hj_ir_options o = {.lazy = 1, .lazy_tier_up = 3};
    hj_module *m = NULL;
    const char *p1 = path[0];
    CHECK(hj_add_files(e, &p1, 1, &o, &m) == HJ_OK);
    void *brief = lookup(e, "brief");
    CHECK(call_l(brief, 1) == 4 && call_l(brief, 2) == 7); /* 2 of 3 calls */
    CHECK(hj_replace_file(e, m, path[1], &o, HJ_REPLACE_KEEP_STATE, &m) == HJ_OK);
    for (long x = 0; x < 5; x++)
        CHECK_MSG(call_l(brief, x) == 3 * x + 2, "version 2, call %ld", x);
    CHECK(tier_ups_done(e, 1, 0));
    hj_link_stats s = stats(e);
    CHECK_MSG(s.lazy_baseline == 2 && s.lazy_tier_ups == 1, "baseline %llu, tier-ups %llu",
              s.lazy_baseline, s.lazy_tier_ups);
    CHECK(calls_so_far(e) == 7);
    CHECK(call_l(lookup(e, "looping"), 4) == 3 * 6 + 8);
    CHECK(hj_remove(e, m) == HJ_OK);
    void *gone;
    CHECK(hj_lookup(e, "brief", &gone) == HJ_ERR_UNDEFINED);
    m = NULL;
    CHECK(hj_add_files(e, &p1, 1, &o, &m) == HJ_OK); /* the name comes back, tiers again */
    for (long x = 0; x < 5; x++)
        CHECK(call_l(brief, x) == 3 * x + 1);
    CHECK(tier_ups_done(e, 2, 0));
    hj_engine_destroy(e);
    for (int v = 0; v < 2; v++)
        unlink(path[v]);
    rmdir(dir);
}

int main(void)
{
    alarm(300); /* a hang fails the test */
    test_tier_up_once();
    test_callers_reach_tier_up();
    test_not_brief();
    test_threads();
    test_asked_in_signal_handler();
    test_replace_and_remove();
    return check_report("tiers");
}
