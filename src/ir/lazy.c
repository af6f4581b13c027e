/* Lazy compilation in the ir plugin. Opening a module prepares it once (verified,
 * adapted to the host, module-local names promoted: extract.h) and emits its globals
 * object: the module without function bodies, plus one placeholder label per function
 * in module-level assembly, so that the engine links the functions' names, stubs and
 * addresses at once. Compiling a function later copies just it (and small callees for
 * inlining) into a module of its own, optimises that at the module's level and emits it.
 * The prepared module stays in the engine's LLVM context until the engine module goes. */
#include <llvm-c/BitWriter.h>
#include <llvm-c/Core.h>
#include <llvm-c/DebugInfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/tier_up.h"
#include "ir/extract.h"
#include "ir/ir.h"
#include "ir/llvm_steps.h"

struct hj_ir_lazy {
    hj_ir *ir;
    LLVMModuleRef module;
    int level;
    unsigned tier_up; /* hj_ir_options.lazy_tier_up */
    char *name;
    char **functions;
    size_t nfunctions;
};

/* Callees copied along for inlining, per optimisation level (hj_inline_limits: in all,
 * the largest callee, the largest callee's callee, statics called once in all). The
 * trade, measured with temporary builds reading them from the environment
 * (bench/README.md): on Lua 5.4 at -O2, no copies gave first output 1.70 s and steady
 * state 1.45x eager's; 2000/150, 1.78 s and 1.05-1.1x; 2000/1000, 2.7 s and no better.
 * On SQLite's INSERT (fastest of 24-30 runs), callees' callees of up to 20 took lazy
 * code from 15 % to 11 % slower than eager, and statics called once (500 per part) to
 * 8 %; with no limit on those it was no faster, and Lua's first-call compilation of
 * print(1) took 2,148 ms against 1,991 (500) and 1,878 (none). -O0 inlines nothing. */
static const hj_inline_limits inline_limits[4] = {
    {0, 0, 0, 0}, {1000, 100, 20, 500}, {2000, 150, 20, 500}, {3000, 200, 20, 500}};

void hj_ir_lazy_close(hj_ir_lazy *lazy)
{
    if (!lazy)
        return;
    if (lazy->module)
        LLVMDisposeModule(lazy->module);
    for (size_t i = 0; i < lazy->nfunctions; i++)
        free(lazy->functions[i]);
    free(lazy->functions);
    free(lazy->name);
    free(lazy);
}

const char *const *hj_ir_lazy_functions(const hj_ir_lazy *lazy, size_t *count)
{
    *count = lazy->nfunctions;
    return (const char *const *)lazy->functions;
}

/* ------------------------------------------------------------------------------------
 * Opening: placeholders
 * ------------------------------------------------------------------------------------ */

typedef struct text {
    char *data;
    size_t len, cap;
    bool failed;
} text;

static void put(text *t, const char *s)
{
    size_t n = strlen(s);
    if (t->len + n + 1 > t->cap) {
        size_t cap = (t->len + n + 1) * 2;
        char *grown = realloc(t->data, cap);
        if (!grown) {
            t->failed = true;
            return;
        }
        t->data = grown;
        t->cap = cap;
    }
    memcpy(t->data + t->len, s, n + 1);
    t->len += n;
}

static bool is_weak(LLVMValueRef v)
{
    LLVMLinkage l = LLVMGetLinkage(v);
    return l == LLVMWeakAnyLinkage || l == LLVMWeakODRLinkage || l == LLVMLinkOnceAnyLinkage ||
           l == LLVMLinkOnceODRLinkage;
}

/* One label per function, with the function's binding and visibility; an alias of a
 * function is the same label under another name (so it shares the function's stub). */
static bool placeholder(text *t, LLVMValueRef v, const char *name, const char *aliasee)
{
    char line[2600];
    if (strlen(name) > 1000 || strpbrk(name, "\"\\\n") || (aliasee && strpbrk(aliasee, "\"\\\n")))
        return false;
    snprintf(line, sizeof line, "%s \"%s\"\n%s\"%s\"\n.type \"%s\",@function\n",
             is_weak(v) ? ".weak" : ".globl", name,
             LLVMGetVisibility(v) == LLVMHiddenVisibility      ? ".hidden "
             : LLVMGetVisibility(v) == LLVMProtectedVisibility ? ".protected "
                                                               : "# ",
             name, name);
    put(t, line);
    if (aliasee)
        snprintf(line, sizeof line, ".set \"%s\", \"%s\"\n", name, aliasee);
    else
        snprintf(line, sizeof line, "\"%s\":\n\tud2\n", name);
    put(t, line);
    return true;
}

static bool add_name(hj_ir_lazy *lazy, const char *name)
{
    char **grown = realloc(lazy->functions, (lazy->nfunctions + 1) * sizeof *grown);
    if (!grown)
        return false;
    lazy->functions = grown;
    return (grown[lazy->nfunctions] = strdup(name)) && ++lazy->nfunctions;
}

static hj_status collect_functions(hj_ir_lazy *lazy, text *asm_text, hj_err *err)
{
    put(asm_text, "\t.text\n");
    for (LLVMValueRef f = LLVMGetFirstFunction(lazy->module); f; f = LLVMGetNextFunction(f)) {
        size_t n;
        const char *name = LLVMGetValueName2(f, &n);
        if (LLVMIsDeclaration(f) || LLVMGetLinkage(f) == LLVMAvailableExternallyLinkage)
            continue;
        if (!placeholder(asm_text, f, name, NULL))
            return hj_fail(err, HJ_ERR_FORMAT, "%s: function name '%.100s' cannot be compiled "
                           "lazily", lazy->name, name);
        if (!add_name(lazy, name))
            return hj_fail(err, HJ_ERR_NOMEM, "out of memory");
    }
    for (LLVMValueRef a = LLVMGetFirstGlobalAlias(lazy->module); a; a = LLVMGetNextGlobalAlias(a)) {
        LLVMValueRef f = hj_ir_aliased_function(a);
        size_t n, fn;
        const char *name = LLVMGetValueName2(a, &n);
        if (!f || LLVMIsDeclaration(f) || LLVMGetLinkage(f) == LLVMAvailableExternallyLinkage)
            continue;
        if (!placeholder(asm_text, a, name, LLVMGetValueName2(f, &fn)))
            return hj_fail(err, HJ_ERR_FORMAT, "%s: alias name '%.100s' cannot be compiled lazily",
                           lazy->name, name);
        if (!add_name(lazy, name))
            return hj_fail(err, HJ_ERR_NOMEM, "out of memory");
    }
    return asm_text->failed ? hj_fail(err, HJ_ERR_NOMEM, "out of memory") : HJ_OK;
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Promoted names end in ".hj" and 8 hex digits, a serial number (opening runs under
 * the ir layer's lock), unique whatever modules are called; a new version finds its
 * kept state under the name without them (src/engine/replace.c). */
static void next_suffix(char *out, size_t size)
{
    static uint32_t serial;
    snprintf(out, size, ".hj%08x", serial++);
}

static hj_status emit_globals(hj_ir_lazy *lazy, LLVMTargetMachineRef tm, hj_ir_object *out,
                              hj_err *err)
{
    text asm_text = {0};
    hj_status st = collect_functions(lazy, &asm_text, err);
    if (st != HJ_OK) {
        free(asm_text.data);
        return st;
    }
    qsort(lazy->functions, lazy->nfunctions, sizeof *lazy->functions, compare_names);
    LLVMModuleRef globals = hj_ir_clone_globals(lazy->module);
    LLVMAppendModuleInlineAsm(globals, asm_text.data, asm_text.len);
    free(asm_text.data);
    hj_ir_prepare_for_linker(lazy->ir, globals);
    uint64_t t0 = hj_ir_now_ns();
    st = hj_ir_emit(globals, tm, lazy->name, out, err);
    out->codegen_ns = hj_ir_now_ns() - t0;
    LLVMDisposeModule(globals);
    return st;
}

static hj_status prepare(hj_ir_lazy *lazy, bool bodies_read, hj_ir_object *globals, hj_err *err)
{
    if (LLVMGetFirstGlobalIFunc(lazy->module)) /* as the linker says of eager modules */
        return hj_fail(err, HJ_ERR_FORMAT, "%s: IFUNC definitions are not supported", lazy->name);
    if (bodies_read) /* else each function is verified when compiled */
        HJ_TRY(hj_ir_verify(lazy->module, lazy->name, err));
    LLVMTargetMachineRef tm = hj_ir_machine(lazy->ir, lazy->level);
    if (!tm)
        return hj_fail(err, HJ_ERR_STATE, "%s: cannot create a target machine", lazy->name);
    uint64_t t0 = hj_ir_now_ns();
    hj_ir_adapt_to_host(lazy->ir, lazy->module, tm, lazy->name, globals);
    hj_ir_make_tls_dynamic(lazy->module);
    LLVMStripModuleDebugInfo(lazy->module);
    char *why = hj_ir_lazy_unsplittable(lazy->module);
    if (why) {
        hj_status st = hj_fail(err, HJ_ERR_FORMAT, "%s: cannot be compiled lazily: %s (add it "
                               "without lazy compilation)", lazy->name, why);
        free(why);
        return st;
    }
    char suffix[16];
    next_suffix(suffix, sizeof suffix);
    /* counting calls costs SQLite's first output ~250 ms, Lua's ~40 ms: not at -O0 */
    hj_ir_lazy_prepare(lazy->module, suffix, inline_limits[lazy->level].single_call > 0);
    globals->optimize_ns = hj_ir_now_ns() - t0;
    return emit_globals(lazy, tm, globals, err);
}

hj_status hj_ir_lazy_open(hj_ir *ir, const char *name, const void *data, size_t size,
                          void *module, const hj_ir_options *opts, hj_ir_lazy **out,
                          hj_ir_object *globals, hj_err *err)
{
    *globals = (hj_ir_object){0};
    *out = NULL;
    hj_ir_lazy *lazy = calloc(1, sizeof *lazy);
    if (!lazy || !(lazy->name = strdup(name))) {
        free(lazy);
        if (module)
            LLVMDisposeModule(module);
        return hj_fail(err, HJ_ERR_NOMEM, "out of memory");
    }
    lazy->ir = ir;
    lazy->level = hj_ir_level_of(opts);
    lazy->tier_up = opts && lazy->level > 0 ? opts->lazy_tier_up : 0;
    uint64_t t0 = hj_ir_now_ns();
    LLVMMemoryBufferRef moved = NULL;
    if (module) { /* kept for the engine's life: moved out of the caller's context */
        moved = LLVMWriteBitcodeToMemoryBuffer(module);
        LLVMDisposeModule(module);
        data = LLVMGetBufferStart(moved);
        size = LLVMGetBufferSize(moved);
    }
    bool bitcode = hj_ir_input_kind(NULL, data, size) == HJ_INPUT_BITCODE;
    hj_status st = hj_ir_parse(ir, name, data, size, true, &lazy->module, err);
    if (moved)
        LLVMDisposeMemoryBuffer(moved);
    globals->parse_ns = hj_ir_now_ns() - t0;
    if (st == HJ_OK)
        st = prepare(lazy, !bitcode, globals, err);
    if (st != HJ_OK) {
        free(globals->data);
        globals->data = NULL;
        hj_ir_lazy_close(lazy);
        return st;
    }
    *out = lazy;
    return HJ_OK;
}

/* ------------------------------------------------------------------------------------
 * Compiling a function
 * ------------------------------------------------------------------------------------ */

static LLVMValueRef find_function(LLVMModuleRef m, const char *name)
{
    LLVMValueRef f = LLVMGetNamedFunction(m, name);
    if (!f)
        f = hj_ir_aliased_function(LLVMGetNamedGlobalAlias(m, name, strlen(name)));
    return f && !LLVMIsDeclaration(f) ? f : NULL;
}

hj_status hj_ir_lazy_compile(hj_ir_lazy *lazy, const char *function, bool tier_up,
                             hj_ir_object *out, uint64_t *extract_ns, hj_err *err)
{
    *out = (hj_ir_object){0};
    LLVMValueRef f = find_function(lazy->module, function);
    if (!f)
        return hj_fail(err, HJ_ERR_UNDEFINED, "%s defines no function '%s'", lazy->name, function);
    out->baseline = lazy->tier_up && !tier_up && hj_ir_runs_briefly(f);
    int level = out->baseline ? 0 : lazy->level;
    size_t name_len;
    const char *defined = LLVMGetValueName2(f, &name_len); /* `function` may be an alias */
    uint64_t t0 = hj_ir_now_ns();
    char *why = NULL;
    LLVMModuleRef part = hj_ir_extract_function(f, &inline_limits[level], &why);
    *extract_ns = hj_ir_now_ns() - t0;
    if (!part) {
        hj_status st = hj_fail(err, HJ_ERR_FORMAT, "%s: %s", lazy->name, why ? why : "?");
        free(why);
        return st;
    }
    t0 = hj_ir_now_ns();
    LLVMTargetMachineRef tm = hj_ir_machine(lazy->ir, level);
    hj_status st = hj_ir_verify(part, function, err); /* lazily read bodies: checked here */
    if (st == HJ_OK && out->baseline &&
        !hj_ir_count_calls(part, defined, lazy->tier_up, HJ_TIER_UP_HOOK, HJ_TIER_UP_ENGINE))
        st = hj_fail(err, HJ_ERR_STATE, "%s: its part defines no '%s' to count calls in",
                     lazy->name, defined);
    if (st == HJ_OK)
        st = hj_ir_optimize(part, tm, level, function, err);
    uint64_t t1 = hj_ir_now_ns();
    if (st == HJ_OK) {
        hj_ir_prepare_for_linker(lazy->ir, part);
        st = hj_ir_emit(part, tm, function, out, err);
    }
    out->optimize_ns = t1 - t0;
    out->codegen_ns = hj_ir_now_ns() - t1;
    LLVMDisposeModule(part);
    return st;
}
