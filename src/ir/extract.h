/* Module surgery for lazy compilation (extract.cpp: LLVM's C++ API, see why there). */
#ifndef HJ_IR_EXTRACT_H
#define HJ_IR_EXTRACT_H

#include <llvm-c/Core.h>
#include <stdbool.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Makes the module's functions compilable one by one: module-local functions and
 * globals become hidden globals named NAME+suffix (so that the separately compiled
 * functions link to each other, and a new version of the module finds its state under
 * the same names), except tables of a function's label addresses, which go with it.
 * With read_bodies, every body of lazily read bitcode is read here, so that calls can be
 * counted (hj_inline_limits.single_call).
 * available_externally functions are no placeholders: each compiled function that calls
 * one gets its own copy (its address stays the real function's). Inline assembly that
 * names a renamed local is rewritten (module-level asm here, a function's when it is
 * extracted). */
void hj_ir_lazy_prepare(LLVMModuleRef module, const char *suffix, bool read_bodies);
/* Why the module cannot be compiled lazily (malloc'd), or NULL. */
char *hj_ir_lazy_unsplittable(LLVMModuleRef module);

/* A copy of the module without function bodies: its global variables, aliases of
 * data, constructors' table and module-level assembly. */
LLVMModuleRef hj_ir_clone_globals(LLVMModuleRef module);

/* The function an alias names, or NULL. */
LLVMValueRef hj_ir_aliased_function(LLVMValueRef value);

/* Every address of a function the module takes is its entry stub, also in its own
 * object: a definition LLVM would name through a module-local alias is made
 * preemptible (a module without "PIE Level", as runtimes emitting IR make them). */
void hj_ir_name_addresses_by_symbol(LLVMModuleRef module);

/* What a compiled function takes along for the optimiser to inline, in instructions:
 * its callees of at most `largest` each, their callees of at most `tiny`, up to `budget`
 * in all; and static functions called only from what goes along, up to `single_call` in
 * all. */
typedef struct hj_inline_limits {
    unsigned budget, largest, tiny, single_call;
} hj_inline_limits;

/* A new module (same context) holding a copy of the function, declarations of what it
 * uses, and module-local copies of the functions of its module it calls (`limits`).
 * Cost: the size of what is copied, not the module's. NULL and *error (free()) when the
 * function's body cannot be read. */
LLVMModuleRef hj_ir_extract_function(LLVMValueRef function, const hj_inline_limits *limits,
                                     char **error);

/* Tiers (hj_ir_options.lazy_tier_up). Whether no call of the function can stay long in
 * its own code: it has no loop, does not call itself or setjmp (and is not naked). */
bool hj_ir_runs_briefly(LLVMValueRef function);
/* The function of the part counts its calls; its Nth call (calls > 0) calls
 * hook(&engine, function), engine being a symbol the linker gives a value, function its
 * own address. False when the part defines no such function. */
bool hj_ir_count_calls(LLVMModuleRef part, const char *function, unsigned calls,
                       const char *hook, const char *engine);

#ifdef __cplusplus
}
#endif

#endif
