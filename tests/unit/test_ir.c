/* ir: input kinds, a module built through LLVM's C API handed to the engine (the
 * engine owns it), IR errors with file:line:col and the engine unchanged, a foreign
 * target triple replaced with a warning, and the object cache detecting corruption. */
#include <dirent.h>
#include <llvm-c/Core.h>
#include <stdint.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "engine/engine.h"
#include "ir/ir.h"

static void test_kinds(void)
{
    CHECK(hj_ir_input_kind("x.o", "\x7f" "ELF....", 8) == HJ_INPUT_OBJECT);
    CHECK(hj_ir_input_kind("x.ll", "BC\xc0\xde....", 8) == HJ_INPUT_BITCODE); /* content wins */
    CHECK(hj_ir_input_kind("x.c", "int x;", 6) == HJ_INPUT_C);
    CHECK(hj_ir_input_kind("x.bc", "define void @f() { ret void }", 29) == HJ_INPUT_IR_TEXT);
}

/* int add3(int x) { return x + 3; }, built with the C API in its own context. */
static void test_llvm_module(void)
{
    LLVMContextRef ctx = LLVMContextCreate();
    LLVMModuleRef m = LLVMModuleCreateWithNameInContext("built", ctx);
    LLVMTypeRef i32 = LLVMInt32TypeInContext(ctx);
    LLVMTypeRef fnty = LLVMFunctionType(i32, &i32, 1, 0);
    LLVMValueRef fn = LLVMAddFunction(m, "add3", fnty);
    LLVMBuilderRef b = LLVMCreateBuilderInContext(ctx);
    LLVMPositionBuilderAtEnd(b, LLVMAppendBasicBlockInContext(ctx, fn, "entry"));
    LLVMBuildRet(b, LLVMBuildAdd(b, LLVMGetParam(fn, 0), LLVMConstInt(i32, 3, 0), "r"));
    LLVMDisposeBuilder(b);

    hj_engine *e;
    CHECK(hj_engine_create(&e, NULL) == HJ_OK);
    CHECK(hj_add_llvm_module(e, "built", m, NULL, NULL) == HJ_OK);
    void *p;
    CHECK(hj_lookup(e, "add3", &p) == HJ_OK);
    int (*add3)(int);
    memcpy(&add3, &p, sizeof add3);
    CHECK(add3(4) == 7);
    hj_engine_destroy(e);
    LLVMContextDispose(ctx); /* the module is gone already: the engine owned it */
}

static void test_errors(void)
{
    hj_engine *e;
    CHECK(hj_engine_create(&e, NULL) == HJ_OK);
    const char *bad = "define i32 @f() {\n  ret i64 0\n}\n";
    CHECK(hj_add_ir(e, "bad.ll", bad, strlen(bad), NULL, NULL) == HJ_ERR_FORMAT);
    CHECK_CONTAINS(hj_errmsg(e), "bad.ll:2:");
    const char *unverified = "define i32 @g() {\nentry:\n  br label %next\nnext:\n  ret i32 %v\n"
                             "other:\n  %v = add i32 1, 2\n  br label %next\n}\n";
    CHECK(hj_add_ir(e, "dom.ll", unverified, strlen(unverified), NULL, NULL) == HJ_ERR_FORMAT);
    CHECK_CONTAINS(hj_errmsg(e), "dom.ll");
    const char garbage[] = "BC\xc0\xde\x01\x02\x03\x04garbage";
    CHECK(hj_add_ir(e, "junk.bc", garbage, sizeof garbage, NULL, NULL) == HJ_ERR_FORMAT);
    CHECK_CONTAINS(hj_errmsg(e), "junk.bc");
    void *p;
    CHECK(hj_lookup(e, "f", &p) == HJ_ERR_UNDEFINED);
    /* a foreign target: compiled for the host, with a warning */
    const char *arm = "target triple = \"aarch64-unknown-linux-gnu\"\n"
                      "define i32 @h() {\n  ret i32 5\n}\n";
    CHECK(hj_add_ir(e, "arm.ll", arm, strlen(arm), NULL, NULL) == HJ_OK);
    CHECK_CONTAINS(hj_warnings(e), "aarch64-unknown-linux-gnu");
    CHECK(hj_lookup(e, "h", &p) == HJ_OK && ((int (*)(void))p)() == 5);
    hj_engine_destroy(e);
}

/* A module takes the address of a function no module defines yet: it loads, the address
 * is the function's stub, and a later module's definition is reached through it. */
static void test_address_of_later_function(void)
{
    hj_engine *e;
    CHECK(hj_engine_create(&e, NULL) == HJ_OK);
    const char *a = "declare i32 @later(i32)\n"
                    "declare i32 @extvar_missing_is_data_only_if_used(i32)\n"
                    "@table = global i32 (i32)* @later\n"
                    "define i32 (i32)* @get() {\n  %p = load i32 (i32)*, i32 (i32)** @table\n"
                    "  ret i32 (i32)* %p\n}\n";
    const char *b = "define i32 @later(i32 %x) {\n  %r = mul i32 %x, 3\n  ret i32 %r\n}\n";
    CHECK(hj_add_ir(e, "taker.ll", a, strlen(a), NULL, NULL) == HJ_OK);
    CHECK(hj_add_ir(e, "later.ll", b, strlen(b), NULL, NULL) == HJ_OK);
    void *get = NULL, *later = NULL;
    CHECK(hj_lookup(e, "get", &get) == HJ_OK && hj_lookup(e, "later", &later) == HJ_OK);
    int (*(*get_fn)(void))(int);
    memcpy(&get_fn, &get, sizeof get_fn);
    int (*fn)(int) = get_fn();
    CHECK((void *)fn == later); /* the stub: one address, taken before the definition came */
    CHECK(fn(5) == 15);
    /* data a module needs is still an error at once */
    const char *c = "@nowhere = external global i32\n"
                    "define i32 @read() {\n  %v = load i32, i32* @nowhere\n  ret i32 %v\n}\n";
    CHECK(hj_add_ir(e, "data.ll", c, strlen(c), NULL, NULL) == HJ_ERR_UNDEFINED);
    CHECK_CONTAINS(hj_errmsg(e), "nowhere");
    hj_engine_destroy(e);
}

static int corrupt_cache(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *ent;
    int n = 0;
    while (d && (ent = readdir(d))) {
        if (ent->d_name[0] == '.')
            continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, ent->d_name);
        FILE *f = fopen(path, "r+b");
        if (f && fseek(f, -16, SEEK_END) == 0) { /* flip bytes inside the object */
            fputc(0x5a, f);
            fputc(0xa5, f);
            n++;
        }
        if (f)
            fclose(f);
    }
    if (d)
        closedir(d);
    return n;
}

static int run_cached(const char *dir, const char *ir, int *hit)
{
    hj_engine *e;
    hj_module *m = NULL;
    hj_ir_options opts = {.cache_dir = dir};
    int value = -1;
    void *p;
    if (hj_engine_create(&e, NULL) == HJ_OK &&
        hj_add_ir(e, "cached.ll", ir, strlen(ir), &opts, &m) == HJ_OK &&
        hj_lookup(e, "seven", &p) == HJ_OK) {
        hj_module_stats s;
        hj_get_module_stats(m, &s);
        *hit = s.cache_hit;
        value = ((int (*)(void))p)();
    }
    hj_engine_destroy(e);
    return value;
}

static void test_cache(void)
{
    char dir[] = "/tmp/hotjit-cache-test-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    const char *ir = "define i32 @seven() {\n  ret i32 7\n}\n";
    int hit = -1;
    CHECK(run_cached(dir, ir, &hit) == 7 && hit == 0);
    CHECK(run_cached(dir, ir, &hit) == 7 && hit == 1);
    CHECK(corrupt_cache(dir) == 1);
    CHECK(run_cached(dir, ir, &hit) == 7 && hit == 0); /* detected, rebuilt */
    CHECK(run_cached(dir, ir, &hit) == 7 && hit == 1);
    const char *other = "define i32 @seven() {\n  ret i32 8\n}\n"; /* another input: a miss */
    CHECK(run_cached(dir, other, &hit) == 8 && hit == 0);
    char cmd[4200];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    CHECK(system(cmd) == 0);
}

int main(void)
{
    test_kinds();
    test_llvm_module();
    test_errors();
    test_address_of_later_function();
    test_cache();
    return check_report("ir");
}
