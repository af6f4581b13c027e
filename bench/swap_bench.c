/* Hot-swap benchmark (issue 4). Measures, in one run:
 *  1. publish: hj_replace_object of a one-function module held in memory (link + publish)
 *  2. edit to new code: a file rewritten, its inotify event, hj_replace_file (clang or
 *     LLVM, link, publish) and the first call of the new code — for a .c and an .ll file
 *  3. a call through an entry stub vs a call straight to the same code (ns per call)
 *  4. resident memory over 100,000 swaps with quiescent reclamation
 *  5. the dlopen way: cc -shared, dlopen the new library, dlsym, dlclose the old; and what
 *     breaks there (a kept function pointer, static state)
 * usage: swap_bench WORKDIR [SWAPS]   (needs cc and clang on PATH) */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "hotjit.h"

static double now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static int compare_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, compare_double);
    return v[n / 2];
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (!f || fputs(text, f) < 0 || fclose(f) != 0) {
        perror(path);
        exit(1);
    }
}

static void run(const char *cmd)
{
    if (system(cmd) != 0) {
        fprintf(stderr, "swap_bench: failed: %s\n", cmd);
        exit(1);
    }
}

static void *read_all(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    *size = (size_t)ftell(f);
    fseek(f, 0, SEEK_SET);
    void *p = malloc(*size);
    if (p && fread(p, 1, *size, f) != *size)
        p = NULL;
    fclose(f);
    return p;
}

static long rss_kib(void)
{
    long pages = 0, rss = 0;
    FILE *f = fopen("/proc/self/statm", "r");
    if (f && fscanf(f, "%ld %ld", &pages, &rss) != 2)
        rss = 0;
    if (f)
        fclose(f);
    return rss * (sysconf(_SC_PAGESIZE) / 1024);
}

static int (*lookup_fn(hj_engine *e, const char *name))(int)
{
    void *p = NULL;
    if (hj_lookup(e, name, &p) != HJ_OK) {
        fprintf(stderr, "swap_bench: %s\n", hj_errmsg(e));
        exit(1);
    }
    int (*fn)(int);
    memcpy(&fn, &p, sizeof fn);
    return fn;
}

/* ------------------------------------------------------------------------------------ */

static void bench_publish(const char *dir, int swaps)
{
    char cmd[8192], path[4096];
    snprintf(path, sizeof path, "%s/one.c", dir);
    write_file(path, "int f(int x) { return x + 1; }\n");
    snprintf(cmd, sizeof cmd, "cc -O2 -fPIC -c %s/one.c -o %s/one.o", dir, dir);
    run(cmd);
    snprintf(path, sizeof path, "%s/one.o", dir);
    size_t size = 0;
    void *data = read_all(path, &size);
    hj_engine *e;
    hj_module *m;
    hj_object o = {"one.o", data, size, 0};
    if (!data || hj_engine_create(&e, NULL) != HJ_OK || hj_add_objects(e, &o, 1, &m) != HJ_OK)
        exit(1);
    hj_attach(e);
    double *t = calloc((size_t)swaps, sizeof *t);
    long before = 0;
    for (int i = 0; i < swaps; i++) {
        double t0 = now_us();
        if (hj_replace_object(e, m, &o, HJ_REPLACE_KEEP_STATE, &m) != HJ_OK)
            exit(1);
        t[i] = now_us() - t0;
        hj_quiescent(e);
        if (i == 1000)
            before = rss_kib();
    }
    long after = rss_kib();
    hj_link_stats s;
    hj_get_stats(e, &s);
    printf("| publish (hj_replace_object, one-function object in memory) | %.1f µs median, %.1f µs min over %d swaps |\n",
           median(t, swaps), t[0], swaps);
    printf("| resident memory over %d swaps (quiescent reclamation) | %ld KiB after 1,000 swaps, %ld KiB after %d; %llu retired bytes left |\n",
           swaps, before, after, swaps, s.retired_bytes);
    hj_detach(e);
    hj_engine_destroy(e);
    free(t);
    free(data);
}

/* Rewrites `file` with `text`, waits for inotify to report it, replaces and calls. */
static double edit_to_new_code(hj_engine *e, hj_module **m, int fd, const char *file,
                               const char *text, int expect)
{
    double t0 = now_us();
    write_file(file, text);
    char buf[4096];
    if (read(fd, buf, sizeof buf) <= 0)
        exit(1);
    hj_ir_options opts = {0};
    if (hj_replace_file(e, *m, file, &opts, HJ_REPLACE_KEEP_STATE, m) != HJ_OK) {
        fprintf(stderr, "swap_bench: %s\n", hj_errmsg(e));
        exit(1);
    }
    int got = lookup_fn(e, "f")(1);
    double t = now_us() - t0;
    if (got != expect) {
        fprintf(stderr, "swap_bench: new code answered %d, not %d\n", got, expect);
        exit(1);
    }
    return t;
}

static void bench_edit(const char *dir, const char *ext, int rounds)
{
    char file[4096], text[512];
    snprintf(file, sizeof file, "%s/edit.%s", dir, ext);
    const char *c_fmt = "int f(int x) { return x + %d; }\n";
    const char *ll_fmt = "define i32 @f(i32 %%x) {\n  %%r = add i32 %%x, %d\n  ret i32 %%r\n}\n";
    const char *fmt = !strcmp(ext, "c") ? c_fmt : ll_fmt;
    snprintf(text, sizeof text, fmt, 0);
    write_file(file, text);
    hj_engine *e;
    hj_module *m;
    const char *paths[] = {file};
    if (hj_engine_create(&e, NULL) != HJ_OK || hj_add_files(e, paths, 1, NULL, &m) != HJ_OK)
        exit(1);
    int fd = inotify_init();
    inotify_add_watch(fd, dir, IN_CLOSE_WRITE);
    double *t = calloc((size_t)rounds, sizeof *t);
    for (int i = 0; i < rounds; i++) {
        snprintf(text, sizeof text, fmt, i + 1);
        t[i] = edit_to_new_code(e, &m, fd, file, text, i + 2);
    }
    printf("| .%s edit to first call of the new code (write, inotify, compile, link, publish, call) | %.1f ms median over %d edits |\n",
           ext, median(t, rounds) / 1e3, rounds);
    close(fd);
    hj_engine_destroy(e);
    free(t);
}

/* The stub is `jmp *slot(%rip)`: its slot holds the code's own address. */
static void *stub_target(void *stub)
{
    const unsigned char *p = stub;
    int32_t rel;
    memcpy(&rel, p + 2, 4);
    void *target;
    memcpy(&target, p + 6 + rel, sizeof target);
    return target;
}

static double ns_per_call(int (*fn)(int), long calls)
{
    double t0 = now_us();
    int acc = 0;
    for (long i = 0; i < calls; i++)
        acc = fn(acc);
    double t = now_us() - t0;
    if (acc == 42)
        puts("");
    return t * 1e3 / (double)calls;
}

static void bench_stub_call(const char *dir)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/one.o", dir);
    hj_engine *e;
    if (hj_engine_create(&e, NULL) != HJ_OK || hj_add_object_file(e, path, NULL) != HJ_OK)
        exit(1);
    int (*via_stub)(int) = lookup_fn(e, "f");
    void *body = stub_target((void *)via_stub);
    int (*direct)(int);
    memcpy(&direct, &body, sizeof direct);
    double s[7], d[7];
    for (int r = 0; r < 7; r++) { /* interleaved rounds, medians */
        s[r] = ns_per_call(via_stub, 50 * 1000 * 1000);
        d[r] = ns_per_call(direct, 50 * 1000 * 1000);
    }
    double ms = median(s, 7), md = median(d, 7);
    printf("| call through the entry stub vs straight to the code | %.3f ns vs %.3f ns per call: %.3f ns overhead |\n",
           ms, md, ms - md);
    hj_engine_destroy(e);
}

static void bench_dlopen(const char *dir, int swaps)
{
    char cmd[8400], lib[2][4096];
    for (int v = 0; v < 2; v++) {
        char src[4096], text[256];
        snprintf(src, sizeof src, "%s/lib%d.c", dir, v);
        snprintf(text, sizeof text, "static int calls;\nint f(int x) { return x + %d + 0 * ++calls; }\n"
                 "int count(void) { return ++calls; }\n", v + 1);
        write_file(src, text);
        snprintf(lib[v], sizeof lib[v], "%s/lib%d.so", dir, v);
        snprintf(cmd, sizeof cmd, "cc -O2 -fPIC -shared %s -o %s", src, lib[v]);
        run(cmd);
    }
    double *t = calloc((size_t)swaps, sizeof *t);
    void *cur = dlopen(lib[0], RTLD_NOW | RTLD_LOCAL);
    for (int i = 0; i < swaps && cur; i++) {
        double t0 = now_us();
        void *next = dlopen(lib[(i + 1) % 2], RTLD_NOW | RTLD_LOCAL);
        void *sym = next ? dlsym(next, "f") : NULL;
        dlclose(cur);
        t[i] = now_us() - t0;
        cur = sym ? next : NULL;
    }
    printf("| dlopen way: dlopen new .so + dlsym + dlclose old (prebuilt libraries) | %.1f µs median over %d swaps |\n",
           median(t, swaps), swaps);
    free(t);
    if (cur)
        dlclose(cur);
    /* What breaks: state restarts, and a pointer kept from the old library faults. */
    void *a = dlopen(lib[0], RTLD_NOW | RTLD_LOCAL);
    int (*count_a)(void) = (int (*)(void))dlsym(a, "count");
    count_a();
    count_a();
    void *b = dlopen(lib[1], RTLD_NOW | RTLD_LOCAL);
    int (*count_b)(void) = (int (*)(void))dlsym(b, "count");
    int state = count_b();
    dlclose(a);
    pid_t pid = fork();
    if (pid == 0) {
        count_a(); /* the old library is unmapped */
        _exit(0);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    printf("| dlopen way: what breaks | static state restarts (count: 3 before, %d after the swap); "
           "a pointer kept from the old library: %s |\n", state,
           WIFSIGNALED(status) ? strsignal(WTERMSIG(status)) : "still ran (library not unmapped)");
    dlclose(b);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: swap_bench WORKDIR [SWAPS]\n");
        return 2;
    }
    const char *dir = argv[1];
    int swaps = argc > 2 ? atoi(argv[2]) : 100000;
    char cmd[4200];
    snprintf(cmd, sizeof cmd, "mkdir -p '%s'", dir);
    run(cmd);
    printf("| measurement | result |\n|---|---|\n");
    bench_publish(dir, swaps);
    bench_edit(dir, "c", 21);
    bench_edit(dir, "ll", 21);
    bench_stub_call(dir);
    bench_dlopen(dir, swaps < 20000 ? swaps : 20000);
    return 0;
}
