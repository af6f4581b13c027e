/* A program of three modules: main calls into greet.c and stats.c, which call back. */
#include <stdio.h>

const char *greeting(const char *who);
void record(const char *word);
int recorded(void);

int main(int argc, char **argv)
{
    const char *who = argc > 1 ? argv[1] : "hotjit";
    puts(greeting(who));
    record("linked");
    record("at run time");
    printf("%d words recorded\n", recorded());
    return 0;
}
