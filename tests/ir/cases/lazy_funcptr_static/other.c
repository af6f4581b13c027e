/* lazy_funcptr_static, module other: takes lib's addresses in a static initialiser. */
typedef int (*binop)(int, int);
int lib_add(int a, int b);
int lib_mul(int a, int b);

binop other_ops[2] = {lib_add, lib_mul};
binop other_add_address(void) { return lib_add; }
int other_apply(binop f, int a, int b) { return f(a, b); }
