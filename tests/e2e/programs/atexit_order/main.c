#include <stdio.h>
#include <stdlib.h>
#include "ax.h"

static void m1(void) { printf("m1 phase=%d\n", ++g_exit_phase); a_note("m1"); }

int main(void)
{
    a_register();
    atexit(m1);
    b_register();
    printf("main returns (no newline yet)...");
    printf(" now\n");
    printf("unterminated last line of main");
    return 3;
}
