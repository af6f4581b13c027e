/* lazy_funcptr_static, module main: address identity before/after first calls,
 * a constructor calling lazy functions, qsort with an internal comparator. */
#include <stdio.h>
#include <stdlib.h>

typedef int (*binop)(int, int);
int lib_add(int a, int b);
int lib_mul(int a, int b);
int lib_square(int x);
int lib_bump(int by);
int lib_counter(void);
binop lib_add_address(void);
int (*lib_helper_from_a(void))(int);
int (*lib_helper_from_b(void))(int);
int lib_call_helper(int (*h)(int), int x);
int lib_next_id(void);
extern binop lib_table[2];
extern binop other_ops[2];
binop other_add_address(void);
int other_apply(binop f, int a, int b);

static binop add_at_init;   /* &lib_add, taken by the constructor before any call */
static int ctor_square, ctor_local;

static int twice(int x) { return 2 * x; } /* internal, called by the constructor */

__attribute__((constructor)) static void main_init(void)
{
    add_at_init = lib_add;
    ctor_square = lib_square(9);
    ctor_local = twice(21);
}

static int cmp_desc(const void *a, const void *b) /* first called by qsort */
{
    return *(const int *)b - *(const int *)a;
}

static void at_exit_handler(void) /* first called by exit */
{
    printf("atexit handler: next id %d\n", lib_next_id());
}

int main(void)
{
    printf("constructor: lib_square(9) = %d, twice(21) = %d\n", ctor_square, ctor_local);
    binop before = lib_add; /* not called yet: only the constructor took it */
    printf("lib_add(2, 3) = %d\n", add_at_init(2, 3));
    printf("same address before and after the first call: %d\n", before == lib_add && add_at_init == lib_add);
    printf("lib sees the same lib_add: %d\n", lib_add_address() == lib_add);
    printf("other sees the same lib_add: %d\n", other_add_address() == lib_add && other_ops[0] == lib_add);
    printf("lib's table: %d %d\n", lib_table[0] == lib_add, lib_table[1] == lib_mul);
    printf("other's table: %d\n", other_ops[1] == lib_table[1]);
    printf("through tables: %d %d\n", other_apply(lib_table[1], 6, 7), other_ops[0](10, 20));
    int t1 = lib_bump(2), t2 = lib_bump(3);
    printf("lib_bump: %d %d, lib_counter = %d\n", t1, t2, lib_counter());
    printf("internal helper: same address from two functions: %d, called %d\n",
           lib_helper_from_a() == lib_helper_from_b(), lib_call_helper(lib_helper_from_b(), 5));
    int a = lib_next_id(), b = lib_next_id();
    printf("lib_next_id: %d %d\n", a, b);
    int v[] = {5, 1, 9, 3, 7, 2};
    qsort(v, 6, sizeof v[0], cmp_desc);
    printf("qsort: %d %d %d %d %d %d\n", v[0], v[1], v[2], v[3], v[4], v[5]);
    atexit(at_exit_handler);
    return 0;
}
