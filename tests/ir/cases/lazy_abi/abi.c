/* lazy_abi, module abi: functions with every kind of argument and return. */
#include <string.h>

#include "abi.h"

struct big big_make(long seed, const char *name)
{
    struct big b = {seed, seed * 2, seed * 3, seed * 0.5, {0}};
    strncpy(b.name, name, sizeof b.name - 1);
    return b;
}

struct big big_combine(struct big x, struct big y, int k)
{
    struct big r = {x.a + y.a * k, x.b - y.b, x.c * y.c, x.d + y.d * k, {0}};
    memcpy(r.name, x.name, 4);
    memcpy(r.name + 4, y.name, 4);
    return r;
}

long big_sum(struct big x) { return x.a + x.b + x.c + (long)x.d + (long)strlen(x.name); }
struct fi fi_swap(struct fi x) { return (struct fi){(float)x.i, (int)x.f}; }
struct di di_mix(struct di a, struct ld b) { return (struct di){a.d * b.d, a.l + b.l}; }
struct ld ld_mix(struct ld a, struct di b, double s) { return (struct ld){a.l - b.l, a.d + b.d * s}; }
struct ff3 ff3_scale(struct ff3 v, float k) { return (struct ff3){v.a * k, v.b * k, v.c * k}; }
struct dd dd_rot(struct dd v) { return (struct dd){-v.b, v.a}; }
v4i v4i_mul(v4i a, v4i b) { return a * b; }
v4f v4f_fma(v4f a, v4f b, v4f c) { return a * b + c; }
v4d v4d_add(v4d a, v4d b) { return a + b; }

v4l v4l_mix(v4l a, v4i b, v4d c)
{
    v4l r;
    for (int i = 0; i < 4; i++)
        r[i] = a[i] * 10 + b[i] + (long)c[i];
    return r;
}

__int128 i128_mul(__int128 a, __int128 b) { return a * b; }

long double ld_poly(long double x, int n, long double c)
{
    long double r = c;
    for (int i = 0; i < n; i++)
        r = r * x + c;
    return r;
}

long many_ints(int a0, int a1, int a2, int a3, int a4, int a5, int a6, int a7, int a8,
               int a9, int a10, int a11, int a12, int a13)
{
    int a[] = {a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13};
    long s = 0;
    for (int i = 0; i < 14; i++)
        s = s * 7 + a[i];
    return s;
}

double many_doubles(double d0, double d1, double d2, double d3, double d4, double d5,
                    double d6, double d7, double d8, double d9, double d10, double d11)
{
    double d[] = {d0, d1, d2, d3, d4, d5, d6, d7, d8, d9, d10, d11};
    double s = 0;
    for (int i = 0; i < 12; i++)
        s = s * 2 + d[i];
    return s;
}

double many_mixed(int i0, double d0, int i1, double d1, int i2, double d2, int i3, double d3,
                  int i4, double d4, int i5, double d5, int i6, double d6, int i7, double d7,
                  int i8, double d8, int i9, double d9, int i10, int i11, struct big b,
                  struct dd v, v4f w)
{
    int i[] = {i0, i1, i2, i3, i4, i5, i6, i7, i8, i9, i10, i11};
    double d[] = {d0, d1, d2, d3, d4, d5, d6, d7, d8, d9};
    double s = 0;
    for (int k = 0; k < 12; k++)
        s = s * 3 + i[k];
    for (int k = 0; k < 10; k++)
        s = s + d[k] * (k + 1);
    return s + (double)big_sum(b) + v.a * 1000 + v.b + w[0] + w[1] + w[2] + w[3];
}

struct big via_callback(struct big (*cb)(struct big, int), struct big x, int k)
{
    struct big r = cb(x, k);
    r.a += 1;
    return r;
}
