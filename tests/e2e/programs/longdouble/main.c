#include <stdio.h>
#include <math.h>
#include <float.h>
#include "ld.h"

long double main_hypot(long double a, long double b) { return sqrtl(a * a + b * b); }

static const char *u128_str(unsigned __int128 v, char *buf)
{
    char tmp[48];
    int n = 0;
    volatile unsigned __int128 ten = 10;   /* not a constant: keeps the libgcc calls */
    do {
        unsigned __int128 r;
        v = u128_divmod(v, ten, &r);
        tmp[n++] = (char)('0' + (int)r);
    } while (v);
    for (int i = 0; i < n; i++)
        buf[i] = tmp[n - 1 - i];
    buf[n] = 0;
    return buf;
}

static long double my_cube(long double x) { return x * x * x; }

int main(void)
{
    printf("LDBL_DIG=%d LDBL_MANT_DIG=%d sizeof=%zu\n", LDBL_DIG, LDBL_MANT_DIG, sizeof(long double));
    for (int i = 0; i < 6; i++)
        printf("ld_consts[%d]=%.21Lg\n", i, ld_consts[i]);
    printf("ld_poly(1.5)=%.21Lg\n", ld_poly(1.5L));
    ld_scale = 1.0L / 3.0L;
    printf("ld_poly(1.5) scaled=%.21Lg\n", ld_poly(1.5L));
    printf("ld_series_e(25)=%.21Lg\n", ld_series_e(25));
    volatile long double two = 2.0L, ten = 10.0L, x = 0.75L;
    printf("sqrtl(2)=%.21Lg\n", sqrtl(two));
    printf("expl(10)=%.21Lg\n", expl(ten));
    printf("logl(10)=%.21Lg\n", logl(ten));
    printf("sinl(0.75)=%.21Lg cosl(0.75)=%.21Lg\n", sinl(x), cosl(x));
    printf("powl(2, 0.75)=%.21Lg\n", powl(two, x));
    printf("cbrtl(10)=%.21Lg\n", cbrtl(ten));
    printf("fmal(2,10,0.75)=%.21Lg\n", fmal(two, ten, x));
    printf("ld_apply(sqrtl, 10)=%.21Lg\n", ld_apply(sqrtl, ten));
    printf("ld_apply(my_cube, 0.75)=%.21Lg\n", ld_apply(my_cube, x));
    printf("1e-4000*1e+4000=%.21Lg\n", ld_consts[4] * ld_consts[5]);
    long double v[] = { 3.5L, -1e300L * 1e300L, 7.25L, 1e4000L, 0.0L };
    struct ldpair b = ld_bounds(v, 5);
    printf("bounds: lo=%.21Lg hi=%.21Lg\n", b.lo, b.hi);
    printf("ld_mix=%.21Lg\n", ld_mix(3, 1.25L, 0.5, -2.5L, 0.125f));
    _Complex double cd = cmul_d(1.0 + 2.0 * I, 3.0 - 1.0 * I);
    printf("cmul_d=(%.17g, %.17g)\n", creal(cd), cimag(cd));
    _Complex long double cl = cmul_ld(0.5L + 1.5L * I, -2.0L + 0.25L * I);
    printf("cmul_ld=(%.21Lg, %.21Lg)\n", creall(cl), cimagl(cl));
    char b1[48], b2[48];
    unsigned __int128 big = ((unsigned __int128)0xfedcba9876543210ULL << 64) | 0x0123456789abcdefULL;
    printf("u128=%s\n", u128_str(big, b1));
    __int128 q = i128_div(-(__int128)big / 3, (__int128)1000000007);
    printf("i128_div sign=%s |q|=%s\n", q < 0 ? "-" : "+", u128_str((unsigned __int128)(q < 0 ? -q : q), b2));
    return 0;
}
