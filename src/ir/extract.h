/* Module surgery for lazy compilation (extract.cpp: LLVM's C++ API, see why there). */
#ifndef HJ_IR_EXTRACT_H
#define HJ_IR_EXTRACT_H

#include <llvm-c/Core.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Makes the module's functions compilable one by one: module-local functions and
 * globals become hidden globals named NAME+suffix (so that the separately compiled
 * functions link to each other, and a new version of the module finds its state under
 * the same names), except tables of a function's label addresses, which go with it.
 * available_externally functions are no placeholders: each compiled function that uses
 * one gets its own copy. */
void hj_ir_lazy_prepare(LLVMModuleRef module, const char *suffix);

/* A copy of the module without function bodies: its global variables, aliases of
 * data, constructors' table and module-level assembly. */
LLVMModuleRef hj_ir_clone_globals(LLVMModuleRef module);

/* The function an alias names, or NULL. */
LLVMValueRef hj_ir_aliased_function(LLVMValueRef value);

/* A new module (same context) holding a copy of the function, declarations of what it
 * uses, and available_externally copies of small functions it calls, up to
 * inline_budget instructions (0: none). Cost: the function's size, not the module's. */
LLVMModuleRef hj_ir_extract_function(LLVMValueRef function, unsigned inline_budget);

#ifdef __cplusplus
}
#endif

#endif
