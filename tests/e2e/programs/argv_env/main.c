#include <stdio.h>
#include <stdlib.h>
#include "util.h"

extern char **environ;

int main(int argc, char **argv, char **envp)
{
    print_args(argc, argv);
    printf("envp == environ: %s\n", envp == environ ? "yes" : "no");
    print_env_prefix(envp, "E2E_");
    const char *g = getenv("E2E_GREETING");
    printf("E2E_GREETING=%s\n", g ? g : "(unset)");
    printf("E2E_NUMBER+1=%ld\n", env_number("E2E_NUMBER") + 1);
    printf("E2E_UNSET=%ld\n", env_number("E2E_UNSET"));
    setenv("E2E_MARKER", "set-in-main", 1);
    const char *m = get_marker();
    printf("marker seen by util.c: %s\n", m ? m : "(unset)");
    int lines, words, chars;
    count_stdin(&lines, &words, &chars);
    printf("stdin: %d lines, %d words, %d chars\n", lines, words, chars);
    fprintf(stderr, "argv_env: returning %d\n", 40 + argc);
    return 40 + argc;
}
