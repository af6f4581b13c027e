#include <string.h>
#include "geom.h"

struct i2 mk_i2(int a, int b) { struct i2 r = { a, b }; return main_swap(main_swap(r)); }
struct l2 mk_l2(long a, long b) { struct l2 r = { a, b }; return r; }
struct d2 mk_d2(double x, double y) { struct d2 r = { x, y }; return r; }
struct f3 mk_f3(float x, float y, float z) { struct f3 r = { x, y, z }; return r; }
struct mix mk_mix(long n, double v) { struct mix r = { n, v }; return r; }
struct c3 mk_c3(const char *s) { struct c3 r; memcpy(r.c, s, 3); return r; }

struct big mk_big(long seed, const char *tag)
{
    struct big b;
    for (int i = 0; i < 16; i++)
        b.v[i] = seed * (i + 1) - i * i;
    strncpy(b.tag, tag, sizeof b.tag - 1);
    b.tag[sizeof b.tag - 1] = 0;
    return b;
}

struct ldv mk_ldv(long double x, int k) { struct ldv r = { x / k, k }; return r; }

struct big big_transform(struct big b, struct i2 scale, struct d2 off)
{
    for (int i = 0; i < 16; i++)
        b.v[i] = b.v[i] * scale.a / (scale.b ? scale.b : 1) + (long)(off.x * i + off.y);
    b.tag[0] = 'T';
    return b;
}

struct d2 d2_add(struct d2 a, struct d2 b) { return mk_d2(a.x + b.x, a.y + b.y); }

long big_sum(struct big b)
{
    long s = 0;
    for (int i = 0; i < 16; i++)
        s += b.v[i];
    return s;
}

struct big call_producer(struct big (*prod)(int), int n)
{
    struct big b = prod(n);
    b.v[15] = -b.v[15];
    return b;
}

struct d2 call_d2_producer(struct d2 (*prod)(double), double x)
{
    return d2_add(prod(x), prod(-x));
}
