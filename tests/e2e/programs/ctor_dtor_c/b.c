#include "ev.h"

int table_ready;
int lookup_table[8];

__attribute__((constructor(102))) static void b_ctor_102(void)
{
    for (int i = 0; i < 8; i++)
        lookup_table[i] = i * i + 1;
    table_ready = 1;
    ev("b ctor 102 (fills table)");
}
__attribute__((constructor(250))) static void b_ctor_250(void) { ev("b ctor 250"); }
__attribute__((constructor)) static void b_ctor_1(void) { ev("b ctor default #1"); }
__attribute__((constructor)) static void b_ctor_2(void) { ev("b ctor default #2"); }
__attribute__((destructor(102))) static void b_dtor_102(void) { ev("b dtor 102"); }
__attribute__((destructor(250))) static void b_dtor_250(void) { ev("b dtor 250"); }
__attribute__((destructor)) static void b_dtor(void) { ev("b dtor default"); }
