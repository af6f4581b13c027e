/* The entry point of libhotjit-ir.so: the table the core calls the ir layer through. */
#include "ir/ir.h"

__attribute__((visibility("default"))) const hj_ir_plugin *hj_ir_plugin_v3(void);

const hj_ir_plugin *hj_ir_plugin_v3(void)
{
    static const hj_ir_plugin table = {
        hj_ir_create, hj_ir_destroy, hj_ir_compile, hj_ir_compile_module,
        hj_ir_dispose_module, hj_ir_lazy_open, hj_ir_lazy_functions, hj_ir_lazy_compile,
        hj_ir_lazy_close,
    };
    return &table;
}
