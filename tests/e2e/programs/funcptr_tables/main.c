#include <stdio.h>
#include "ops.h"

int main_mod(int a, int b) { return b ? a % b : 0; }

static int local_max(int a, int b) { return a > b ? a : b; }
static int local_min(int a, int b) { return a < b ? a : b; }

const struct op main_table[] = {
    { "add", op_add, '+' },
    { "mul", op_mul, '*' },
    { "max", local_max, 'M' },
    { "min", local_min, 'm' },
};

static const char *yesno(int c) { return c ? "yes" : "no"; }

int main(void)
{
    static const int v[] = { 3, 9, 4, 7, 1 };

    for (int i = 0; i < ops_count; i++)
        printf("ops_table[%d] %s: 17 %c 5 = %d\n", i, ops_table[i].name,
               ops_table[i].sym, ops_table[i].fn(17, 5));
    for (int i = 0; i < 4; i++)
        printf("main_table[%d] %s: fold = %d\n", i, main_table[i].name,
               ops_fold(main_table[i].fn, v, 5));

    /* canonical addresses */
    printf("&op_add (main) == ops_table[0].fn (ops): %s\n", yesno(&op_add == ops_table[0].fn));
    printf("main_table[0].fn == ops_table[0].fn: %s\n", yesno(main_table[0].fn == ops_table[0].fn));
    printf("op_add_ptr == op_add: %s\n", yesno(op_add_ptr == op_add));
    printf("ops_get(\"mul\") == op_mul: %s\n", yesno(ops_get("mul") == op_mul));
    printf("ops_get(\"mod\") == main_mod: %s\n", yesno(ops_get("mod") == main_mod));
    printf("ops_is_add(op_add): %s, ops_is_add(op_sub): %s\n", yesno(ops_is_add(op_add)),
           yesno(ops_is_add(op_sub)));
    printf("ops_echo(local_max) == local_max: %s\n", yesno(ops_echo(local_max) == local_max));
    printf("ops_writable[0] == &op_add: %s\n", yesno(ops_writable[0] == &op_add));
    printf("&puts (main) == &puts (ops): %s\n", yesno((void *)&puts == ops_addr_of_puts()));
    printf("op_add != op_sub: %s\n", yesno(op_add != op_sub));

    /* patch the writable table from this module, call it from the other */
    ops_writable[2] = local_min;
    ops_writable[3] = main_mod;
    for (int i = 0; i < 4; i++)
        printf("ops_writable[%d](20, 6) = %d\n", i, ops_apply(ops_writable[i], 20, 6));

    /* call a libc function through a pointer obtained in another module */
    int (*p)(const char *) = (int (*)(const char *))ops_addr_of_puts();
    p("called puts through a pointer from ops.c");
    return 0;
}
