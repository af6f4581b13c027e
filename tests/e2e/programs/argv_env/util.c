#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "util.h"

void print_args(int argc, char **argv)
{
    printf("argc=%d\n", argc);
    for (int i = 1; i < argc; i++)
        printf("argv[%d]=[%s]\n", i, argv[i]);
    printf("argv[argc] is NULL: %s\n", argv[argc] == NULL ? "yes" : "no");
}

static int cmp_strp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

void print_env_prefix(char **envp, const char *prefix)
{
    char *found[64];
    int n = 0;
    size_t pl = strlen(prefix);
    for (char **e = envp; *e && n < 64; e++)
        if (strncmp(*e, prefix, pl) == 0)
            found[n++] = *e;
    qsort(found, n, sizeof found[0], cmp_strp);
    for (int i = 0; i < n; i++)
        printf("env: %s\n", found[i]);
}

long env_number(const char *name)
{
    const char *v = getenv(name);
    return v ? strtol(v, NULL, 10) : -1;
}

void count_stdin(int *lines, int *words, int *chars)
{
    int c, inword = 0;
    *lines = *words = *chars = 0;
    while ((c = getchar()) != EOF) {
        ++*chars;
        if (c == '\n') ++*lines;
        if (isspace(c)) inword = 0;
        else if (!inword) { inword = 1; ++*words; }
    }
}

const char *get_marker(void) { return getenv("E2E_MARKER"); }
