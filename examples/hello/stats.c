#include <stdio.h>

static int count;

void record(const char *word)
{
    printf("  [stats] %s\n", word);
    count++;
}

int recorded(void)
{
    return count;
}
