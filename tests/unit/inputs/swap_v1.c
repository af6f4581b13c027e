/* Version 1 of a swapped module: state in a global, a function-local static and a
 * global whose size changes in version 2; constructors and destructors report to the
 * host. */
extern int host_log[4];
int counter = 1000;
long resized = 7;
static int hidden_calls;

int step(void) { return ++counter + 100000; }
int calls(void) { static int n; return ++n + hidden_calls; }
int only_in_v1(void) { return 1; }
long get_resized(void) { return resized; }

__attribute__((constructor)) static void ctor(void) { host_log[0]++; }
__attribute__((destructor)) static void dtor(void) { host_log[1]++; }
