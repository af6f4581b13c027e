/* The hotjit command: `hotjit run [OPTIONS] FILE... [-- ARG...]`. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hotjit.h"
#include "cli/cli.h"

extern char **environ;

typedef struct run_options {
    const char *entry;
    const char **files;
    int nfiles;
    char **args;
    int nargs;
    int stats;
} run_options;

static hj_engine *engine;

/* Thread-local space for modules built without -fPIC (see hj_engine_options). */
#define STATIC_TLS_POOL_SIZE (64 * 1024)
static _Thread_local _Alignas(64) char static_tls_pool[STATIC_TLS_POOL_SIZE];
static int print_stats;

static void usage(FILE *out)
{
    fputs("usage: hotjit run [OPTIONS] FILE... [-- ARG...]\n"
          "  Links the ELF objects FILE... into this process and calls their main.\n"
          "  -l NAME        resolve symbols from libNAME.so too\n"
          "  --load PATH    resolve symbols from the shared library at PATH too\n"
          "  --entry SYM    call SYM instead of main (as int SYM(argc, argv, envp))\n"
          "  --stats        print link statistics to stderr at exit\n"
          "  --version      print the version\n",
          out);
}

static int die(const char *what)
{
    fprintf(stderr, "hotjit: %s\n", what);
    return 125;
}

static int read_file(const char *path, void **data, size_t *size)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        n += fread(buf + n, 1, cap - n, f);
        if (n < cap)
            break;
        char *grown = realloc(buf, cap *= 2);
        if (!grown)
            free(buf);
        buf = grown;
    }
    int failed = ferror(f) || !buf;
    fclose(f);
    if (failed) {
        free(buf);
        errno = failed && !buf ? ENOMEM : EIO;
        return -1;
    }
    *data = buf;
    *size = n;
    return 0;
}

/* At exit, after the program's own atexit handlers (this one was registered before any
 * of them), modules are removed in reverse order, as a native program runs its
 * destructors after its atexit handlers. */
static void finish(void)
{
    if (print_stats && engine) {
        hj_link_stats s;
        hj_get_stats(engine, &s);
        fprintf(stderr, "hotjit: link %llu modules, %llu relocations in %.3f ms "
                "(%.1f ns/relocation), %llu bytes mapped, %llu GOT entries, %llu call stubs\n",
                s.modules, s.relocations, (double)s.link_ns / 1e6,
                s.relocations ? (double)s.link_ns / (double)s.relocations : 0.0, s.code_bytes,
                s.got_entries, s.call_stubs);
    }
    hj_engine_destroy(engine);
    engine = NULL;
}

static int parse_run(int argc, char **argv, run_options *o)
{
    o->files = calloc((size_t)argc, sizeof *o->files);
    if (!o->files)
        return die("out of memory");
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--")) {
            o->args = argv + i + 1;
            o->nargs = argc - i - 1;
            break;
        } else if ((!strcmp(a, "-l") || !strcmp(a, "--load") || !strcmp(a, "--entry")) && i + 1 < argc) {
            const char *v = argv[++i];
            char lib[4096];
            if (!strcmp(a, "--entry"))
                o->entry = v;
            else if (!strcmp(a, "-l"))
                snprintf(lib, sizeof lib, "lib%s.so", v);
            if (strcmp(a, "--entry") && hj_load_library(engine, !strcmp(a, "-l") ? lib : v) != HJ_OK &&
                !(strcmp(a, "-l") == 0 && snprintf(lib, sizeof lib, "lib%s.so.6", v) > 0 &&
                  hj_load_library(engine, lib) == HJ_OK))
                return die(hj_errmsg(engine));
        } else if (!strncmp(a, "-l", 2) && a[2]) {
            char lib[4096];
            snprintf(lib, sizeof lib, "lib%s.so", a + 2);
            if (hj_load_library(engine, lib) != HJ_OK)
                return die(hj_errmsg(engine));
        } else if (!strcmp(a, "--stats")) {
            print_stats = 1;
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "hotjit: unknown option '%s'\n", a);
            usage(stderr);
            return 125;
        } else {
            o->files[o->nfiles++] = a;
        }
    }
    if (!o->nfiles) {
        usage(stderr);
        return 125;
    }
    return 0;
}

static int load_files(const run_options *o)
{
    hj_object *objects = calloc((size_t)o->nfiles, sizeof *objects);
    int rc = objects ? 0 : die("out of memory");
    for (int i = 0; !rc && i < o->nfiles; i++) {
        void *data;
        size_t size;
        objects[i].name = o->files[i];
        if (read_file(o->files[i], &data, &size) != 0) {
            fprintf(stderr, "hotjit: cannot read %s: %s\n", o->files[i], strerror(errno));
            rc = 125;
        } else {
            objects[i].data = data;
            objects[i].size = size;
        }
    }
    if (!rc && hj_add_objects(engine, objects, (size_t)o->nfiles, NULL) != HJ_OK)
        rc = die(hj_errmsg(engine));
    for (int i = 0; objects && i < o->nfiles; i++)
        free((void *)objects[i].data);
    free(objects);
    return rc;
}

static int cmd_run(int argc, char **argv)
{
    run_options o = {0};
    hj_engine_options options = {.static_tls_pool = static_tls_pool,
                                 .static_tls_pool_size = sizeof static_tls_pool};
    if (hj_engine_create(&engine, &options) != HJ_OK)
        return die("cannot create engine: out of address space");
    atexit(finish);
    int rc = parse_run(argc, argv, &o);
    if (!rc)
        rc = load_files(&o);
    if (rc)
        return rc;
    char **pargv = calloc((size_t)o.nargs + 2, sizeof *pargv);
    if (!pargv)
        return die("out of memory");
    pargv[0] = (char *)o.files[0];
    for (int i = 0; i < o.nargs; i++)
        pargv[i + 1] = o.args[i];
    int status = 0;
    if (hj_run_main(engine, o.entry, o.nargs + 1, pargv, environ, &status) != HJ_OK)
        return die(hj_errmsg(engine));
    return status;
}

int main(int argc, char **argv)
{
    if (hj_cli_libc_data(-1)) /* keeps the copy relocations linked in */
        return 1;
    if (argc >= 2 && !strcmp(argv[1], "run"))
        exit(cmd_run(argc - 2, argv + 2));
    if (argc >= 2 && !strcmp(argv[1], "--version")) {
        printf("hotjit %s\n", HOTJIT_VERSION_STRING);
        return 0;
    }
    usage(argc >= 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) ? stdout : stderr);
    return argc >= 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) ? 0 : 2;
}
