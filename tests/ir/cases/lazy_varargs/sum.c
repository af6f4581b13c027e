/* lazy_varargs, module sum: functions taking a va_list from another module, va_copy. */
#include <stdarg.h>

double vsum_doubles(int n, va_list ap)
{
    double s = 0;
    for (int i = 0; i < n; i++)
        s += va_arg(ap, double) * (i + 1);
    return s;
}

long sum_ints(int n, ...)
{
    va_list ap;
    va_start(ap, n);
    long s = 0;
    for (int i = 0; i < n; i++)
        s = s * 3 + va_arg(ap, int);
    va_end(ap);
    return s;
}

/* walks the list twice: once through a copy, once through the original */
double sum_twice(int n, ...)
{
    va_list ap, cp;
    va_start(ap, n);
    va_copy(cp, ap);
    double a = vsum_doubles(n, cp);
    va_end(cp);
    double b = 0;
    for (int i = 0; i < n; i++)
        b += va_arg(ap, double);
    va_end(ap);
    return a * 1000 + b;
}
