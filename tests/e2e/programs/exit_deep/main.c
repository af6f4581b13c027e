#include <stdio.h>
#include <stdlib.h>
#include "ex.h"

static void bye(void)
{
    printf("\natexit: steps=%d\n", g_steps);
    fprintf(stderr, "atexit on stderr\n");
}

int main(void)
{
    atexit(bye);
    fprintf(stderr, "main starts\n");
    printf("main: level1 -> %d\n", level1(5));
    printf("never printed\n");
    return 0;
}
