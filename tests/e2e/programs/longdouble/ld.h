/* longdouble: x87 long double arithmetic and libm (sqrtl, expl, logl, sinl,
 * powl, fmal, cbrtl) across modules; long double arguments and returns by value,
 * long double globals/tables in .data/.rodata, _Complex double and
 * _Complex long double returns across modules (libgcc's __muldc3/__mulxc3);
 * 128-bit integer division (libgcc's __udivti3/__umodti3/__divti3). */
#ifndef LD_H
#define LD_H
#include <complex.h>
struct ldpair { long double lo, hi; };

extern long double ld_scale;                 /* ldmath.c, written by main.c */
extern const long double ld_consts[6];       /* ldmath.c */
long double ld_poly(long double x);          /* ldmath.c */
long double ld_series_e(int terms);          /* ldmath.c */
long double ld_apply(long double (*f)(long double), long double x); /* ldmath.c */
struct ldpair ld_bounds(const long double *v, int n);              /* ldmath.c */
_Complex double cmul_d(_Complex double a, _Complex double b);       /* ldmath.c */
_Complex long double cmul_ld(_Complex long double a, _Complex long double b);
long double main_hypot(long double a, long double b);               /* main.c */
long double ld_mix(int i, long double a, double d, long double b, float f); /* ldmath.c */
unsigned __int128 u128_divmod(unsigned __int128 a, unsigned __int128 b, unsigned __int128 *rem);
__int128 i128_div(__int128 a, __int128 b);   /* ldmath.c */
#endif
