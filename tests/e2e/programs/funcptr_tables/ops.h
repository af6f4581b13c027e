/* funcptr_tables: function-pointer tables across modules, const tables of
 * pointers (.data.rel.ro), canonical function addresses (a function's address
 * taken in two modules compares equal; also for a libc function), callbacks to
 * static functions, writable tables patched at run time. */
#ifndef OPS_H
#define OPS_H
typedef int (*binop)(int, int);
struct op { const char *name; binop fn; char sym; };

int op_add(int, int);
int op_sub(int, int);
int op_mul(int, int);
int op_div(int, int);

extern const struct op ops_table[];      /* ops.c, const, pointers: .data.rel.ro */
extern const int ops_count;
extern binop ops_writable[4];            /* ops.c, writable */
extern binop const op_add_ptr;           /* ops.c */

binop ops_get(const char *name);         /* ops.c */
int ops_apply(binop f, int a, int b);    /* ops.c: calls through the pointer */
int ops_fold(binop f, const int *v, int n);
void *ops_addr_of_puts(void);            /* ops.c: &puts taken there */
binop ops_echo(binop f);                 /* ops.c: returns its argument */
int ops_is_add(binop f);                 /* ops.c: f == op_add ? */

/* main.c */
extern const struct op main_table[];
int main_mod(int a, int b);
#endif
