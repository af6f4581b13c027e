/* tls_c: _Thread_local variables (initialised .tdata and zeroed .tbss, an
 * over-aligned one, a large one, a static one) defined in one module and used
 * directly from others, in several pthreads; per-thread values and addresses
 * (the address of a TLS variable taken in two modules is the same within a
 * thread and differs between threads). Results are stored per thread and printed
 * after joining, in thread order, by report.c, a module without TLS accesses (in
 * the non-PIC modes it keeps the mode's flags while the others get -fPIC). */
#ifndef TLS_H
#define TLS_H
extern _Thread_local int tl_counter;              /* tlsvars.c, = 100 */
extern _Thread_local char tl_name[16];            /* tlsvars.c, zeroed */
extern _Thread_local double tl_scale;             /* tlsvars.c, = 1.5 */
extern _Thread_local long tl_big[1024];           /* tlsvars.c, 8 KiB zeroed */
extern _Thread_local _Alignas(64) int tl_aligned; /* tlsvars.c, = 7 */
int *tl_counter_addr(void);                       /* tlsvars.c */
long tl_static_bump(long by);                     /* tlsvars.c: static TLS there */
extern _Thread_local int main_tl;                 /* main.c, = -1 */

struct result { int id; int counter; int same_addr; int aligned; long static_val;
                long big_sum; double scaled; char name[16]; int main_tl; };
void *worker(void *arg);                          /* worker.c */
void report(const struct result *r, int n, void *const *addr); /* report.c: no TLS */
#endif
