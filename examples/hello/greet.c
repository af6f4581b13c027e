#include <stdio.h>

void record(const char *word);

const char *greeting(const char *who)
{
    static char text[128];
    snprintf(text, sizeof text, "hello, %s, from a module linked by hotjit", who);
    record("greeted");
    return text;
}
