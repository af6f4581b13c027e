#define _POSIX_C_SOURCE 200809L
/* lazy_overhead — what lazy compilation costs per function, and whether that grows with
 * the size of the module.
 *
 * usage: lazy_overhead [-O LEVEL] [-k CALLS] [-r ROUNDS] [--eager-max M] [N...]
 *   N         module sizes in functions (default 300 3000 10000)
 *   -O LEVEL  0..3 (default 2)
 *   -k CALLS  functions called per module (default 100)
 *   -r ROUNDS rounds, each with a fresh engine per size (default 3)
 *   --eager-max M  add the whole module eagerly too (reference time and output check)
 *             only for sizes up to M functions (default 3000; 0: never). At -O2 the
 *             eager add takes about 3-4 ms per function of this module.
 *
 * The module (LLVM IR text, generated here): N functions `i64 f<i>(i64)`, one in four
 * internal; N/8+1 globals @g<j> and as many internal constant tables @k<j>. Each function
 * runs a short loop over its table, reads and writes its global, the ones with i%4 == 2
 * call their internal neighbour f<i+1>, and each has a branch never taken at run time
 * (x < 0; every argument passed is non-negative) calling two other functions of the module, so that a call compiles that
 * function (and what it really calls) but not the whole call graph.
 *
 * Per size and round: a fresh engine; hj_add_ir with lazy = 1 (timed: parse + globals);
 * K exported functions spread over the module are looked up and called once each, every
 * first call timed on CLOCK_MONOTONIC by the caller, then once more (the steady call).
 * hj_get_stats gives lazy_functions / lazy_compiled / lazy_ns / lazy_extract_ns /
 * lazy_generate_ns; overhead = lazy_ns - lazy_generate_ns per compiled function. Then the
 * reference for "the function's own code": each of the K functions alone in a module of
 * one function (same body; its globals resolve to the lazy module's, its table is its own
 * copy, the functions it calls are declared) is added eagerly at the same level, timed.
 * Also shown: median first call - median single-function add. In round 1, the whole module
 * is also added eagerly in another engine (timed) and the K results and the globals are
 * compared with the lazy engine's: any difference is reported as an error (up to
 * --eager-max functions).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "hotjit.h"

static long long now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* ---- a growable string */
typedef struct {
    char *p;
    size_t n, cap;
} buf;

static void bprintf(buf *b, const char *fmt, ...)
{
    for (;;) {
        va_list ap;
        va_start(ap, fmt);
        size_t room = b->cap - b->n;
        int w = vsnprintf(b->p ? b->p + b->n : NULL, room, fmt, ap);
        va_end(ap);
        if (w < 0)
            abort();
        if ((size_t)w < room) {
            b->n += (size_t)w;
            return;
        }
        b->cap = (b->cap + (size_t)w + 1) * 2;
        b->p = realloc(b->p, b->cap);
        if (!b->p)
            abort();
    }
}

static int is_internal(int i) { return i % 4 == 3; }
static int ntables(int n) { return n / 8 + 1; }

/* The body of function i of an n-function module, named NAME. */
static void emit_function(buf *b, int n, int i, const char *linkage, const char *name,
                          const char *table)
{
    int j = i % ntables(n);
    bprintf(b,
            "define %si64 @%s(i64 %%x) {\n"
            "entry:\n"
            "  %%neg = icmp slt i64 %%x, 0\n"
            "  br i1 %%neg, label %%rare, label %%loop\n"
            "loop:\n"
            "  %%n = phi i64 [ 0, %%entry ], [ %%n1, %%loop ]\n"
            "  %%acc = phi i64 [ %%x, %%entry ], [ %%acc1, %%loop ]\n"
            "  %%idx = and i64 %%n, 7\n"
            "  %%p = getelementptr inbounds [8 x i64], [8 x i64]* @%s, i64 0, i64 %%idx\n"
            "  %%v = load i64, i64* %%p\n"
            "  %%m = mul i64 %%acc, %d\n"
            "  %%acc1 = add i64 %%m, %%v\n"
            "  %%n1 = add i64 %%n, 1\n"
            "  %%done = icmp eq i64 %%n1, %d\n"
            "  br i1 %%done, label %%out, label %%loop\n"
            "out:\n"
            "  %%g = load i64, i64* @g%d\n"
            "  %%r0 = xor i64 %%acc1, %%g\n"
            "  store i64 %%r0, i64* @g%d\n",
            linkage, name, table, 2 * i + 3, 8 + i % 5, j, j);
    if (i % 4 == 2 && i + 1 < n)
        bprintf(b,
                "  %%rp = and i64 %%r0, 1048575\n"
                "  %%c = call i64 @f%d(i64 %%rp)\n"
                "  %%r = add i64 %%r0, %%c\n"
                "  ret i64 %%r\n",
                i + 1);
    else
        bprintf(b, "  ret i64 %%r0\n");
    bprintf(b,
            "rare:\n"
            "  %%a = call i64 @f%d(i64 %%x)\n"
            "  %%b = call i64 @f%d(i64 %%a)\n"
            "  %%r2 = add i64 %%a, %%b\n"
            "  ret i64 %%r2\n"
            "}\n",
            (i * 7 + 1) % n, (i * 13 + 5) % n);
}

static void emit_table(buf *b, const char *linkage, const char *name, int j)
{
    bprintf(b, "@%s = %s constant [8 x i64] [", name, linkage);
    for (int t = 0; t < 8; t++)
        bprintf(b, "%si64 %d", t ? ", " : "", (j * 31 + t * 17) % 1009);
    bprintf(b, "]\n");
}

static char *gen_module(int n, size_t *size)
{
    buf b = {0};
    for (int j = 0; j < ntables(n); j++) {
        bprintf(&b, "@g%d = global i64 %d\n", j, j);
        char name[32];
        snprintf(name, sizeof name, "k%d", j);
        emit_table(&b, "internal", name, j);
    }
    for (int i = 0; i < n; i++) {
        char name[32], table[32];
        snprintf(name, sizeof name, "f%d", i);
        snprintf(table, sizeof table, "k%d", i % ntables(n));
        emit_function(&b, n, i, is_internal(i) ? "internal " : "", name, table);
    }
    *size = b.n;
    return b.p;
}

/* Function i alone: its globals and the functions it calls are declarations. */
static char *gen_single(int n, int i, size_t *size)
{
    buf b = {0};
    int j = i % ntables(n);
    char name[32], table[32];
    snprintf(name, sizeof name, "own%d", i);
    snprintf(table, sizeof table, "ownk%d", i);
    bprintf(&b, "@g%d = external global i64\n", j);
    emit_table(&b, "private", table, j);
    int callees[3] = {(i * 7 + 1) % n, (i * 13 + 5) % n, i % 4 == 2 && i + 1 < n ? i + 1 : -1};
    for (int c = 0; c < 3; c++) {
        int dup = callees[c] < 0;
        for (int d = 0; d < c; d++)
            dup |= callees[d] == callees[c];
        if (!dup)
            bprintf(&b, "declare i64 @f%d(i64)\n", callees[c]);
    }
    emit_function(&b, n, i, "", name, table);
    *size = b.n;
    return b.p;
}

static int cmp_ll(const void *a, const void *b)
{
    long long x = *(const long long *)a, y = *(const long long *)b;
    return x < y ? -1 : x > y;
}
static long long pct(long long *v, int n, int p)
{
    qsort(v, (size_t)n, sizeof *v, cmp_ll);
    int i = (int)((long long)(n - 1) * p / 100);
    return v[i];
}

typedef long long (*fn_t)(long long);

static int called_index(int n, int k, int c)
{
    int i = (int)((long long)c * n / k);
    if (is_internal(i))
        i--;
    return i;
}

typedef struct {
    int n;
    /* pooled over rounds */
    long long *first, *again, *own, *eager_again;
    int nfirst, nown, neager;
    double add_lazy_ms[16], add_eager_ms;
    unsigned long long lazy_functions, lazy_compiled, lazy_ns, lazy_extract_ns, lazy_generate_ns;
    int rounds;
    int errors;
} result;

static fn_t lookup_fn(hj_engine *e, const char *name)
{
    void *a;
    if (hj_lookup(e, name, &a) != HJ_OK) {
        fprintf(stderr, "lazy_overhead: lookup %s: %s\n", name, hj_errmsg(e));
        exit(1);
    }
    fn_t f;
    memcpy(&f, &a, sizeof f);
    return f;
}

int main(int argc, char **argv)
{
    int level = 2, k = 100, rounds = 3, eager_max = 3000;
    int sizes[16], nsizes = 0;
    for (int a = 1; a < argc; a++) {
        if (!strcmp(argv[a], "-O") && a + 1 < argc)
            level = atoi(argv[++a]);
        else if (!strncmp(argv[a], "-O", 2) && argv[a][2])
            level = atoi(argv[a] + 2);
        else if (!strcmp(argv[a], "-k") && a + 1 < argc)
            k = atoi(argv[++a]);
        else if (!strcmp(argv[a], "-r") && a + 1 < argc)
            rounds = atoi(argv[++a]);
        else if (!strcmp(argv[a], "--eager-max") && a + 1 < argc)
            eager_max = atoi(argv[++a]);
        else if (argv[a][0] >= '1' && argv[a][0] <= '9' && nsizes < 16)
            sizes[nsizes++] = atoi(argv[a]);
        else {
            fprintf(stderr, "usage: lazy_overhead [-O LEVEL] [-k CALLS] [-r ROUNDS] [--eager-max M] [N...]\n");
            return 2;
        }
    }
    if (!nsizes) {
        sizes[0] = 300;
        sizes[1] = 3000;
        sizes[2] = 10000;
        nsizes = 3;
    }
    if (rounds < 1 || rounds > 16 || k < 1 || level < 0 || level > 3)
        return 2;
    hj_ir_options lazy_opts = {0}, eager_opts = {0};
    lazy_opts.opt_level = eager_opts.opt_level = (hj_opt_level)(HJ_OPT_O0 + level);
    lazy_opts.lazy = 1;

    result *res = calloc((size_t)nsizes, sizeof *res);
    char **mods = calloc((size_t)nsizes, sizeof *mods);
    size_t *modsize = calloc((size_t)nsizes, sizeof *modsize);
    int status = 0;
    for (int s = 0; s < nsizes; s++) {
        int n = sizes[s];
        if (k > n / 2) {
            fprintf(stderr, "lazy_overhead: -k %d is too many for %d functions\n", k, n);
            return 2;
        }
        mods[s] = gen_module(n, &modsize[s]);
        res[s].n = n;
        res[s].first = calloc((size_t)(k * rounds), sizeof(long long));
        res[s].again = calloc((size_t)(k * rounds), sizeof(long long));
        res[s].own = calloc((size_t)(k * rounds), sizeof(long long));
        res[s].eager_again = calloc((size_t)k, sizeof(long long));
    }
    long long *values = calloc((size_t)k, sizeof *values);
    {
        /* warm-up: load the ir layer and initialise LLVM once, outside the measurements */
        hj_engine *e;
        size_t sz;
        char *m = gen_module(8, &sz);
        if (hj_engine_create(&e, NULL) != HJ_OK || hj_add_ir(e, "warmup.ll", m, sz, &lazy_opts, NULL) != HJ_OK ||
            lookup_fn(e, "f0")(1) == 42424242)
            fprintf(stderr, "lazy_overhead: warm-up failed\n");
        hj_engine_destroy(e);
        free(m);
    }
    for (int r = 0; r < rounds; r++) {
        for (int s0 = 0; s0 < nsizes; s0++) {
            int s = (s0 + r) % nsizes; /* rotate the order each round */
            int n = sizes[s];
            result *R = &res[s];
            hj_engine *e;
            if (hj_engine_create(&e, NULL) != HJ_OK)
                return 1;
            long long t0 = now_ns();
            if (hj_add_ir(e, "big.ll", mods[s], modsize[s], &lazy_opts, NULL) != HJ_OK) {
                fprintf(stderr, "lazy_overhead: lazy add of %d functions: %s\n", n, hj_errmsg(e));
                return 1;
            }
            R->add_lazy_ms[r] = (now_ns() - t0) / 1e6;
            for (int c = 0; c < k; c++) {
                char name[32];
                int i = called_index(n, k, c);
                snprintf(name, sizeof name, "f%d", i);
                fn_t f = lookup_fn(e, name);
                long long a = now_ns();
                values[c] = f(c + 1);
                long long b2 = now_ns();
                (void)f(c + 1);
                long long c2 = now_ns();
                R->first[R->nfirst] = b2 - a;
                R->again[R->nfirst++] = c2 - b2;
            }
            hj_link_stats st;
            memset(&st, 0, sizeof st);
            hj_get_stats(e, &st);
            R->lazy_functions = st.lazy_functions;
            R->lazy_compiled += st.lazy_compiled;
            R->lazy_ns += st.lazy_ns;
            R->lazy_extract_ns += st.lazy_extract_ns;
            R->lazy_generate_ns += st.lazy_generate_ns;
            R->rounds++;
            /* globals after the calls, for the check against the eager engine */
            long long *gl = calloc((size_t)ntables(n), sizeof *gl);
            for (int j = 0; j < ntables(n); j++) {
                char name[32];
                void *a;
                snprintf(name, sizeof name, "g%d", j);
                if (hj_lookup(e, name, &a) == HJ_OK)
                    gl[j] = *(long long *)a;
            }
            /* the reference: each called function alone, eagerly */
            for (int c = 0; c < k; c++) {
                size_t sz;
                int i = called_index(n, k, c);
                char *m = gen_single(n, i, &sz), name[32];
                snprintf(name, sizeof name, "own%d.ll", i);
                long long a = now_ns();
                if (hj_add_ir(e, name, m, sz, &eager_opts, NULL) != HJ_OK) {
                    fprintf(stderr, "lazy_overhead: single-function add %s: %s\n", name, hj_errmsg(e));
                    return 1;
                }
                R->own[R->nown++] = now_ns() - a;
                free(m);
            }
            hj_engine_destroy(e);
            if (r == 0 && n <= eager_max) {
                if (hj_engine_create(&e, NULL) != HJ_OK)
                    return 1;
                t0 = now_ns();
                if (hj_add_ir(e, "big.ll", mods[s], modsize[s], &eager_opts, NULL) != HJ_OK) {
                    fprintf(stderr, "lazy_overhead: eager add of %d functions: %s\n", n, hj_errmsg(e));
                    return 1;
                }
                R->add_eager_ms = (now_ns() - t0) / 1e6;
                for (int c = 0; c < k; c++) {
                    char name[32];
                    int i = called_index(n, k, c);
                    snprintf(name, sizeof name, "f%d", i);
                    long long v = lookup_fn(e, name)(c + 1);
                    if (v != values[c]) {
                        fprintf(stderr, "lazy_overhead: n=%d: f%d(%d) = %lld lazy, %lld eager\n", n, i,
                                c + 1, values[c], v);
                        R->errors++;
                    }
                    fn_t f = lookup_fn(e, name);
                    long long a = now_ns();
                    (void)f(c + 1);
                    R->eager_again[R->neager++] = now_ns() - a;
                }
                for (int j = 0; j < ntables(n); j++) {
                    char name[32];
                    void *a;
                    snprintf(name, sizeof name, "g%d", j);
                    if (hj_lookup(e, name, &a) == HJ_OK && *(long long *)a != gl[j]) {
                        fprintf(stderr, "lazy_overhead: n=%d: g%d = %lld lazy, %lld eager\n", n, j, gl[j],
                                *(long long *)a);
                        R->errors++;
                    }
                }
                hj_engine_destroy(e);
            }
            free(gl);
            fprintf(stderr, "lazy_overhead: round %d, %d functions done\n", r + 1, n);
        }
    }

    printf("lazy_overhead -O%d, %d calls per module, %d rounds (medians over all rounds' calls)\n\n", level,
           k, rounds);
    if (res[0].lazy_functions == 0)
        printf("NOTE: lazy_functions = 0: the engine compiled eagerly (lazy compilation not active).\n\n");
    printf("| functions | IR KiB | lazy add ms | eager add ms | compiled | first call µs median | p90 | max "
           "| lazy_ns / compiled µs | generate / compiled µs | overhead / compiled µs | of which extract µs "
           "| own code µs (1-fn module) | first call − own code µs | second call ns | eager module, second call ns "
           "| errors |\n");
    printf("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (int s = 0; s < nsizes; s++) {
        result *R = &res[s];
        double addl[16];
        memcpy(addl, R->add_lazy_ms, sizeof addl);
        /* median lazy add over rounds */
        for (int a = 0; a < R->rounds; a++)
            for (int b2 = a + 1; b2 < R->rounds; b2++)
                if (addl[b2] < addl[a]) {
                    double t = addl[a];
                    addl[a] = addl[b2];
                    addl[b2] = t;
                }
        double add_med = addl[(R->rounds - 1) / 2];
        long long f50 = pct(R->first, R->nfirst, 50), f90 = pct(R->first, R->nfirst, 90),
                  fmax = pct(R->first, R->nfirst, 100);
        long long a50 = pct(R->again, R->nfirst, 50);
        long long o50 = pct(R->own, R->nown, 50);
        double per = R->lazy_compiled ? (double)R->lazy_ns / R->lazy_compiled / 1e3 : 0;
        double ext = R->lazy_compiled ? (double)R->lazy_extract_ns / R->lazy_compiled / 1e3 : 0;
        double gen = R->lazy_compiled ? (double)R->lazy_generate_ns / R->lazy_compiled / 1e3 : 0;
        char eag[32] = "–", eag2[32] = "–";
        if (R->neager)
            snprintf(eag2, sizeof eag2, "%lld", pct(R->eager_again, R->neager, 50));
        if (R->n <= eager_max)
            snprintf(eag, sizeof eag, "%.1f", R->add_eager_ms);
        printf("| %d | %zu | %.2f | %s | %.1f of %llu | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f "
               "| %lld | %s | %d |\n",
               R->n, modsize[s] / 1024, add_med, eag, (double)R->lazy_compiled / R->rounds, R->lazy_functions,
               f50 / 1e3, f90 / 1e3, fmax / 1e3, per, gen, per - gen, ext, o50 / 1e3, (f50 - o50) / 1e3, a50, eag2,
               R->errors);
        if (R->errors)
            status = 1;
    }
    printf("\ncompiled = lazy_compiled per round (the K called functions and what they call) of "
           "lazy_functions. From hj_get_stats, per compiled function: lazy_ns (the whole first-call "
           "compilation), generate = lazy_generate_ns (optimising and generating code), overhead = lazy_ns - "
           "lazy_generate_ns (extraction, lookup, link: what lazy compilation adds beyond generating the "
           "function's code), of which extract = lazy_extract_ns. First call = wall time of the first call as "
           "the caller sees it (median, p90, max); own code = hj_add_ir of the same function alone in a "
           "one-function module (parse, optimise, emit, link; no callee to inline); second call = the same "
           "call again right after the first (timer included), in the lazy engine and in the eager one.\n");
    return status;
}
