/* lazy_varargs, module fmt: printf-like functions; fmt_log forwards its va_list. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

int fmt_vline(char *buf, size_t size, const char *tag, const char *fmt, va_list ap);
double vsum_doubles(int n, va_list ap); /* sum.c */

struct point3 { double x, y, z; };

/* "[tag] " + the formatted text, like printf; returns the length. */
int fmt_log(const char *tag, const char *fmt, ...)
{
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    int n = fmt_vline(buf, sizeof buf, tag, fmt, ap);
    va_end(ap);
    fputs(buf, stdout);
    return n;
}

int fmt_vline(char *buf, size_t size, const char *tag, const char *fmt, va_list ap)
{
    int k = snprintf(buf, size, "[%s] ", tag);
    int n = vsnprintf(buf + k, size - (size_t)k, fmt, ap);
    return k + n;
}

/* spec letters: i int, l long, d double, L long double, s string, p struct point3 */
double fmt_mixed(const char *spec, ...)
{
    va_list ap;
    va_start(ap, spec);
    double acc = 0;
    for (const char *c = spec; *c; c++) {
        switch (*c) {
        case 'i': acc += va_arg(ap, int); break;
        case 'l': acc += (double)va_arg(ap, long); break;
        case 'd': acc += va_arg(ap, double); break;
        case 'L': acc += (double)va_arg(ap, long double); break;
        case 's': acc += (double)strlen(va_arg(ap, const char *)); break;
        case 'p': { struct point3 p = va_arg(ap, struct point3); acc += p.x * 100 + p.y * 10 + p.z; break; }
        }
    }
    va_end(ap);
    return acc;
}

/* the doubles after n, summed by another module from this va_list */
double fmt_sum_doubles(int n, ...)
{
    va_list ap;
    va_start(ap, n);
    double s = vsum_doubles(n, ap);
    va_end(ap);
    return s;
}
