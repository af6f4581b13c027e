#include <stdio.h>
#include <string.h>
#include "ops.h"

int op_add(int a, int b) { return a + b; }
int op_sub(int a, int b) { return a - b; }
int op_mul(int a, int b) { return a * b; }
int op_div(int a, int b) { return b ? a / b : 0; }

const struct op ops_table[] = {
    { "add", op_add, '+' },
    { "sub", op_sub, '-' },
    { "mul", op_mul, '*' },
    { "div", op_div, '/' },
    { "mod", main_mod, '%' },   /* a function of another module */
};
const int ops_count = sizeof ops_table / sizeof ops_table[0];

binop ops_writable[4] = { op_add, op_sub, 0, 0 };
binop const op_add_ptr = op_add;

binop ops_get(const char *name)
{
    for (int i = 0; i < ops_count; i++)
        if (strcmp(ops_table[i].name, name) == 0)
            return ops_table[i].fn;
    return 0;
}

int ops_apply(binop f, int a, int b) { return f(a, b); }

int ops_fold(binop f, const int *v, int n)
{
    int acc = v[0];
    for (int i = 1; i < n; i++)
        acc = f(acc, v[i]);
    return acc;
}

void *ops_addr_of_puts(void) { return (void *)&puts; }
binop ops_echo(binop f) { return f; }
int ops_is_add(binop f) { return f == op_add; }
