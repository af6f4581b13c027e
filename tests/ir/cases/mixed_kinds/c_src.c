/* mixed_kinds, compiled by gcc to an ELF object (c.o) by the case's build step:
 * calls back into main.c. */
int main_cb(int);
int c_counter = 40;
int c_fn(int x) { return main_cb(x) + c_counter; }
