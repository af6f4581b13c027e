/* The entry point of libhotjit-ir.so: the table the core calls the ir layer through. */
#include "ir/ir.h"

__attribute__((visibility("default"))) const hj_ir_plugin *hj_ir_plugin_v1(void);

const hj_ir_plugin *hj_ir_plugin_v1(void)
{
    static const hj_ir_plugin table = {
        hj_ir_create, hj_ir_destroy, hj_ir_compile, hj_ir_compile_module,
        hj_ir_dispose_module,
    };
    return &table;
}
