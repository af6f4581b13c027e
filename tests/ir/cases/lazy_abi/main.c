/* lazy_abi, module main: the first call of each function of abi.c, results printed. */
#include <stdio.h>

#include "abi.h"

static void show(const char *what, struct big b)
{
    printf("%s: {%ld, %ld, %ld, %.2f, \"%s\"}\n", what, b.a, b.b, b.c, b.d, b.name);
}

static struct big twice(struct big b, int k) /* called back from abi.c */
{
    b.a *= k;
    b.d *= k;
    b.name[0] = 'T';
    return b;
}

int main(void)
{
    struct big x = big_make(7, "alpha"), y = big_make(-3, "betagamma");
    show("big_make", x);
    show("big_combine", big_combine(x, y, 5));
    printf("big_sum: %ld\n", big_sum(y));
    struct fi f = fi_swap((struct fi){2.5f, 9});
    printf("fi_swap: %.1f %d\n", f.f, f.i);
    struct di a = di_mix((struct di){1.5, 10}, (struct ld){20, 4.0});
    printf("di_mix: %.2f %ld\n", a.d, a.l);
    struct ld b = ld_mix((struct ld){100, 0.25}, (struct di){0.5, 30}, 8.0);
    printf("ld_mix: %ld %.2f\n", b.l, b.d);
    struct ff3 g = ff3_scale((struct ff3){1.0f, -2.0f, 3.5f}, 4.0f);
    printf("ff3_scale: %.2f %.2f %.2f\n", g.a, g.b, g.c);
    struct dd r = dd_rot((struct dd){3.0, 4.0});
    printf("dd_rot: %.2f %.2f\n", r.a, r.b);
    v4i vi = v4i_mul((v4i){1, 2, 3, 4}, (v4i){5, 6, -7, 8});
    printf("v4i_mul: %d %d %d %d\n", vi[0], vi[1], vi[2], vi[3]);
    v4f vf = v4f_fma((v4f){1, 2, 3, 4}, (v4f){0.5f, 0.5f, 2, 2}, (v4f){10, 20, 30, 40});
    printf("v4f_fma: %.2f %.2f %.2f %.2f\n", vf[0], vf[1], vf[2], vf[3]);
    v4d vd = v4d_add((v4d){1.25, 2.5, 3.75, 5}, (v4d){100, 200, 300, 400});
    printf("v4d_add: %.2f %.2f %.2f %.2f\n", vd[0], vd[1], vd[2], vd[3]);
    v4l vl = v4l_mix((v4l){1, 2, 3, 4}, (v4i){5, 6, 7, 8}, (v4d){0.5, 100.5, 1000.5, -9.5});
    printf("v4l_mix: %ld %ld %ld %ld\n", vl[0], vl[1], vl[2], vl[3]);
    __int128 p = i128_mul((__int128)1 << 70, 3);
    printf("i128_mul: %llx %016llx\n", (unsigned long long)(p >> 64), (unsigned long long)p);
    printf("ld_poly: %.6Lf\n", ld_poly(1.5L, 5, 0.25L));
    printf("many_ints: %ld\n", many_ints(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, -14));
    printf("many_doubles: %.3f\n", many_doubles(0.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5,
                                                9.5, 10.5, 11.5));
    printf("many_mixed: %.3f\n", many_mixed(1, 0.5, 2, 1.5, 3, 2.5, 4, 3.5, 5, 4.5, 6, 5.5, 7, 6.5,
                                            8, 7.5, 9, 8.5, 10, 9.5, 11, 12, x,
                                            (struct dd){7.0, 0.125}, (v4f){1, 2, 3, 4}));
    show("via_callback", via_callback(twice, y, 3));
    return 0;
}
