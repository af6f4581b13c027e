/* struct_returns: structs passed and returned by value across modules in every
 * SysV class: INTEGER (RAX, RAX:RDX), SSE (XMM0, XMM0:XMM1), mixed, odd sizes,
 * MEMORY (hidden sret pointer; large arrays; long double members), and through
 * function pointers in both directions. */
#ifndef GEOM_H
#define GEOM_H
struct i2   { int a, b; };                 /* 8 bytes, RAX */
struct l2   { long a, b; };                /* 16 bytes, RAX:RDX */
struct d2   { double x, y; };              /* XMM0:XMM1 */
struct f3   { float x, y, z; };            /* XMM0 (x,y) + XMM1 (z) */
struct mix  { long n; double v; };         /* RAX + XMM0 */
struct c3   { char c[3]; };                /* 3 bytes */
struct big  { long v[16]; char tag[8]; };  /* MEMORY, sret */
struct ldv  { long double x; int k; };     /* MEMORY (x87 class) */

/* geom.c */
struct i2  mk_i2(int a, int b);
struct l2  mk_l2(long a, long b);
struct d2  mk_d2(double x, double y);
struct f3  mk_f3(float x, float y, float z);
struct mix mk_mix(long n, double v);
struct c3  mk_c3(const char *s);
struct big mk_big(long seed, const char *tag);
struct ldv mk_ldv(long double x, int k);
struct big big_transform(struct big b, struct i2 scale, struct d2 off);
struct d2  d2_add(struct d2 a, struct d2 b);
long       big_sum(struct big b);
struct big call_producer(struct big (*prod)(int), int n);
struct d2  call_d2_producer(struct d2 (*prod)(double), double x);

/* main.c: called from geom.c */
struct big main_make_big(int n);
struct d2  main_make_d2(double x);
struct i2  main_swap(struct i2 v);
#endif
