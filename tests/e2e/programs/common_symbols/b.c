#include "common.h"

int shared_counter;
double shared_d;
char shared_buf[32];
int shared_init = 5;
long double shared_ld;
int common_big[100000];

void b_touch(void)
{
    shared_counter += 1;
    shared_d *= 3;
    shared_buf[1] = 'B';
    shared_init += 1;
    shared_ld *= 2;
    common_big[50000] = 40;
}

double b_read_d(void) { return shared_d; }
