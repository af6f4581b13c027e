/* Fuzz seed: code, data, bss, rodata, strings, calls, a function pointer table,
 * a common symbol and a weak reference. */
#include <stdio.h>

int seed_common;
extern int seed_weak_ref(int) __attribute__((weak));
static const char *const names[] = {"zero", "one", "two"};
static int counter = 3;
static long zeros[16];

static int twice(int x) { return 2 * x; }
int (*const table[])(int) = {twice};

int seed_main(int x)
{
    zeros[x & 15] += x;
    if (seed_weak_ref)
        x += seed_weak_ref(x);
    printf("%s %d\n", names[x % 3], table[0](x) + counter + seed_common);
    return 0;
}
