/* lazy_funcptr_static, module lib: static state shared by several functions, an
 * internal function with a local static called from two functions, a table of
 * pointers to its own functions, a destructor calling a function first at exit. */
#include <stdio.h>

typedef int (*binop)(int, int);

static int counter = 40;            /* used by lib_bump and lib_counter */
static int tick(void)               /* internal, with state: one copy for all callers */
{
    static int t;
    return ++t;
}
static int helper(int x) { return x * 3 + 1; }

int lib_add(int a, int b) { return a + b; }
int lib_mul(int a, int b) { return a * b; }
int lib_square(int x) { return lib_mul(x, x); }
int lib_bump(int by) { counter += by; return tick(); }
int lib_counter(void) { return counter * 1000 + tick(); }
binop lib_add_address(void) { return lib_add; }
int (*lib_helper_from_a(void))(int) { return helper; }
int (*lib_helper_from_b(void))(int) { return helper; }
int lib_call_helper(int (*h)(int), int x) { return h(x) + tick() * 0; }

/* a table of pointers to functions of this module, in data */
binop lib_table[2] = {lib_add, lib_mul};

int lib_late(int x) { return x * 11; } /* first called by the destructor */

int lib_next_id(void)
{
    static int id = 100; /* a function-local static of an exported function */
    return id++;
}

__attribute__((destructor)) static void lib_fini(void)
{
    printf("lib destructor: lib_late(5) = %d, counter %d\n", lib_late(5), counter);
}
