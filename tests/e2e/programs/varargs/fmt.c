#include <stdio.h>
#include <string.h>
#include "va.h"

int vsum_ints(int n, va_list ap)
{
    int s = 0;
    for (int i = 0; i < n; i++)
        s += va_arg(ap, int);
    return s;
}

double vsum_doubles(int n, va_list ap)
{
    double s = 0;
    for (int i = 0; i < n; i++)
        s += va_arg(ap, double);
    return s;
}

void vlog_line(const char *tag, const char *fmt, va_list ap)
{
    char buf[256];
    int len = vsnprintf(buf, sizeof buf, fmt, ap);
    printf("[%s] %s (%d chars)\n", tag, buf, len);
}

/* walks the same va_list twice, the second time through a copy */
int vcount_twice(const char *fmt, va_list ap)
{
    va_list cp;
    va_copy(cp, ap);
    int total = 0;
    for (const char *p = fmt; *p; p++)
        if (*p == 'i') total += va_arg(ap, int);
        else if (*p == 'd') total += (int)(va_arg(ap, double) * 10);
    for (const char *p = fmt; *p; p++)
        if (*p == 'i') total += va_arg(cp, int);
        else if (*p == 'd') total += (int)(va_arg(cp, double) * 10);
    va_end(cp);
    return total;
}

long double sum_ld(int n, ...)
{
    va_list ap;
    va_start(ap, n);
    long double s = 0;
    for (int i = 0; i < n; i++)
        s += va_arg(ap, long double);
    va_end(ap);
    return s;
}

/* spec letters: i int, l long, d double, s string, p struct pair, f long double */
double mixed(const char *spec, ...)
{
    va_list ap;
    va_start(ap, spec);
    double acc = 0;
    for (const char *p = spec; *p; p++) {
        switch (*p) {
        case 'i': acc += va_arg(ap, int); break;
        case 'l': acc += (double)va_arg(ap, long); break;
        case 'd': acc += va_arg(ap, double); break;
        case 's': acc += (double)strlen(va_arg(ap, const char *)); break;
        case 'p': { struct pair q = va_arg(ap, struct pair); acc += q.a * q.b; break; }
        case 'f': acc += (double)va_arg(ap, long double); break;
        }
    }
    va_end(ap);
    /* call back into main.c's variadic function */
    log_line("mixed", "spec=%s acc=%.3f", spec, acc);
    return acc;
}
