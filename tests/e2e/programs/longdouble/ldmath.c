#include <math.h>
#include "ld.h"

long double ld_scale = 1.0L;
const long double ld_consts[6] = {
    3.14159265358979323846264338327950288L,
    2.71828182845904523536028747135266250L,
    1.41421356237309504880168872420969808L,
    0.57721566490153286060651209008240243L,
    1e-4000L,
    1e+4000L,
};

long double ld_poly(long double x)
{
    return ((3.0L * x - 2.0L) * x + 0.5L) * x * ld_scale;
}

long double ld_series_e(int terms)
{
    long double s = 0, t = 1;
    for (int i = 0; i < terms; i++) {
        s += t;
        t /= (long double)(i + 1);
    }
    return s;
}

long double ld_apply(long double (*f)(long double), long double x) { return f(x); }

struct ldpair ld_bounds(const long double *v, int n)
{
    struct ldpair r = { v[0], v[0] };
    for (int i = 1; i < n; i++) {
        if (v[i] < r.lo) r.lo = v[i];
        if (v[i] > r.hi) r.hi = v[i];
    }
    return r;
}

_Complex double cmul_d(_Complex double a, _Complex double b) { return a * b; }
_Complex long double cmul_ld(_Complex long double a, _Complex long double b) { return a * b; }

long double ld_mix(int i, long double a, double d, long double b, float f)
{
    return main_hypot(a, b) * i + d + f + sqrtl(fabsl(a - b));
}

unsigned __int128 u128_divmod(unsigned __int128 a, unsigned __int128 b, unsigned __int128 *rem)
{
    *rem = a % b;
    return a / b;
}

__int128 i128_div(__int128 a, __int128 b) { return a / b; }
