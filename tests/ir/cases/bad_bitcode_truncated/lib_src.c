/* bad_bitcode: compiled to bitcode by the case's build step, then damaged. */
#include <stdio.h>
static const char *names[] = {"zero", "one", "two", "three"};
int lib_fn(int x) { printf("%s\n", names[x & 3]); return x * 7; }
int main(int argc, char **argv) { return lib_fn(argc); }
