/* The public functions for IR, bitcode and C inputs: each input is compiled to an
 * object by the ir layer (outside the engine lock, under the ir layer's own), then all
 * objects go to the engine as one batch. */
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/lock.h"
#include "engine/engine.h"
#include "ir/ir.h"

static pthread_mutex_t ir_lock = PTHREAD_MUTEX_INITIALIZER; /* LLVM contexts are not thread-safe */

static pthread_mutex_t ir_create_lock = PTHREAD_MUTEX_INITIALIZER; /* an engine's hj_ir */

void hj_ir_prefork(void) { hj_lock(&ir_lock); }
void hj_ir_postfork(void) { hj_unlock(&ir_lock); }
static const hj_ir_plugin *ir_layer; /* set before any engine has an hj_ir */

static void destroy_ir(void *ir)
{
    ir_layer->destroy(ir);
}

static hj_status engine_ir(hj_engine *e, hj_ir **out, hj_err *err);
static void dispose_without_ir_layer(struct LLVMOpaqueModule *module);

/* For the front end: the plugin and the engine's hj_ir, loaded when first needed. */
static hj_status get_ir(void *arg, const hj_ir_plugin **plugin, hj_ir **ir, hj_err *err)
{
    HJ_TRY(engine_ir(arg, ir, err));
    *plugin = ir_layer;
    return HJ_OK;
}

static hj_status engine_ir(hj_engine *e, hj_ir **out, hj_err *err)
{
    const hj_ir_plugin *loaded = hj_ir_load(err);
    if (!loaded)
        return err->status;
    if (!__atomic_load_n(&ir_layer, __ATOMIC_ACQUIRE)) /* read by trap threads, once set */
        __atomic_store_n(&ir_layer, loaded, __ATOMIC_RELEASE);
    /* Not the engine lock: this runs under ir_lock, which is taken under the engine
     * lock when a lazy module's source is released. */
    hj_lock(&ir_create_lock);
    hj_status st = HJ_OK;
    if (!e->ir) {
        hj_ir *ir = NULL;
        st = ir_layer->create(&ir, err);
        e->ir = ir;
        e->ir_destroy = destroy_ir;
    }
    *out = e->ir;
    hj_unlock(&ir_create_lock);
    return st;
}

/* ------------------------------------------------------------------------------------
 * Lazy modules: the engine compiles their functions through these callbacks
 * ------------------------------------------------------------------------------------ */

typedef struct ir_lazy_source {
    hj_lazy_source base;
    hj_ir_lazy *lazy;
} ir_lazy_source;

static hj_status compile_lazy_function(hj_lazy_source *src, const char *function, bool tier_up,
                                       void **object, size_t *size, hj_lazy_compiled *made,
                                       hj_err *err)
{
    hj_ir_object compiled;
    hj_lock(&ir_lock);
    hj_status st = ir_layer->lazy_compile(((ir_lazy_source *)src)->lazy, function, tier_up,
                                          &compiled, &made->extract_ns, err);
    hj_unlock(&ir_lock);
    made->generate_ns = compiled.optimize_ns + compiled.codegen_ns;
    made->baseline = compiled.baseline;
    *object = compiled.data;
    *size = compiled.size;
    return st;
}

static void release_lazy_source(hj_lazy_source *src)
{
    hj_lock(&ir_lock);
    ir_layer->lazy_close(((ir_lazy_source *)src)->lazy);
    hj_unlock(&ir_lock);
    free(src);
}

/* IR (data) or a module (ownership passes) -> the globals object and the source. */
static hj_status open_lazy(hj_engine *e, const char *name, const void *data, size_t size,
                           void *module, const hj_ir_options *opts, hj_ir_object *globals,
                           hj_lazy_source **out, hj_err *err)
{
    hj_ir *ir = NULL;
    ir_lazy_source *src = calloc(1, sizeof *src);
    hj_status st = src ? engine_ir(e, &ir, err) : hj_fail(err, HJ_ERR_NOMEM, "out of memory");
    if (st == HJ_OK) {
        hj_lock(&ir_lock);
        st = ir_layer->lazy_open(ir, name, data, size, module, opts, &src->lazy, globals, err);
        hj_unlock(&ir_lock);
        module = NULL;
    }
    if (module)
        dispose_without_ir_layer(module);
    if (st != HJ_OK) {
        free(src);
        return st;
    }
    src->base.functions = ir_layer->lazy_functions(src->lazy, &src->base.nfunctions);
    src->base.compile = compile_lazy_function;
    src->base.tiers = opts && opts->lazy_tier_up && opts->opt_level != HJ_OPT_O0; /* as ir/lazy.c */
    src->base.release = release_lazy_source;
    *out = &src->base;
    return HJ_OK;
}

/* One input of a batch, compiled or passed through. */
typedef struct hj_input {
    hj_object object;
    hj_ir_object compiled;
    void *file;
    hj_lazy_source *lazy; /* a lazy module's source, until the engine holds it */
} hj_input;

/* A lazy input: C goes through clang first. */
static hj_status open_lazy_input(hj_engine *e, hj_input *in, const char *path, bool is_c,
                                 const hj_ir_options *opts, hj_err *err)
{
    void *bitcode = NULL;
    size_t size = in->object.size;
    uint64_t t0 = hj_ir_now_ns();
    if (is_c)
        HJ_TRY(hj_cc_run(path, opts, false, &bitcode, &size, err));
    uint64_t clang_ns = hj_ir_now_ns() - t0;
    hj_status st = open_lazy(e, path, is_c ? bitcode : in->file, size, NULL, opts, &in->compiled,
                             &in->lazy, err);
    free(bitcode);
    in->compiled.parse_ns += clang_ns;
    in->object = (hj_object){path, in->compiled.data, in->compiled.size, 1};
    return st;
}

static hj_status compile_input(hj_engine *e, hj_input *in, const char *path, const hj_ir_options *opts,
                               hj_err *err)
{
    size_t size = 0;
    HJ_TRY(hj_read_file(path, &in->file, &size, err));
    in->object = (hj_object){path, in->file, size, 0};
    hj_input_kind kind = hj_ir_input_kind(path, in->file, size);
    if (kind == HJ_INPUT_OBJECT)
        return HJ_OK;
    if (opts && opts->lazy)
        return open_lazy_input(e, in, path, kind == HJ_INPUT_C, opts, err);
    hj_lock(&ir_lock);
    hj_status st = hj_front_compile(get_ir, e, path, in->file, size, kind == HJ_INPUT_C, opts,
                                    &in->compiled, err);
    hj_unlock(&ir_lock);
    in->object = (hj_object){path, in->compiled.data, in->compiled.size, 1};
    return st;
}

static void record_compile_stats(hj_module *m, const hj_ir_object *c)
{
    m->stats.parse_ns = c->parse_ns;
    m->stats.optimize_ns = c->optimize_ns;
    m->stats.codegen_ns = c->codegen_ns;
    m->stats.cache_hit = c->cache_hit;
}

/* Sources the engine did not take: the add failed. */
static void drop_lazy_sources(hj_input *in, size_t count)
{
    for (size_t i = 0; in && i < count; i++) {
        if (in[i].lazy)
            in[i].lazy->release(in[i].lazy);
        in[i].lazy = NULL;
    }
}

static hj_status add_inputs(hj_engine *e, hj_input *in, size_t count, hj_module **out)
{
    hj_object *objects = calloc(count + 1, sizeof *objects);
    hj_module **modules = calloc(count + 1, sizeof *modules);
    hj_lazy_source **lazy = calloc(count + 1, sizeof *lazy);
    hj_status st = HJ_ERR_NOMEM;
    if (objects && modules && lazy) {
        for (size_t i = 0; i < count; i++) {
            objects[i] = in[i].object;
            lazy[i] = in[i].lazy;
        }
        st = hj_add_objects_lazy(e, objects, lazy, count, modules);
    }
    free(lazy);
    if (st == HJ_OK)
        for (size_t i = 0; i < count; i++)
            in[i].lazy = NULL; /* the engine's now */
    e->warnings[0] = '\0';
    for (size_t i = 0; st == HJ_OK && i < count; i++) {
        record_compile_stats(modules[i], &in[i].compiled);
        if (in[i].compiled.warning[0] && !e->warnings[0])
            snprintf(e->warnings, sizeof e->warnings, "%s", in[i].compiled.warning);
        if (out)
            out[i] = modules[i];
    }
    free(objects);
    free(modules);
    return st;
}

hj_status hj_add_files(hj_engine *engine, const char *const *paths, size_t count,
                       const hj_ir_options *opts, hj_module **out)
{
    if (!engine || (!paths && count))
        return engine ? hj_engine_fail(engine, &(hj_err){HJ_ERR_ARG, "hj_add_files: paths is NULL"})
                      : HJ_ERR_ARG;
    hj_err err = {HJ_OK, ""};
    hj_input *in = calloc(count + 1, sizeof *in);
    hj_status st = in ? HJ_OK : hj_fail(&err, HJ_ERR_NOMEM, "out of memory");
    for (size_t i = 0; st == HJ_OK && i < count; i++)
        st = paths[i] ? compile_input(engine, &in[i], paths[i], opts, &err)
                      : hj_fail(&err, HJ_ERR_ARG, "hj_add_files: path %zu is NULL", i);
    if (st == HJ_OK)
        st = add_inputs(engine, in, count, out); /* sets the engine's message itself */
    else
        hj_engine_fail(engine, &err);
    drop_lazy_sources(in, count);
    for (size_t i = 0; in && i < count; i++) {
        free(in[i].file);
        free(in[i].compiled.data);
    }
    free(in);
    return st;
}

hj_status hj_add_ir(hj_engine *engine, const char *name, const void *data, size_t size,
                    const hj_ir_options *opts, hj_module **out)
{
    if (!engine || !data)
        return engine ? hj_engine_fail(engine, &(hj_err){HJ_ERR_ARG, "hj_add_ir: data is NULL"})
                      : HJ_ERR_ARG;
    hj_err err;
    hj_input in = {0};
    const char *label = name ? name : "<ir>";
    hj_status st;
    if (opts && opts->lazy) {
        st = open_lazy(engine, label, data, size, NULL, opts, &in.compiled, &in.lazy, &err);
    } else {
        hj_lock(&ir_lock);
        st = hj_front_compile(get_ir, engine, label, data, size, false, opts, &in.compiled, &err);
        hj_unlock(&ir_lock);
    }
    in.object = (hj_object){label, in.compiled.data, in.compiled.size, 1};
    st = st == HJ_OK ? add_inputs(engine, &in, 1, out) : hj_engine_fail(engine, &err);
    drop_lazy_sources(&in, 1);
    free(in.compiled.data);
    return st;
}

/* The host built the module, so it has LLVM loaded even when the ir layer is missing. */
static void dispose_without_ir_layer(struct LLVMOpaqueModule *module)
{
    void *sym = dlsym(RTLD_DEFAULT, "LLVMDisposeModule");
    void (*dispose)(struct LLVMOpaqueModule *);
    memcpy(&dispose, &sym, sizeof dispose);
    if (dispose)
        dispose(module);
}

hj_status hj_add_llvm_module(hj_engine *engine, const char *name, struct LLVMOpaqueModule *module,
                             const hj_ir_options *opts, hj_module **out)
{
    if (!engine || !module)
        return engine ? hj_engine_fail(engine, &(hj_err){HJ_ERR_ARG, "hj_add_llvm_module: module is NULL"})
                      : HJ_ERR_ARG;
    hj_err err;
    hj_ir *ir = NULL;
    hj_input in = {0};
    const char *label = name ? name : "<module>";
    hj_status st;
    if (opts && opts->lazy) {
        st = open_lazy(engine, label, NULL, 0, module, opts, &in.compiled, &in.lazy, &err);
    } else if ((st = engine_ir(engine, &ir, &err)) == HJ_OK) {
        hj_lock(&ir_lock);
        st = ir_layer->compile_module(ir, label, module, opts, &in.compiled, &err);
        hj_unlock(&ir_lock);
    } else {
        dispose_without_ir_layer(module); /* ownership passed to us in every case */
    }
    in.object = (hj_object){label, in.compiled.data, in.compiled.size, 1};
    st = st == HJ_OK ? add_inputs(engine, &in, 1, out) : hj_engine_fail(engine, &err);
    drop_lazy_sources(&in, 1);
    free(in.compiled.data);
    return st;
}

hj_status hj_replace_file(hj_engine *engine, hj_module *module, const char *path,
                          const hj_ir_options *opts, unsigned flags, hj_module **out)
{
    if (!engine || !module || !path)
        return engine ? hj_engine_fail(engine, &(hj_err){HJ_ERR_ARG, "hj_replace_file: NULL argument"})
                      : HJ_ERR_ARG;
    hj_err err = {HJ_OK, ""};
    hj_input in = {0};
    hj_module *m = NULL;
    hj_status st = compile_input(engine, &in, path, opts, &err);
    if (st == HJ_OK) {
        st = hj_replace_object_lazy(engine, module, &in.object, in.lazy, flags, &m);
        if (st == HJ_OK) {
            in.lazy = NULL; /* the engine's now */
            record_compile_stats(m, &in.compiled);
            if (out)
                *out = m;
        }
    } else {
        hj_engine_fail(engine, &err);
    }
    drop_lazy_sources(&in, 1);
    free(in.file);
    free(in.compiled.data);
    return st;
}
