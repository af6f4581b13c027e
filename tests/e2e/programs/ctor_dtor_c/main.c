#include <stdio.h>
#include "ev.h"

static int main_ctor_saw;

__attribute__((constructor)) static void main_ctor(void)
{
    main_ctor_saw = ev_count;
    ev("main ctor default");
}
__attribute__((constructor(200))) static void main_ctor_200(void) { ev("main ctor 200"); }
__attribute__((destructor)) static void main_dtor(void) { ev("main dtor default"); }
__attribute__((destructor(200))) static void main_dtor_200(void) { ev("main dtor 200"); }

int main(void)
{
    ev("main");
    printf("main: events before main's default ctor: %d, table_ready=%d, sum=%d\n", main_ctor_saw,
           table_ready, lookup_table[0] + lookup_table[3] + lookup_table[7]);
    return 0;
}
