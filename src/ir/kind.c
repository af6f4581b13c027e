/* What both the core and the ir plugin need, and needs no LLVM: telling input kinds
 * apart, and a clock. */
#include <string.h>
#include <time.h>

#include "ir/ir.h"

hj_input_kind hj_ir_input_kind(const char *name, const void *data, size_t size)
{
    const unsigned char *b = data;
    if (size >= 4 && !memcmp(b, "\x7f" "ELF", 4))
        return HJ_INPUT_OBJECT;
    if (size >= 4 && (!memcmp(b, "BC\xc0\xde", 4) || !memcmp(b, "\xde\xc0\x17\x0b", 4)))
        return HJ_INPUT_BITCODE;
    size_t n = name ? strlen(name) : 0;
    if (n > 2 && !strcmp(name + n - 2, ".c"))
        return HJ_INPUT_C;
    return HJ_INPUT_IR_TEXT;
}

uint64_t hj_ir_now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}
