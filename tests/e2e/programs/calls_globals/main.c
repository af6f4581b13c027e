#include <stdio.h>
#include <string.h>
#include "shared.h"

int g_counter;
const char *g_name = "main-module";

static int helper(void) { return 1000; }

int main_square(int x) { return x * x; }

int main(void)
{
    printf("start: g_counter=%d g_total=%ld name=%s\n", g_counter, g_total, g_name);
    a_bump(5);
    a_bump(7);
    printf("after a_bump: g_counter=%d (via b's pointer %d)\n", g_counter, *g_counter_ptr);
    printf("g_counter_ptr == &g_counter: %s\n", g_counter_ptr == &g_counter ? "yes" : "no");
    g_total = 123456789012L;
    printf("a_sum_words=%ld\n", a_sum_words());
    for (unsigned n = 0; n < 8; n++)
        printf("is_even(%u)=%d is_odd(%u)=%d\n", n, is_even(n), n, is_odd(n));
    printf("is_even(1001)=%d\n", is_even(1001));
    printf("b_call_back_main(12)=%d\n", b_call_back_main(12));
    printf("helpers: main=%d a=%d b=%d\n", helper(), a_which_helper(), b_which_helper());
    for (int i = 0; i < 3; i++)
        printf("shared_static_counter=%d\n", shared_static_counter());
    printf("banner=\"%s\" len=%zu\n", g_banner, strlen(g_banner));
    for (int i = 0; i < g_nwords; i++)
        printf("word[%d]=%s\n", i, g_words[i]);
    printf("final: g_counter=%d\n", g_counter);
    return 0;
}
