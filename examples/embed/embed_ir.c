/* Embedding hotjit with IR: two modules given as LLVM IR text, the first calling a
 * function the second defines (added later), then one looked up and called. */
#include <stdio.h>
#include <string.h>

#include "hotjit.h"

static const char caller_ir[] =
    "declare i32 @square(i32)\n"
    "define i32 @sum_of_squares(i32 %a, i32 %b) {\n"
    "  %x = call i32 @square(i32 %a)\n"
    "  %y = call i32 @square(i32 %b)\n"
    "  %s = add i32 %x, %y\n"
    "  ret i32 %s\n"
    "}\n";

static const char square_ir[] =
    "define i32 @square(i32 %x) {\n"
    "  %r = mul i32 %x, %x\n"
    "  ret i32 %r\n"
    "}\n";

int main(void)
{
    hj_engine *engine;
    if (hj_engine_create(&engine, NULL) != HJ_OK)
        return 1;
    void *address;
    if (hj_add_ir(engine, "caller.ll", caller_ir, strlen(caller_ir), NULL, NULL) != HJ_OK ||
        hj_add_ir(engine, "square.ll", square_ir, strlen(square_ir), NULL, NULL) != HJ_OK ||
        hj_lookup(engine, "sum_of_squares", &address) != HJ_OK) {
        fprintf(stderr, "embed_ir: %s\n", hj_errmsg(engine));
        hj_engine_destroy(engine);
        return 1;
    }
    int (*sum_of_squares)(int, int);
    memcpy(&sum_of_squares, &address, sizeof sum_of_squares);
    printf("sum_of_squares(3, 4) = %d\n", sum_of_squares(3, 4));
    hj_engine_destroy(engine);
    return 0;
}
