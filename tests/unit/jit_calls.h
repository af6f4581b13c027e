/* What the tests of JIT functions share: the engine's counters, a function's address
 * by name (checked), and a call of a long(long) function through it. */
#ifndef HJ_TESTS_JIT_CALLS_H
#define HJ_TESTS_JIT_CALLS_H

#include <string.h>

#include "hotjit.h"
#include "check.h"

static inline hj_link_stats stats(hj_engine *e)
{
    hj_link_stats s;
    memset(&s, 0xff, sizeof s); /* a counter hj_get_stats leaves unset shows */
    hj_get_stats(e, &s);
    return s;
}

static inline void *lookup(hj_engine *e, const char *name)
{
    void *p = NULL;
    CHECK_MSG(hj_lookup(e, name, &p) == HJ_OK, "hj_lookup(%s): %s", name, hj_errmsg(e));
    return p;
}

static inline long call_l(void *p, long x)
{
    long (*fn)(long);
    memcpy(&fn, &p, sizeof fn);
    return fn(x);
}

#endif
