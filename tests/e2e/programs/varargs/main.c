#include <stdio.h>
#include "va.h"

void log_line(const char *tag, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vlog_line(tag, fmt, ap);
    va_end(ap);
}

int sum_ints(int n, ...)
{
    va_list ap;
    va_start(ap, n);
    int s = vsum_ints(n, ap);
    va_end(ap);
    return s;
}

double sum_doubles(int n, ...)
{
    va_list ap;
    va_start(ap, n);
    double s = vsum_doubles(n, ap);
    va_end(ap);
    return s;
}

int count_twice(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = vcount_twice(fmt, ap);
    va_end(ap);
    return r;
}

int main(void)
{
    printf("sum_ints(3)=%d\n", sum_ints(3, 1, 2, 3));
    printf("sum_ints(10)=%d\n", sum_ints(10, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
    printf("sum_doubles(3)=%.4f\n", sum_doubles(3, 0.5, 0.25, 0.125));
    printf("sum_doubles(12)=%.4f\n",
           sum_doubles(12, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5, 9.5, 10.5, 11.5, 12.5));
    log_line("main", "int=%d str=%s dbl=%.2f chr=%c hex=%#x", 42, "hello", 3.14159, 'z', 255);
    log_line("main", "%s-%s-%s-%s-%s-%s-%s", "a", "b", "c", "d", "e", "f", "g");
    log_line("main", "%.1f %.1f %.1f %.1f %.1f %.1f %.1f %.1f %.1f %.1f", 1.0, 2.0, 3.0,
             4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0);
    log_line("main", "long double %.6Lf, long %ld", 2.718281828459045L, -9000000000L);
    printf("count_twice=%d\n", count_twice("ididi", 1, 2.5, 3, 0.1, 5));
    printf("sum_ld=%.10Lf\n", sum_ld(4, 1.0L, 0.5L, 0.25L, 1e-10L));
    struct pair pr = { 3, 1.5 };
    double m = mixed("idlspfidlspf", 7, 0.5, 100000000000L, "four", pr, 2.25L,
                     8, 1.5, -5L, "sixsix", pr, 1.75L);
    printf("mixed=%.3f\n", m);
    return 0;
}
