#include <stdint.h>
#include <stdio.h>
#include "common.h"

int shared_counter;
extern double shared_d;
extern char shared_buf[32];
extern int shared_init;
extern long double shared_ld;
extern int common_big[100000];

int main(void)
{
    printf("initial: counter=%d d=%g buf0=%d init=%d ld=%Lg big=%ld\n", shared_counter, shared_d,
           shared_buf[0], shared_init, shared_ld, a_big_sum());
    a_touch();
    b_touch();
    a_touch();
    shared_counter += 100;
    printf("after: counter=%d (a reads %d) d=%g (b reads %g) buf=%.2s init=%d ld=%Lg big=%ld\n",
           shared_counter, a_read_counter(), shared_d, b_read_d(), shared_buf, shared_init,
           shared_ld, a_big_sum());
    printf("shared_ld 16-byte aligned: %s\n", ((uintptr_t)&shared_ld % 16) == 0 ? "yes" : "no");
    return 0;
}
