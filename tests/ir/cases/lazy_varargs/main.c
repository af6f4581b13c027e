/* lazy_varargs, module main: first calls of variadic functions with doubles. */
#include <stdio.h>

struct point3 { double x, y, z; };
int fmt_log(const char *tag, const char *fmt, ...);
double fmt_mixed(const char *spec, ...);
double fmt_sum_doubles(int n, ...);
long sum_ints(int n, ...);
double sum_twice(int n, ...);

/* taken before any of them is compiled (a constant initialiser) */
static double (*const mixed_ptr)(const char *, ...) = fmt_mixed;

int main(void)
{
    /* first call: 10 doubles (8 in xmm0-7, 2 on the stack), %al = 8 */
    double s = fmt_sum_doubles(10, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5, 9.5, 10.5);
    printf("fmt_sum_doubles(10) = %.2f\n", s);
    /* first call of fmt_log: doubles and ints mixed, more than the registers hold */
    int n = fmt_log("first", "%d %.3f %d %.3f %s %d %.3f %d %.3f %d %.3f %d %.3f %d %.3f %ld\n",
                    1, 0.25, 2, 0.5, "str", 3, 0.75, 4, 1.25, 5, 1.5, 6, 1.75, 7, 2.25, 8000000000L);
    printf("fmt_log returned %d\n", n);
    printf("sum_ints(12) = %ld\n", sum_ints(12, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12));
    printf("sum_twice(9) = %.2f\n", sum_twice(9, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 4.5));
    struct point3 p = {1.0, 2.0, 3.0};
    double m = mixed_ptr("dildLspdi", 0.5, 7, 9000000000L, 2.25, (long double)1.125, "hello", p, 100.0, -3);
    printf("fmt_mixed via pointer = %.4f\n", m);
    printf("fmt_mixed direct = %.4f\n", fmt_mixed("ddddddddddi", 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11));
    fmt_log("again", "%s=%.1f\n", "x", 42.0);
    return 0;
}
