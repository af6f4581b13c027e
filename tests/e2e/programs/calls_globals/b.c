#include <stdio.h>
#include "shared.h"

const char g_banner[] = "hotjit e2e: calls and globals";
int *const g_counter_ptr = &g_counter;

static int helper(void) { return 2; }

int b_which_helper(void) { return helper() * 10; }

int is_odd(unsigned n) { return n == 0 ? 0 : is_even(n - 1); }

int b_call_back_main(int x)
{
    g_counter += 100;
    return main_square(x) + main_square(x + 1);
}
