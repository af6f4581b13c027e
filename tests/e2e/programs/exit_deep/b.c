#include <stdio.h>
#include "ex.h"

int g_steps;

int level2(int n)
{
    g_steps++;
    printf("level2(%d)\n", n);
    fputs("level2 on stderr\n", stderr);
    int r = level3(n + 1);
    printf("after level3: never printed %d\n", r);
    return r;
}
