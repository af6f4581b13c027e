/* lazy_abi: the types and functions of abi.c, shared with main.c */
struct big { long a, b, c; double d; char name[16]; }; /* 48 bytes: memory class */
struct fi { float f; int i; };                         /* one eightbyte: INTEGER */
struct di { double d; long l; };                       /* SSE, INTEGER */
struct ld { long l; double d; };                       /* INTEGER, SSE */
struct ff3 { float a, b, c; };                         /* SSE, SSE */
struct dd { double a, b; };                            /* SSE, SSE */
typedef int v4i __attribute__((vector_size(16)));
typedef float v4f __attribute__((vector_size(16)));
typedef double v4d __attribute__((vector_size(32)));
typedef long v4l __attribute__((vector_size(32)));

struct big big_make(long seed, const char *name);
struct big big_combine(struct big x, struct big y, int k);
long big_sum(struct big x);
struct fi fi_swap(struct fi x);
struct di di_mix(struct di a, struct ld b);
struct ld ld_mix(struct ld a, struct di b, double s);
struct ff3 ff3_scale(struct ff3 v, float k);
struct dd dd_rot(struct dd v);
v4i v4i_mul(v4i a, v4i b);
v4f v4f_fma(v4f a, v4f b, v4f c);
v4d v4d_add(v4d a, v4d b);
v4l v4l_mix(v4l a, v4i b, v4d c);
__int128 i128_mul(__int128 a, __int128 b);
long double ld_poly(long double x, int n, long double c);
long many_ints(int a0, int a1, int a2, int a3, int a4, int a5, int a6, int a7, int a8,
               int a9, int a10, int a11, int a12, int a13);
double many_doubles(double d0, double d1, double d2, double d3, double d4, double d5,
                    double d6, double d7, double d8, double d9, double d10, double d11);
double many_mixed(int i0, double d0, int i1, double d1, int i2, double d2, int i3, double d3,
                  int i4, double d4, int i5, double d5, int i6, double d6, int i7, double d7,
                  int i8, double d8, int i9, double d9, int i10, int i11, struct big b,
                  struct dd v, v4f w);
struct big via_callback(struct big (*cb)(struct big, int), struct big x, int k);
