/* Parse, verify, adapt to the host, optimise and generate an object in memory. */
#include "ir/extract.h"
#include "ir/ir.h"
#include "ir/llvm_steps.h"

#include <llvm-c/Analysis.h>
#include <llvm-c/BitReader.h>
#include <llvm-c/Core.h>
#include <llvm-c/IRReader.h>
#include <llvm-c/Target.h>
#include <llvm-c/TargetMachine.h>
#include <llvm-c/Transforms/PassBuilder.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct hj_ir {
    LLVMContextRef context;
    LLVMTargetRef target;
    char *triple, *cpu, *features;
    LLVMTargetMachineRef machines[4]; /* one per optimisation level, made when first used */
    char diagnostic[512];             /* the context's last error (bitcode reader, ...) */
};

/* LLVM's default handler prints an error and exits the process: the library must not. */
static void on_diagnostic(LLVMDiagnosticInfoRef info, void *arg)
{
    hj_ir *ir = arg;
    if (LLVMGetDiagInfoSeverity(info) != LLVMDSError)
        return;
    char *text = LLVMGetDiagInfoDescription(info);
    snprintf(ir->diagnostic, sizeof ir->diagnostic, "%s", text ? text : "");
    LLVMDisposeMessage(text);
}


/* ------------------------------------------------------------------------------------
 * Setup
 * ------------------------------------------------------------------------------------ */

static pthread_once_t native_once = PTHREAD_ONCE_INIT;

static void init_native_target(void)
{
    LLVMInitializeNativeTarget();
    LLVMInitializeNativeAsmPrinter();
    LLVMInitializeNativeAsmParser(); /* module-level asm: the .type directives below */
}

hj_status hj_ir_create(hj_ir **out, hj_err *err)
{
    pthread_once(&native_once, init_native_target);
    hj_ir *ir = calloc(1, sizeof *ir);
    if (!ir)
        return hj_fail(err, HJ_ERR_NOMEM, "out of memory");
    ir->triple = LLVMGetDefaultTargetTriple();
    ir->cpu = LLVMGetHostCPUName();
    ir->features = LLVMGetHostCPUFeatures();
    char *why = NULL;
    if (LLVMGetTargetFromTriple(ir->triple, &ir->target, &why)) {
        hj_status st = hj_fail(err, HJ_ERR_STATE, "LLVM has no target for %s: %s", ir->triple,
                               why ? why : "");
        LLVMDisposeMessage(why);
        hj_ir_destroy(ir);
        return st;
    }
    ir->context = LLVMContextCreate();
    LLVMContextSetDiagnosticHandler(ir->context, on_diagnostic, ir);
    *out = ir;
    return HJ_OK;
}

void hj_ir_destroy(hj_ir *ir)
{
    if (!ir)
        return;
    for (int i = 0; i < 4; i++)
        if (ir->machines[i])
            LLVMDisposeTargetMachine(ir->machines[i]);
    if (ir->context)
        LLVMContextDispose(ir->context);
    LLVMDisposeMessage(ir->triple);
    LLVMDisposeMessage(ir->cpu);
    LLVMDisposeMessage(ir->features);
    free(ir);
}

int hj_ir_level_of(const hj_ir_options *opts)
{
    hj_opt_level l = opts ? opts->opt_level : HJ_OPT_DEFAULT;
    return l == HJ_OPT_DEFAULT || l > HJ_OPT_O3 ? 2 : (int)l - 1;
}

/* Position-independent code: the engine places it anywhere in its region, and reaches
 * the process through the GOT. */
LLVMTargetMachineRef hj_ir_machine(hj_ir *ir, int level)
{
    static const LLVMCodeGenOptLevel levels[] = {LLVMCodeGenLevelNone, LLVMCodeGenLevelLess,
                                                 LLVMCodeGenLevelDefault, LLVMCodeGenLevelAggressive};
    if (!ir->machines[level])
        ir->machines[level] = LLVMCreateTargetMachine(ir->target, ir->triple, ir->cpu, ir->features,
                                                      levels[level], LLVMRelocPIC,
                                                      LLVMCodeModelDefault);
    return ir->machines[level];
}

/* ------------------------------------------------------------------------------------
 * From module to object
 * ------------------------------------------------------------------------------------ */

/* A foreign triple or data layout is replaced by the host's, with a warning. */
void hj_ir_adapt_to_host(hj_ir *ir, LLVMModuleRef m, LLVMTargetMachineRef tm, const char *name,
                         hj_ir_object *out)
{
    const char *triple = LLVMGetTarget(m);
    LLVMTargetDataRef layout = LLVMCreateTargetDataLayout(tm);
    char *host_layout = LLVMCopyStringRepOfTargetData(layout);
    const char *module_layout = LLVMGetDataLayoutStr(m);
    bool foreign = (triple && *triple && strcmp(triple, ir->triple) != 0) ||
                   (module_layout && *module_layout && strcmp(module_layout, host_layout) != 0);
    if (foreign)
        snprintf(out->warning, sizeof out->warning,
                 "%s: target '%s' replaced by the host's '%s'", name, triple ? triple : "", ir->triple);
    LLVMSetTarget(m, ir->triple);
    LLVMSetDataLayout(m, host_layout);
    LLVMDisposeMessage(host_layout);
    LLVMDisposeTargetData(layout);
}

/* General-dynamic works in every thread without a static TLS pool. */
void hj_ir_make_tls_dynamic(LLVMModuleRef m)
{
    for (LLVMValueRef g = LLVMGetFirstGlobal(m); g; g = LLVMGetNextGlobal(g))
        if (LLVMIsThreadLocal(g))
            LLVMSetThreadLocalMode(g, LLVMGeneralDynamicTLSModel);
}

hj_status hj_ir_optimize(LLVMModuleRef m, LLVMTargetMachineRef tm, int level, const char *name,
                         hj_err *err)
{
    char pipeline[32];
    snprintf(pipeline, sizeof pipeline, "default<O%d>", level);
    LLVMPassBuilderOptionsRef po = LLVMCreatePassBuilderOptions();
    LLVMErrorRef e = LLVMRunPasses(m, pipeline, tm, po);
    LLVMDisposePassBuilderOptions(po);
    if (!e)
        return HJ_OK;
    char *msg = LLVMGetErrorMessage(e);
    hj_status st = hj_fail(err, HJ_ERR_FORMAT, "%s: optimisation failed: %s", name, msg);
    LLVMDisposeErrorMessage(msg);
    return st;
}

/* Undefined symbols carry no type in an ELF object, so the engine cannot tell a function
 * an IR module takes the address of (which may wait for a later module, through its
 * stub) from data (which must resolve now). A `.type` directive per declared function
 * says it, in the object itself — and so in the object cache too. */
static void mark_declared_functions(hj_ir *ir, LLVMModuleRef m)
{
    if (strncmp(ir->triple, "x86_64", 6) != 0) /* the directive's syntax is per architecture */
        return;
    for (LLVMValueRef f = LLVMGetFirstFunction(m); f; f = LLVMGetNextFunction(f)) {
        size_t n;
        const char *name = LLVMGetValueName2(f, &n);
        if (!LLVMIsDeclaration(f) || LLVMGetIntrinsicID(f) || !n || n > 1000 ||
            strpbrk(name, "\"\\\n"))
            continue;
        char line[1100];
        int len = snprintf(line, sizeof line, ".type \"%s\",@function\n", name);
        LLVMAppendModuleInlineAsm(m, line, (size_t)len);
    }
}

/* After optimisation, before code generation: what the linker is to know of the
 * module's functions, and that their addresses are their stubs. */
void hj_ir_prepare_for_linker(hj_ir *ir, LLVMModuleRef m)
{
    mark_declared_functions(ir, m);
    hj_ir_name_addresses_by_symbol(m);
}

hj_status hj_ir_emit(LLVMModuleRef m, LLVMTargetMachineRef tm, const char *name,
                     hj_ir_object *out, hj_err *err)
{
    char *why = NULL;
    LLVMMemoryBufferRef buf = NULL;
    if (LLVMTargetMachineEmitToMemoryBuffer(tm, m, LLVMObjectFile, &why, &buf)) {
        hj_status st = hj_fail(err, HJ_ERR_FORMAT, "%s: code generation failed: %s", name,
                               why ? why : "");
        LLVMDisposeMessage(why);
        return st;
    }
    size_t size = LLVMGetBufferSize(buf);
    out->data = malloc(size ? size : 1);
    if (out->data)
        memcpy(out->data, LLVMGetBufferStart(buf), size);
    out->size = size;
    LLVMDisposeMemoryBuffer(buf);
    return out->data ? HJ_OK : hj_fail(err, HJ_ERR_NOMEM, "%s: out of memory", name);
}

hj_status hj_ir_verify(LLVMModuleRef m, const char *name, hj_err *err)
{
    char *why = NULL;
    hj_status st = HJ_OK;
    if (LLVMVerifyModule(m, LLVMReturnStatusAction, &why))
        st = hj_fail(err, HJ_ERR_FORMAT, "%s: invalid module: %s", name, why ? why : "");
    LLVMDisposeMessage(why);
    return st;
}

/* Verifies, adapts, optimises, emits; disposes of the module in every case. */
static hj_status compile_module(hj_ir *ir, const char *name, LLVMModuleRef m, int level,
                                hj_ir_object *out, hj_err *err)
{
    hj_status st = hj_ir_verify(m, name, err);
    LLVMTargetMachineRef tm = st == HJ_OK ? hj_ir_machine(ir, level) : NULL;
    if (st == HJ_OK && !tm)
        st = hj_fail(err, HJ_ERR_STATE, "cannot create a target machine for %s", ir->triple);
    if (st == HJ_OK) {
        hj_ir_adapt_to_host(ir, m, tm, name, out);
        hj_ir_make_tls_dynamic(m);
        uint64_t t0 = hj_ir_now_ns();
        st = hj_ir_optimize(m, tm, level, name, err);
        uint64_t t1 = hj_ir_now_ns();
        if (st == HJ_OK) {
            hj_ir_prepare_for_linker(ir, m);
            st = hj_ir_emit(m, tm, name, out, err);
        }
        out->optimize_ns = t1 - t0;
        out->codegen_ns = hj_ir_now_ns() - t1;
    }
    LLVMDisposeModule(m);
    return st;
}

/* ------------------------------------------------------------------------------------
 * Entry points
 * ------------------------------------------------------------------------------------ */

hj_status hj_ir_parse(hj_ir *ir, const char *name, const void *data, size_t size,
                      bool lazy_bodies, LLVMModuleRef *m, hj_err *err)
{
    LLVMMemoryBufferRef buf = LLVMCreateMemoryBufferWithMemoryRangeCopy(data, size, name);
    char *why = NULL;
    bool bitcode = hj_ir_input_kind(NULL, data, size) == HJ_INPUT_BITCODE;
    bool failed;
    if (bitcode && lazy_bodies) { /* the module owns the buffer, and reads bodies from it */
        ir->diagnostic[0] = '\0';
        if (LLVMGetBitcodeModuleInContext2(ir->context, buf, m) != 0) {
            LLVMDisposeMemoryBuffer(buf); /* taken only on success */
            return hj_fail(err, HJ_ERR_FORMAT, "%s: invalid bitcode: %s", name,
                           ir->diagnostic[0] ? ir->diagnostic : "unreadable");
        }
        return HJ_OK;
    }
    if (bitcode) {
        ir->diagnostic[0] = '\0';
        failed = LLVMParseBitcodeInContext2(ir->context, buf, m) != 0;
        LLVMDisposeMemoryBuffer(buf);
        if (failed)
            return hj_fail(err, HJ_ERR_FORMAT, "%s: invalid bitcode: %s", name,
                           ir->diagnostic[0] ? ir->diagnostic : "unreadable");
        return HJ_OK;
    }
    failed = LLVMParseIRInContext(ir->context, buf, m, &why) != 0; /* takes the buffer */
    if (!failed)
        return HJ_OK;
    /* LLVM's message is "NAME:LINE:COL: error: ..." followed by the source line. */
    hj_status st = hj_fail(err, HJ_ERR_FORMAT, "%s", why ? why : "invalid IR");
    LLVMDisposeMessage(why);
    return st;
}

/* IR text or bitcode -> object, timing each step. */
hj_status hj_ir_compile(hj_ir *ir, const char *name, const void *data, size_t size,
                        const hj_ir_options *opts, hj_ir_object *out, hj_err *err)
{
    *out = (hj_ir_object){0};
    LLVMModuleRef m = NULL;
    uint64_t t0 = hj_ir_now_ns();
    hj_status st = hj_ir_parse(ir, name, data, size, false, &m, err);
    out->parse_ns = hj_ir_now_ns() - t0;
    return st == HJ_OK ? compile_module(ir, name, m, hj_ir_level_of(opts), out, err) : st;
}

void hj_ir_dispose_module(void *module)
{
    LLVMDisposeModule((LLVMModuleRef)module);
}

hj_status hj_ir_compile_module(hj_ir *ir, const char *name, void *module,
                               const hj_ir_options *opts, hj_ir_object *out, hj_err *err)
{
    *out = (hj_ir_object){0};
    return compile_module(ir, name, (LLVMModuleRef)module, hj_ir_level_of(opts), out, err);
}
