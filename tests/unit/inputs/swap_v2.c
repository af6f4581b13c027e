/* Version 2: same state, new behaviour; only_in_v1 is gone, only_in_v2 is new. */
extern int host_log[4];
int counter = 5;
int resized[4] = {1, 2, 3, 4}; /* another size: fresh storage */
static int hidden_calls;

int step(void) { return ++counter + 200000; }
int calls(void) { static int n; return ++n + hidden_calls; }
int only_in_v2(void) { return 2; }
long get_resized(void) { return resized[3]; }

__attribute__((constructor)) static void ctor(void) { host_log[2]++; }
__attribute__((destructor)) static void dtor(void) { host_log[3]++; }
