/* compile_bound — what compiling a chosen set of functions costs when done as whole
 * modules, for bench/lazy_bound.sh: a lower bound for lazy compilation at the same level.
 *
 * usage: compile_bound MODE LEVEL NEEDED_LIST FILE.bc...
 *   MODE   all:       every function of every module (an eager compile)
 *          only:      the functions named in NEEDED_LIST; every other body deleted (a
 *                     declaration), so nothing else is optimised, generated or inlined
 *          available: the NEEDED functions, and available_externally copies of the
 *                     functions they reach by direct calls (transitively): the optimiser
 *                     may inline those as in the whole module, then drops them; other
 *                     bodies deleted (they could not be inlined into the needed ones)
 *   LEVEL  0..3: the IR pipeline default<O LEVEL> and the code generator's level, as
 *          hotjit's ir layer uses them (host CPU and features, PIC)
 * Per module: parse (not timed), optimise, emit an object to memory. Prints one line
 * (K: needed functions defined; O: available_externally copies):
 *   MODE kept K other O optimise_ms X codegen_ms Y total_ms Z
 */
#include <llvm-c/BitReader.h>
#include <llvm-c/Core.h>
#include <llvm-c/Target.h>
#include <llvm-c/TargetMachine.h>
#include <llvm-c/Transforms/PassBuilder.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

/* The needed names, one per line, searched as "\nNAME\n" in the text. */
static char *read_list(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    rewind(f);
    char *text = calloc((size_t)n + 3, 1);
    text[0] = '\n';
    size_t got = fread(text + 1, 1, (size_t)n, f);
    text[got + 1] = '\n';
    fclose(f);
    return text;
}

static int is_needed(const char *list, const char *name)
{
    char key[1024];
    snprintf(key, sizeof key, "\n%s\n", name);
    return strstr(list, key) != NULL;
}

/* The C API of LLVM 14 cannot delete a body: every instruction's uses become undef,
 * then every instruction goes (no block is referred to any more: PHIs and branches are
 * gone), then the blocks. */
static void delete_body(LLVMValueRef f)
{
    for (LLVMBasicBlockRef b = LLVMGetFirstBasicBlock(f); b; b = LLVMGetNextBasicBlock(b))
        for (LLVMValueRef i = LLVMGetFirstInstruction(b); i; i = LLVMGetNextInstruction(i))
            LLVMReplaceAllUsesWith(i, LLVMGetUndef(LLVMTypeOf(i)));
    for (LLVMBasicBlockRef b = LLVMGetFirstBasicBlock(f); b; b = LLVMGetNextBasicBlock(b)) {
        LLVMValueRef i;
        while ((i = LLVMGetFirstInstruction(b)))
            LLVMInstructionEraseFromParent(i);
    }
    LLVMBasicBlockRef b;
    while ((b = LLVMGetFirstBasicBlock(f)))
        LLVMDeleteBasicBlock(b);
    if (LLVMHasPersonalityFn(f))
        LLVMSetPersonalityFn(f, NULL);
}

/* The functions defined in m that the needed ones reach by direct calls. */
typedef struct fn_set {
    LLVMValueRef *v;
    size_t n, cap;
} fn_set;

static int set_has(const fn_set *s, LLVMValueRef f)
{
    for (size_t i = 0; i < s->n; i++)
        if (s->v[i] == f)
            return 1;
    return 0;
}

static void set_add(fn_set *s, LLVMValueRef f)
{
    if (s->n == s->cap) {
        s->cap = s->cap * 2 + 64;
        s->v = realloc(s->v, s->cap * sizeof *s->v);
    }
    s->v[s->n++] = f;
}

static fn_set reachable(LLVMModuleRef m, const char *list)
{
    fn_set s = {0};
    for (LLVMValueRef f = LLVMGetFirstFunction(m); f; f = LLVMGetNextFunction(f)) {
        size_t len;
        if (!LLVMIsDeclaration(f) && is_needed(list, LLVMGetValueName2(f, &len)))
            set_add(&s, f);
    }
    for (size_t k = 0; k < s.n; k++) /* grows as callees are found */
        for (LLVMBasicBlockRef b = LLVMGetFirstBasicBlock(s.v[k]); b; b = LLVMGetNextBasicBlock(b))
            for (LLVMValueRef i = LLVMGetFirstInstruction(b); i; i = LLVMGetNextInstruction(i)) {
                if (!LLVMIsACallInst(i) && !LLVMIsAInvokeInst(i))
                    continue;
                LLVMValueRef callee = LLVMGetCalledValue(i);
                if (callee && LLVMIsAFunction(callee) && !LLVMIsDeclaration(callee) &&
                    !set_has(&s, callee))
                    set_add(&s, callee);
            }
    return s;
}

/* Leaves the needed functions as they are; the others become declarations (only), or
 * available_externally definitions when the needed ones reach them (available). */
static void choose(LLVMModuleRef m, const char *mode, const char *list, int *kept, int *other)
{
    fn_set reach = strcmp(mode, "available") ? (fn_set){0} : reachable(m, list);
    for (LLVMValueRef f = LLVMGetFirstFunction(m); f; f = LLVMGetNextFunction(f)) {
        size_t len;
        const char *name = LLVMGetValueName2(f, &len);
        if (LLVMIsDeclaration(f) || !strcmp(mode, "all") || is_needed(list, name)) {
            *kept += !LLVMIsDeclaration(f);
            continue;
        }
        LLVMSetVisibility(f, LLVMDefaultVisibility);
        if (set_has(&reach, f)) {
            ++*other;
            LLVMSetLinkage(f, LLVMAvailableExternallyLinkage);
        } else {
            delete_body(f);
            LLVMSetLinkage(f, LLVMExternalLinkage);
        }
    }
    free(reach.v);
}

int main(int argc, char **argv)
{
    if (argc < 5 || (strcmp(argv[1], "all") && strcmp(argv[1], "only") && strcmp(argv[1], "available"))) {
        fprintf(stderr, "usage: compile_bound all|only|available LEVEL NEEDED_LIST FILE.bc...\n");
        return 2;
    }
    int level = atoi(argv[2]);
    char *list = read_list(argv[3]);
    if (!list || level < 0 || level > 3) {
        fprintf(stderr, "compile_bound: cannot read %s, or bad level\n", argv[3]);
        return 2;
    }
    LLVMInitializeNativeTarget();
    LLVMInitializeNativeAsmPrinter();
    char *triple = LLVMGetDefaultTargetTriple(), *err = NULL;
    LLVMTargetRef target;
    if (LLVMGetTargetFromTriple(triple, &target, &err)) {
        fprintf(stderr, "compile_bound: %s\n", err);
        return 2;
    }
    static const LLVMCodeGenOptLevel cg[] = {LLVMCodeGenLevelNone, LLVMCodeGenLevelLess,
                                             LLVMCodeGenLevelDefault, LLVMCodeGenLevelAggressive};
    LLVMTargetMachineRef tm = LLVMCreateTargetMachine(target, triple, LLVMGetHostCPUName(),
                                                      LLVMGetHostCPUFeatures(), cg[level],
                                                      LLVMRelocPIC, LLVMCodeModelDefault);
    char pipeline[32];
    snprintf(pipeline, sizeof pipeline, "default<O%d>", level);
    double opt = 0, gen = 0;
    int kept = 0, other = 0;
    for (int i = 4; i < argc; i++) {
        LLVMMemoryBufferRef buf, out;
        LLVMModuleRef m;
        LLVMContextRef ctx = LLVMContextCreate();
        if (LLVMCreateMemoryBufferWithContentsOfFile(argv[i], &buf, &err) ||
            LLVMParseBitcodeInContext2(ctx, buf, &m)) {
            fprintf(stderr, "compile_bound: cannot read %s\n", argv[i]);
            return 2;
        }
        choose(m, argv[1], list, &kept, &other);
        double t0 = now_ms();
        LLVMPassBuilderOptionsRef po = LLVMCreatePassBuilderOptions();
        LLVMErrorRef e = LLVMRunPasses(m, pipeline, tm, po);
        LLVMDisposePassBuilderOptions(po);
        double t1 = now_ms();
        if (e || LLVMTargetMachineEmitToMemoryBuffer(tm, m, LLVMObjectFile, &err, &out)) {
            fprintf(stderr, "compile_bound: %s: cannot compile\n", argv[i]);
            return 2;
        }
        double t2 = now_ms();
        opt += t1 - t0;
        gen += t2 - t1;
        LLVMDisposeMemoryBuffer(out);
        LLVMDisposeModule(m);
        LLVMContextDispose(ctx);
    }
    printf("%s kept %d other %d optimise_ms %.1f codegen_ms %.1f total_ms %.1f\n", argv[1], kept,
           other, opt, gen, opt + gen);
    free(list);
    return 0;
}
