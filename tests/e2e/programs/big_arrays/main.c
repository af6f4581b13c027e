#include <stdio.h>
#include <string.h>
#include "big.h"

static long sum_init(void)
{
    long s = 0;
    for (unsigned i = 0; i < INIT_COUNT; i++)
        s += big_init[i];
    return s;
}

int main(void)
{
    unsigned long nonzero = 0;
    for (unsigned i = 0; i < ZERO_SIZE; i++)
        nonzero += big_zero[i] != 0;
    printf("big_zero: %u bytes, nonzero=%lu checksum=%lu\n", ZERO_SIZE, nonzero, big_checksum_zero());
    for (unsigned i = 0; i < ZERO_SIZE; i += 4096)
        big_zero[i] = (unsigned char)(i >> 12);
    big_zero[ZERO_SIZE - 1] = 0xff;
    printf("big_zero after writes: checksum=%lu last=%u\n", big_checksum_zero(), big_zero[ZERO_SIZE - 1]);

    printf("big_init: sum=%ld [0]=%d [1]=%d [1000]=%d [mid]=%d [last]=%d\n", sum_init(), big_init[0],
           big_init[1], big_init[1000], big_init[INIT_COUNT / 2], big_init[INIT_COUNT - 1]);
    big_init[5] = 1000;
    printf("big_init after write: sum=%ld\n", sum_init());

    unsigned long rs = 0;
    for (unsigned i = 0; i < RO_COUNT; i++)
        rs += big_ro[i];
    printf("big_ro: sum=%lu [17]=%u [last]=%u\n", rs, big_ro[17], big_ro[RO_COUNT - 1]);

    size_t total = 0;
    unsigned same_x = 0;
    for (unsigned i = 0; i < PTR_COUNT; i++) {
        total += strlen(big_ptrs[i]);
        same_x += big_ptrs[i][0] == 'x';
    }
    printf("big_ptrs: total len=%zu x-count=%u [0]=%s [7]=%s [2048]=%s [last]=%s\n", total, same_x,
           big_ptrs[0], big_ptrs[7], big_ptrs[2048], big_ptrs[PTR_COUNT - 1]);
    printf("private: first fill sum=%lu\n", big_private_fill(3));
    printf("private: second fill sum=%lu\n", big_private_fill(0));
    return 0;
}
