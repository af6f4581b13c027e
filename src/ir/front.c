/* In front of the ir plugin, in the core: the object cache and, for C, the clang run. A
 * cache hit is served without loading LLVM at all. The machine part of the cache key is
 * the kernel's name for it and the processor's model and feature flags. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>

#include "ir/ir.h"

#ifndef HJ_LLVM_VERSION
#define HJ_LLVM_VERSION "none"
#endif

static char context[512];
static pthread_once_t context_once = PTHREAD_ONCE_INIT;

static void make_context(void)
{
    struct utsname u;
    char line[4096], cpu[8192] = "";
    FILE *f = fopen("/proc/cpuinfo", "r");
    size_t used = 0;
    while (f && fgets(line, sizeof line, f) && used < sizeof cpu - 1) {
        if (strncmp(line, "model name", 10) && strncmp(line, "flags", 5))
            continue;
        used += (size_t)snprintf(cpu + used, sizeof cpu - used, "%s", line);
        if (!strncmp(line, "flags", 5))
            break; /* the first processor's are enough */
    }
    if (f)
        fclose(f);
    hj_cache_key k = hj_cache_key_of(cpu, used, "cpu");
    snprintf(context, sizeof context, "hotjit %s|llvm %s|%s|%016llx%016llx", HOTJIT_VERSION_STRING,
             HJ_LLVM_VERSION, uname(&u) == 0 ? u.machine : "?", (unsigned long long)k.a,
             (unsigned long long)k.b);
}

static hj_cache_key key_for(const void *input, size_t size, const hj_ir_options *opts, bool is_c)
{
    pthread_once(&context_once, make_context);
    char full[sizeof context + 32];
    snprintf(full, sizeof full, "%s|O%d|%s", context, opts ? (int)opts->opt_level : 0, is_c ? "c" : "ir");
    return hj_cache_key_of(input, size, full);
}

/* C: the key is the preprocessed source followed by clang's arguments, so an edited
 * header or another -D is a miss. */
static hj_status c_key_input(const char *path, const hj_ir_options *opts, void **out, size_t *size,
                             hj_err *err)
{
    void *pre = NULL;
    size_t pre_size = 0;
    HJ_TRY(hj_cc_run(path, opts, true, &pre, &pre_size, err));
    size_t args = 0;
    for (size_t i = 0; i < opts->ncc_args; i++)
        args += strlen(opts->cc_args[i]) + 1;
    char *keyed = realloc(pre, pre_size + args + 1);
    if (!keyed) {
        free(pre);
        return hj_fail(err, HJ_ERR_NOMEM, "out of memory");
    }
    size_t at = pre_size;
    for (size_t i = 0; i < opts->ncc_args; i++) {
        size_t n = strlen(opts->cc_args[i]) + 1;
        memcpy(keyed + at, opts->cc_args[i], n);
        at += n;
    }
    *out = keyed;
    *size = at;
    return HJ_OK;
}

static hj_status compile(hj_ir_getter get_ir, void *arg, const char *name, const void *data,
                         size_t size, bool is_c, const hj_ir_options *opts, hj_ir_object *out,
                         hj_err *err)
{
    void *bitcode = NULL;
    size_t bitcode_size = 0;
    uint64_t t0 = hj_ir_now_ns();
    if (is_c)
        HJ_TRY(hj_cc_run(name, opts, false, &bitcode, &bitcode_size, err));
    uint64_t clang_ns = hj_ir_now_ns() - t0;
    const hj_ir_plugin *plugin;
    hj_ir *ir;
    hj_status st = get_ir(arg, &plugin, &ir, err);
    if (st == HJ_OK)
        st = plugin->compile(ir, name, is_c ? bitcode : data, is_c ? bitcode_size : size, opts, out, err);
    out->parse_ns += clang_ns; /* for C, "parse" includes clang */
    free(bitcode);
    return st;
}

hj_status hj_front_compile(hj_ir_getter get_ir, void *arg, const char *name, const void *data,
                           size_t size, bool is_c, const hj_ir_options *opts, hj_ir_object *out,
                           hj_err *err)
{
    *out = (hj_ir_object){0};
    if (!opts || !opts->cache_dir)
        return compile(get_ir, arg, name, data, size, is_c, opts, out, err);
    void *keyed = NULL;
    size_t keyed_size = size;
    if (is_c)
        HJ_TRY(c_key_input(name, opts, &keyed, &keyed_size, err));
    hj_cache_key key = key_for(is_c ? keyed : data, keyed_size, opts, is_c);
    free(keyed);
    if (hj_cache_load(opts->cache_dir, key, &out->data, &out->size)) {
        out->cache_hit = true;
        return HJ_OK;
    }
    HJ_TRY(compile(get_ir, arg, name, data, size, is_c, opts, out, err));
    hj_cache_store(opts->cache_dir, key, out->data, out->size);
    return HJ_OK;
}
