#include <stdio.h>
#include <stdlib.h>
#include "ax.h"

int g_exit_phase;

static void b1(void) { printf("b1 phase=%d\n", ++g_exit_phase); a_note("b1"); }
static void b2(void) { printf("b2 phase=%d\n", ++g_exit_phase); a_note("b2"); }

void b_register(void)
{
    if (atexit(b1) != 0 || atexit(b2) != 0)
        printf("atexit failed\n");
}
