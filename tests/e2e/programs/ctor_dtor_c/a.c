#include <stdio.h>
#include "ev.h"

int ev_count;
static char seen[64][24];

void ev(const char *what)
{
    ev_count++;
    printf("[%02d] %s\n", ev_count, what);
    if (ev_count <= 64)
        snprintf(seen[ev_count - 1], sizeof seen[0], "%s", what);
}

__attribute__((constructor(101))) static void a_ctor_101(void) { ev("a ctor 101"); }
__attribute__((constructor(300))) static void a_ctor_300(void)
{
    char buf[64];
    snprintf(buf, sizeof buf, "a ctor 300 (table_ready=%d t[7]=%d)", table_ready, lookup_table[7]);
    ev(buf);
}
__attribute__((constructor)) static void a_ctor(void) { ev("a ctor default"); }
__attribute__((destructor(101))) static void a_dtor_101(void)
{
    ev("a dtor 101 (last)");
    printf("first event was: %s; events: %d\n", seen[0], ev_count);
}
__attribute__((destructor(300))) static void a_dtor_300(void) { ev("a dtor 300"); }
__attribute__((destructor)) static void a_dtor(void) { ev("a dtor default"); }
