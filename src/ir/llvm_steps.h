/* The steps of the ir plugin that eager (ir.c) and lazy (lazy.c) compilation share. */
#ifndef HJ_IR_LLVM_STEPS_H
#define HJ_IR_LLVM_STEPS_H

#include <llvm-c/Core.h>
#include <llvm-c/TargetMachine.h>

#include "ir/ir.h"

int hj_ir_level_of(const hj_ir_options *opts); /* 0..3 */
/* The target machine for a level, made when first asked (NULL: LLVM cannot). */
LLVMTargetMachineRef hj_ir_machine(hj_ir *ir, int level);
/* lazy_bodies: bitcode's function bodies are read when first materialised. */
hj_status hj_ir_parse(hj_ir *ir, const char *name, const void *data, size_t size,
                      bool lazy_bodies, LLVMModuleRef *m, hj_err *err);
hj_status hj_ir_verify(LLVMModuleRef m, const char *name, hj_err *err);
void hj_ir_adapt_to_host(hj_ir *ir, LLVMModuleRef m, LLVMTargetMachineRef tm, const char *name,
                         hj_ir_object *out);
void hj_ir_make_tls_dynamic(LLVMModuleRef m);
hj_status hj_ir_optimize(LLVMModuleRef m, LLVMTargetMachineRef tm, int level, const char *name,
                         hj_err *err);
/* After optimisation: function declarations typed, own addresses named by symbol. */
void hj_ir_prepare_for_linker(hj_ir *ir, LLVMModuleRef m);
hj_status hj_ir_emit(LLVMModuleRef m, LLVMTargetMachineRef tm, const char *name,
                     hj_ir_object *out, hj_err *err);

#endif
