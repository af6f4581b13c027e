#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include "ex.h"

int level1(int n)
{
    g_steps++;
    printf("level1(%d)\n", n);
    return level2(n + 1) + 1;
}

int level3(int n)
{
    g_steps++;
    printf("level3(%d): calling exit(%d) with pending output...", n, 30 + n);
    fprintf(stderr, "level3: about to exit\n");
    errno = ENOENT;
    perror("level3 perror");
    exit(30 + n);
}
