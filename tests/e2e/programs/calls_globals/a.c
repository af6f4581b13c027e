#include <stdio.h>
#include <string.h>
#include "shared.h"

long g_total = -1;

const char *const g_words[] = { "alpha", "beta", "gamma", "delta", "epsilon" };
const int g_nwords = sizeof g_words / sizeof g_words[0];

static int helper(void) { return 1; }

int a_which_helper(void) { return helper() + (g_counter > 0); }

int is_even(unsigned n) { return n == 0 ? 1 : is_odd(n - 1); }

void a_bump(int by)
{
    g_counter += by;
    printf("a_bump(%d): g_counter=%d name=%s\n", by, g_counter, g_name);
}

long a_sum_words(void)
{
    long s = 0;
    for (int i = 0; i < g_nwords; i++)
        s += (long)strlen(g_words[i]) * (i + 1);
    return s + g_total % 1000;
}

int shared_static_counter(void)
{
    static int calls = 10;
    g_counter++;
    return ++calls;
}
