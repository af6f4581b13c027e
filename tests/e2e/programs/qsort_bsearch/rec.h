/* qsort_bsearch: libc calling back into JIT code: qsort, qsort_r, bsearch,
 * tsearch/twalk with comparators and actions defined in one module and handed
 * to libc from another. */
#ifndef REC_H
#define REC_H
#include <stddef.h>
struct rec { int key; const char *name; double weight; };

/* cmp.c */
int cmp_int_asc(const void *a, const void *b);
int cmp_int_desc(const void *a, const void *b);
int cmp_str(const void *a, const void *b);
int cmp_rec_key(const void *a, const void *b);
int cmp_rec_weight_r(const void *a, const void *b, void *arg);
const struct rec *find_rec(const struct rec *v, size_t n, int key);
void tree_demo(const char *const *words, int n);
/* main.c */
int main_cmp_key_to_rec(const void *key, const void *elem);
extern int main_compare_calls;
#endif
