#include "common.h"

int shared_counter;
double shared_d;
char shared_buf[32];
int shared_init;                           /* defined (= 5) in b.c */
long double shared_ld;                     /* 16-byte alignment */
int common_big[100000];                    /* 400 KB: large common under medium model */

void a_touch(void)
{
    shared_counter += 10;
    shared_d += 0.5;
    shared_buf[0] = 'A';
    shared_init *= 2;
    shared_ld += 1.25L;
    common_big[0] = 1;
    common_big[99999] = 2;
}

int a_read_counter(void) { return shared_counter; }

long a_big_sum(void)
{
    long s = 0;
    for (int i = 0; i < 100000; i++)
        s += common_big[i];
    return s;
}
