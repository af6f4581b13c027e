#include "tls.h"

_Thread_local int tl_counter = 100;
_Thread_local char tl_name[16];
_Thread_local double tl_scale = 1.5;
_Thread_local long tl_big[1024];
_Thread_local _Alignas(64) int tl_aligned = 7;
static _Thread_local long tl_static = 1000;

int *tl_counter_addr(void) { return &tl_counter; }

long tl_static_bump(long by)
{
    tl_static += by;
    return tl_static;
}
