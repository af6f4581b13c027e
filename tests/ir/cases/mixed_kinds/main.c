/* mixed_kinds, C source (hotjit compiles it through clang): main calls the IR text
 * module, which calls the bitcode module, which calls the ELF object, which calls back
 * into this file; a variable of the object is written by the IR module. */
#include <stdio.h>

int a_fn(int);          /* a.ll */
extern int c_counter;   /* c.o */
const char *b_name(void); /* b.bc */

int main_cb(int x) { return x * 2; }

int main(void)
{
    int r = a_fn(5);
    printf("a_fn(5) = %d, c_counter = %d, b_name = %s\n", r, c_counter, b_name());
    r = a_fn(1);
    printf("a_fn(1) = %d, c_counter = %d\n", r, c_counter);
    return 0;
}
