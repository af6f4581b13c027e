/* calls_globals: cross-module calls both ways (incl. mutual recursion), globals
 * written in one module and read in another, same-named static functions,
 * string literals / rodata, data pointers to other modules' globals. */
#ifndef SHARED_H
#define SHARED_H
extern int g_counter;            /* defined in main.c, written by a.c and b.c */
extern long g_total;             /* defined in a.c, written by main.c */
extern const char *g_name;       /* defined in main.c */
extern const char g_banner[];    /* defined in b.c (rodata) */
extern int *const g_counter_ptr; /* defined in b.c: points at main.c's g_counter */
extern const char *const g_words[]; /* defined in a.c: pointers to literals */
extern const int g_nwords;

int is_even(unsigned n);         /* a.c */
int is_odd(unsigned n);          /* b.c */
void a_bump(int by);             /* a.c */
long a_sum_words(void);          /* a.c */
int b_call_back_main(int x);     /* b.c: calls main_square() */
int main_square(int x);          /* main.c */
int a_which_helper(void);        /* a.c: its own static helper() */
int b_which_helper(void);        /* b.c: its own static helper() */
int shared_static_counter(void); /* a.c: function with a static local */
#endif
