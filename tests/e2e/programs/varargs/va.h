/* varargs: variadic functions called across modules, va_list passed to another
 * module (and va_copy'd there), doubles and long doubles through "...", mixed
 * integer/floating arguments beyond the register count, structs through "...". */
#ifndef VA_H
#define VA_H
#include <stdarg.h>
struct pair { int a; double b; };

/* fmt.c */
int vsum_ints(int n, va_list ap);
double vsum_doubles(int n, va_list ap);
void vlog_line(const char *tag, const char *fmt, va_list ap);
int vcount_twice(const char *fmt, va_list ap);   /* uses va_copy */
long double sum_ld(int n, ...);
double mixed(const char *spec, ...);
/* main.c */
void log_line(const char *tag, const char *fmt, ...);
int sum_ints(int n, ...);
double sum_doubles(int n, ...);
int count_twice(const char *fmt, ...);
#endif
