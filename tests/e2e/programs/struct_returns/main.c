#include <stdio.h>
#include "geom.h"

struct i2 main_swap(struct i2 v) { struct i2 r = { v.b, v.a }; return r; }

struct big main_make_big(int n)
{
    struct big b = mk_big(n, "main");
    b.v[0] = 1000 + n;
    return b;
}

struct d2 main_make_d2(double x) { struct d2 r = { x * 2, x * x }; return r; }

static void print_big(const char *what, struct big b)
{
    printf("%s: tag=%s sum=%ld v0=%ld v15=%ld\n", what, b.tag, big_sum(b), b.v[0], b.v[15]);
}

int main(void)
{
    struct i2 a = mk_i2(3, -4);
    printf("i2 {%d, %d}\n", a.a, a.b);
    struct l2 l = mk_l2(1L << 40, -(1L << 50));
    printf("l2 {%ld, %ld}\n", l.a, l.b);
    struct d2 d = mk_d2(0.5, -1.25);
    printf("d2 {%g, %g}\n", d.x, d.y);
    struct f3 f = mk_f3(1.5f, 2.5f, -3.5f);
    printf("f3 {%g, %g, %g}\n", f.x, f.y, f.z);
    struct mix m = mk_mix(77, 0.125);
    printf("mix {%ld, %g}\n", m.n, m.v);
    struct c3 c = mk_c3("xyz");
    printf("c3 {%c%c%c}\n", c.c[0], c.c[1], c.c[2]);
    struct ldv ld = mk_ldv(1.0L / 3.0L, 3);
    printf("ldv {%.18Lg, %d}\n", ld.x, ld.k);

    struct big b = mk_big(7, "seven");
    print_big("mk_big", b);
    struct i2 sc = { 3, 2 };
    struct d2 off = { 0.5, 10.0 };
    print_big("big_transform", big_transform(b, sc, off));
    print_big("original unchanged", b);
    print_big("call_producer", call_producer(main_make_big, 5));
    struct d2 p = call_d2_producer(main_make_d2, 1.5);
    printf("call_d2_producer {%g, %g}\n", p.x, p.y);
    struct d2 s = d2_add(d, p);
    printf("d2_add {%g, %g}\n", s.x, s.y);
    return 0;
}
