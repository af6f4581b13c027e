/* mixed_kinds, compiled to bitcode (b.bc) by the case's build step: calls c.o. */
int c_fn(int);
int b_fn(int x) { return c_fn(x + 10) + 100; }
const char *b_name(void) { return "bitcode"; }
