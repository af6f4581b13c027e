/* The hotjit command: `hotjit run [OPTIONS] FILE... [-- ARG...]`. */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hotjit.h"
#include "cli/cli.h"

extern char **environ;

typedef struct run_options {
    const char *entry;
    const char **files;
    int nfiles;
    char **args;
    int nargs;
    hj_ir_options ir;
    const char **cc_args;
    hj_module **modules;
} run_options;

static hj_engine *engine;

/* Static: what main's arguments become stays reachable until the process exits. */
static run_options options_of_run;
static char **program_argv;

/* Thread-local space for modules built without -fPIC (see hj_engine_options). */
#define STATIC_TLS_POOL_SIZE (64 * 1024)
static _Thread_local _Alignas(64) char static_tls_pool[STATIC_TLS_POOL_SIZE];
static int print_stats;

/* Calls before a function's tier-up: chosen in bench/README.md ("Tiers"). */
#define TIER_UP_DEFAULT 1000
#define TEXT_OF(x) #x
#define NUMBER_TEXT(x) TEXT_OF(x)

static void usage(FILE *out)
{
    fputs("usage: hotjit run [OPTIONS] FILE... [-- ARG...]\n"
          "       hotjit watch [OPTIONS] FILE... [-- ARG...]\n"
          "  watch: runs like run, and when a FILE changes on disk, rebuilds it and replaces\n"
          "  it in the running program (state kept; one line per swap on stderr).\n"
          "  Compiles and links FILE... (ELF objects, LLVM IR .ll/.bc, C .c) into this\n"
          "  process and calls their main.\n"
          "  -O0 .. -O3     optimisation level for IR and C inputs (default -O2)\n"
          "  -I DIR, -D NAME[=VALUE], -std=STD   passed to clang for C inputs\n"
          "  --cache DIR    keep compiled objects in DIR and reuse them\n"
          "  --lazy         compile each function of IR and C inputs on its first call\n"
          "  --tier-up[=N]  with --lazy: a function without loops or calls of itself is\n"
          "                 first compiled at -O0, and again at the -O level after its\n"
          "                 Nth call, on a thread of its own (default N: " NUMBER_TEXT(TIER_UP_DEFAULT) ")\n"
          "  -l NAME        resolve symbols from libNAME.so too\n"
          "  --load PATH    resolve symbols from the shared library at PATH too\n"
          "  --entry SYM    call SYM instead of main (as int SYM(argc, argv, envp))\n"
          "  --stats        print compile and link statistics to stderr at exit\n"
          "  --perf-map     name the JIT code for perf: write /tmp/perf-PID.map\n"
          "  --version      print the version\n",
          out);
}

static int die(const char *what)
{
    fprintf(stderr, "hotjit: %s\n", what);
    return 125;
}

static double ms(unsigned long long ns)
{
    return (double)ns / 1e6;
}

/* Per module, then the total (link time is per batch: it is in the total only). */
static void print_module_stats(const hj_module *const *modules, int count)
{
    hj_module_stats total = {0};
    for (int i = 0; i < count; i++) {
        hj_module_stats s;
        hj_get_module_stats(modules[i], &s);
        fprintf(stderr, "hotjit: stats: %s: parse %.3f ms, optimise %.3f ms, codegen %.3f ms, "
                "link %.3f ms, object %llu bytes, %llu relocations%s\n", hj_module_name(modules[i]),
                ms(s.parse_ns), ms(s.optimize_ns), ms(s.codegen_ns), ms(s.link_ns), s.object_bytes,
                s.relocations, s.cache_hit ? ", cache hit" : "");
        total.parse_ns += s.parse_ns;
        total.optimize_ns += s.optimize_ns;
        total.codegen_ns += s.codegen_ns;
        total.link_ns += s.link_ns;
        total.object_bytes += s.object_bytes;
        total.cache_hit += s.cache_hit;
    }
    fprintf(stderr, "hotjit: stats: total: parse %.3f ms, optimise %.3f ms, codegen %.3f ms, "
            "link %.3f ms (modules' shares), object %llu bytes, %d cache hits of %d modules\n",
            ms(total.parse_ns), ms(total.optimize_ns), ms(total.codegen_ns), ms(total.link_ns),
            total.object_bytes, total.cache_hit, count);
}

/* At exit, after the program's own atexit handlers (this one was registered before any
 * of them), the modules' destructors run in reverse order, as a native program runs its
 * destructors after its atexit handlers. */
static void finish(void)
{
    if (print_stats && engine && options_of_run.modules && options_of_run.modules[0])
        print_module_stats((const hj_module *const *)options_of_run.modules, options_of_run.nfiles);
    if (print_stats && engine) {
        hj_link_stats s;
        hj_get_stats(engine, &s);
        fprintf(stderr, "hotjit: link %llu modules, %llu relocations in %.3f ms "
                "(%.1f ns/relocation), %llu bytes mapped, %llu GOT entries, %llu call stubs\n",
                s.modules, s.relocations, (double)s.link_ns / 1e6,
                s.relocations ? (double)s.link_ns / (double)s.relocations : 0.0, s.code_bytes,
                s.got_entries, s.call_stubs);
        if (s.lazy_functions)
            fprintf(stderr, "hotjit: lazy: %llu functions, %llu compiled on first call in %.3f ms "
                    "(extract %.3f ms, optimise and generate %.3f ms)\n", s.lazy_functions,
                    s.lazy_compiled, ms(s.lazy_ns), ms(s.lazy_extract_ns), ms(s.lazy_generate_ns));
        if (s.lazy_baseline)
            fprintf(stderr, "hotjit: tiers: %llu functions first compiled at -O0, %llu of them "
                    "again at the module's level in %.3f ms\n", s.lazy_baseline,
                    s.lazy_tier_ups, ms(s.lazy_tier_up_ns));
    }
    hj_watch_stop();
    /* Destructors only: the process is exiting, and other threads of the program may
     * still run JIT code (a native program's code stays mapped until the end too). */
    hj_engine_exit(engine);
}

/* -l NAME: libNAME.so, or, where that is a linker script or a missing development
 * link (libm.so, libstdc++.so), the shared object by its usual sonames. */
static int load_named_library(const char *name)
{
    static const char *const suffixes[] = {"", ".6", ".2", ".1", ".0"};
    char path[4096];
    for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
        snprintf(path, sizeof path, "lib%s.so%s", name, suffixes[i]);
        if (hj_load_library(engine, path) == HJ_OK)
            return 0;
    }
    snprintf(path, sizeof path, "lib%s.so", name);
    hj_load_library(engine, path); /* for its message */
    return die(hj_errmsg(engine));
}

/* -I, -D and -std= go to clang; -I and -D take their value attached or next. */
static int parse_cc_option(int argc, char **argv, int *i, run_options *o)
{
    const char *a = argv[*i];
    if ((!strcmp(a, "-I") || !strcmp(a, "-D")) && *i + 1 < argc) {
        o->cc_args[o->ir.ncc_args++] = a;
        o->cc_args[o->ir.ncc_args++] = argv[++*i];
        return 0;
    }
    o->cc_args[o->ir.ncc_args++] = a;
    return 0;
}

static int parse_option(int argc, char **argv, int *i, run_options *o)
{
    const char *a = argv[*i];
    bool has_value = *i + 1 < argc;
    if (a[1] == 'O' && a[2] >= '0' && a[2] <= '3' && !a[3]) {
        o->ir.opt_level = (hj_opt_level)(HJ_OPT_O0 + (a[2] - '0'));
    } else if (!strncmp(a, "-I", 2) || !strncmp(a, "-D", 2) || !strncmp(a, "-std=", 5)) {
        return parse_cc_option(argc, argv, i, o);
    } else if (!strcmp(a, "--cache") && has_value) {
        o->ir.cache_dir = argv[++*i];
    } else if (!strcmp(a, "--lazy")) {
        o->ir.lazy = 1;
    } else if (!strcmp(a, "--tier-up")) {
        o->ir.lazy_tier_up = TIER_UP_DEFAULT;
    } else if (!strncmp(a, "--tier-up=", 10)) {
        char *end;
        unsigned long n = strtoul(a + 10, &end, 10);
        if (*end || a[10] < '0' || a[10] > '9' || n == 0 || n > 1000000000) {
            fprintf(stderr, "hotjit: --tier-up=N wants a number of calls from 1 to 10^9: '%s'\n", a);
            return 125;
        }
        o->ir.lazy_tier_up = (unsigned)n;
    } else if (!strcmp(a, "--stats")) {
        print_stats = 1;
    } else if (!strcmp(a, "--perf-map")) {
        /* taken before the engine was made (perf_map_wanted) */
    } else if (!strncmp(a, "-l", 2) && a[2]) {
        return load_named_library(a + 2);
    } else if (!strcmp(a, "-l") && has_value) {
        return load_named_library(argv[++*i]);
    } else if (!strcmp(a, "--load") && has_value) {
        if (hj_load_library(engine, argv[++*i]) != HJ_OK)
            return die(hj_errmsg(engine));
    } else if (!strcmp(a, "--entry") && has_value) {
        o->entry = argv[++*i];
    } else {
        fprintf(stderr, "hotjit: unknown option or missing value: '%s'\n", a);
        usage(stderr);
        return 125;
    }
    return 0;
}

static int parse_run(int argc, char **argv, run_options *o)
{
    o->files = calloc((size_t)argc + 1, sizeof *o->files);
    o->cc_args = calloc((size_t)argc + 1, sizeof *o->cc_args);
    o->modules = calloc((size_t)argc + 1, sizeof *o->modules);
    if (!o->files || !o->cc_args || !o->modules)
        return die("out of memory");
    o->ir.cc_args = o->cc_args;
    for (int i = 0; i < argc; i++) {
        if (!strcmp(argv[i], "--")) {
            o->args = argv + i + 1;
            o->nargs = argc - i - 1;
            break;
        }
        if (argv[i][0] == '-' && argv[i][1]) {
            int rc = parse_option(argc, argv, &i, o);
            if (rc)
                return rc;
        } else {
            o->files[o->nfiles++] = argv[i];
        }
    }
    if (!o->nfiles) {
        usage(stderr);
        return 125;
    }
    return 0;
}


/* The modules' destructors run in finish, an exit handler registered before any the
 * program registers (so it runs after them). A lazy function first called there is
 * compiled then, so LLVM must still be whole: its exit-time destructors must run after
 * finish, that is, be registered before it. LLVM registers them when it is loaded and
 * when a code path is first used: so a function is compiled through the whole pipeline
 * once before finish is registered, in an engine of its own (kept out of the program's
 * statistics and perf map). Failing that, the program still runs. */
static void warm_up_llvm(const hj_ir_options *ir)
{
    static const char source[] = "define i32 @hotjit_warm_up(i32 %x) {\n"
                                 "  %y = mul i32 %x, 3\n  ret i32 %y\n}\n";
    hj_engine *warm_engine;
    void *fn;
    hj_ir_options once = *ir;
    once.lazy_tier_up = 0; /* no tier thread for it */
    if (hj_engine_create(&warm_engine, NULL) != HJ_OK)
        return;
    if (hj_add_ir(warm_engine, "<warm-up>", source, sizeof source - 1, &once, NULL) == HJ_OK &&
        hj_lookup(warm_engine, "hotjit_warm_up", &fn) == HJ_OK) {
        int (*warm)(int);
        memcpy(&warm, &fn, sizeof warm);
        warm(1);
    }
    hj_engine_destroy(warm_engine);
}

/* perf's convention for naming JIT code: /tmp/perf-PID.map, a line per function or entry
 * stub (start and size in hex, then the name). Line-buffered, so that what a program
 * ending in _exit or a fault had placed is there too. */
static FILE *perf_map;

static void write_perf_map(void *ctx, const hj_code_info *info)
{
    (void)ctx;
    fprintf(perf_map, "%lx %zx %s%s\n", (unsigned long)(uintptr_t)info->addr, info->size,
            info->name, info->kind == HJ_CODE_ENTRY_STUB ? " [entry stub]" : "");
}

/* Options parse_option reads a separate value for. */
static bool takes_value(const char *a)
{
    static const char *const with_value[] = {"-I", "-D", "-l", "--cache", "--load", "--entry"};
    for (size_t i = 0; i < sizeof with_value / sizeof *with_value; i++)
        if (!strcmp(a, with_value[i]))
            return true;
    return false;
}

/* The engine is made before the options are read (-l loads into it). The map is not
 * followed through a symbolic link planted in /tmp. */
static int perf_map_wanted(int argc, char **argv, hj_engine_options *options)
{
    bool wanted = false;
    for (int i = 0; i < argc && strcmp(argv[i], "--"); i++) {
        wanted |= !strcmp(argv[i], "--perf-map");
        i += takes_value(argv[i]);
    }
    if (!wanted)
        return 0;
    char path[64];
    snprintf(path, sizeof path, "/tmp/perf-%ld.map", (long)getpid());
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0 || !(perf_map = fdopen(fd, "w"))) {
        if (fd >= 0)
            close(fd);
        fprintf(stderr, "hotjit: cannot write %s: %s\n", path, strerror(errno));
        return 125;
    }
    setvbuf(perf_map, NULL, _IOLBF, 0);
    options->on_code = write_perf_map;
    return 0;
}

static int cmd_run(int argc, char **argv, bool watch)
{
    hj_engine_options options = {.static_tls_pool = static_tls_pool,
                                 .static_tls_pool_size = sizeof static_tls_pool};
    int wanted = perf_map_wanted(argc, argv, &options);
    if (wanted)
        return wanted;
    if (hj_engine_create(&engine, &options) != HJ_OK)
        return die("cannot create engine: out of address space");
    int rc = parse_run(argc, argv, &options_of_run);
    if (rc)
        return rc;
    const hj_ir_options *ir = &options_of_run.ir;
    if (ir->lazy_tier_up && (!ir->lazy || ir->opt_level == HJ_OPT_O0))
        fputs("hotjit: warning: --tier-up needs --lazy and -O1 or above: ignored\n", stderr);
    if (options_of_run.ir.lazy)
        warm_up_llvm(&options_of_run.ir);
    atexit(finish);
    if (hj_add_files(engine, options_of_run.files, (size_t)options_of_run.nfiles, &options_of_run.ir, options_of_run.modules) != HJ_OK)
        return die(hj_errmsg(engine));
    if (hj_warnings(engine)[0])
        fprintf(stderr, "hotjit: warning: %s\n", hj_warnings(engine));
    if (watch) {
        hj_watch_options w = {engine, options_of_run.files, options_of_run.modules,
                              options_of_run.nfiles, &options_of_run.ir};
        if (hj_watch_start(&w) != 0)
            return 125;
    }
    program_argv = calloc((size_t)options_of_run.nargs + 2, sizeof *program_argv);
    if (!program_argv)
        return die("out of memory");
    program_argv[0] = (char *)options_of_run.files[0];
    for (int i = 0; i < options_of_run.nargs; i++)
        program_argv[i + 1] = options_of_run.args[i];
    int status = 0;
    if (hj_run_main(engine, options_of_run.entry, options_of_run.nargs + 1, program_argv, environ, &status) != HJ_OK)
        return die(hj_errmsg(engine));
    return status;
}

int main(int argc, char **argv)
{
    if (hj_cli_libc_data(-1)) /* keeps the copy relocations linked in */
        return 1;
    if (argc >= 2 && !strcmp(argv[1], "run"))
        exit(cmd_run(argc - 2, argv + 2, false));
    if (argc >= 2 && !strcmp(argv[1], "watch"))
        exit(cmd_run(argc - 2, argv + 2, true));
    if (argc >= 2 && !strcmp(argv[1], "--version")) {
        printf("hotjit %s\n", HOTJIT_VERSION_STRING);
        return 0;
    }
    usage(argc >= 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) ? stdout : stderr);
    return argc >= 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) ? 0 : 2;
}
