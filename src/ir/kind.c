/* Telling input kinds apart needs no LLVM: it stays in the core library. */
#include <string.h>

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
