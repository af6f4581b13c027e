#include "big.h"

/* the range designators below are deliberately overridden element by element */
#ifdef __clang__
#pragma clang diagnostic ignored "-Winitializer-overrides"
#else
#pragma GCC diagnostic ignored "-Woverride-init"
#endif

unsigned char big_zero[ZERO_SIZE];
int big_init[INIT_COUNT] = {
    [0 ... INIT_COUNT - 1] = 7,
    [0] = 1, [1] = 2, [1000] = -5, [INIT_COUNT / 2] = 123456, [INIT_COUNT - 1] = 99,
};
const unsigned short big_ro[RO_COUNT] = {
    [0 ... RO_COUNT - 1] = 3, [17] = 1717, [RO_COUNT - 1] = 4242,
};
const char *const big_ptrs[PTR_COUNT] = {
    [0 ... PTR_COUNT - 1] = "x",
    [0] = "first", [7] = "seven", [2048] = "middle", [PTR_COUNT - 1] = "last",
};
static unsigned int private_big[1u << 20];  /* 4 MiB, static */

unsigned long big_checksum_zero(void)
{
    unsigned long s = 0;
    for (unsigned i = 0; i < ZERO_SIZE; i += 4096)
        s = s * 31 + big_zero[i] + big_zero[i + 4095];
    return s;
}

unsigned long big_private_fill(unsigned v)
{
    unsigned long s = 0;
    for (unsigned i = 0; i < sizeof private_big / sizeof private_big[0]; i++) {
        s += private_big[i];
        private_big[i] = v + i;
    }
    return s;
}
