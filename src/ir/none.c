/* Built instead of the ir layer when LLVM is not available: the linker core works on
 * its own, and the IR entry points say why they cannot. */
#include <stdio.h>
#include <stdlib.h>

#include "engine/engine.h"

static hj_status no_llvm(hj_engine *engine, const char *what)
{
    hj_err err;
    hj_fail(&err, HJ_ERR_STATE, "%s: this hotjit was built without LLVM", what);
    return engine ? hj_engine_fail(engine, &err) : HJ_ERR_STATE;
}

hj_status hj_add_files(hj_engine *engine, const char *const *paths, size_t count,
                       const hj_ir_options *opts, hj_module **out)
{
    (void)opts;
    return hj_add_object_files(engine, paths, count, out);
}

hj_status hj_add_ir(hj_engine *engine, const char *name, const void *data, size_t size,
                    const hj_ir_options *opts, hj_module **out)
{
    (void)name, (void)data, (void)size, (void)opts, (void)out;
    return no_llvm(engine, "hj_add_ir");
}

hj_status hj_add_llvm_module(hj_engine *engine, const char *name, struct LLVMOpaqueModule *module,
                             const hj_ir_options *opts, hj_module **out)
{
    (void)name, (void)module, (void)opts, (void)out;
    return no_llvm(engine, "hj_add_llvm_module");
}

hj_status hj_replace_file(hj_engine *engine, hj_module *module, const char *path,
                          const hj_ir_options *opts, unsigned flags, hj_module **out)
{
    (void)opts;
    hj_err err;
    void *data;
    size_t size;
    if (!engine || !path)
        return engine ? no_llvm(engine, "hj_replace_file") : HJ_ERR_ARG;
    if (hj_read_file(path, &data, &size, &err) != HJ_OK)
        return hj_engine_fail(engine, &err);
    hj_object object = {path, data, size, 0};
    hj_status st = hj_replace_object(engine, module, &object, flags, out);
    free(data);
    return st;
}
