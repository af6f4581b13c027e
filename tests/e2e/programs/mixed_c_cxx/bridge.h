/* mixed_c_cxx: C and C++ modules in one program: C calls extern "C" functions
 * defined in C++, C++ calls C, a C global struct used from C++, a C++
 * exception thrown in a callback and propagated through C frames (C module,
 * unwound with its .eh_frame) to a C++ catch, C function pointers stored in
 * a C++ std::vector. */
#ifndef BRIDGE_H
#define BRIDGE_H
#ifdef __cplusplus
extern "C" {
#endif
struct config { const char *name; int limit; double ratio; };
extern struct config g_config;                 /* cdriver.c */
typedef int (*visit_fn)(int);
int c_visit(int n, visit_fn cb);               /* cdriver.c: calls cb(0..n-1) */
int c_nested_visit(int n, visit_fn cb);        /* cdriver.c: c_visit through one more C frame */
int c_square(int x);                           /* cdriver.c */
int cxx_callback(int x);                       /* logic.cpp: throws for x == g_config.limit */
const char *cxx_describe(int x);               /* logic.cpp */
int cxx_run(void);                             /* logic.cpp */
#ifdef __cplusplus
}
#endif
#endif
