/* Library module of the engine tests: data, bss, a constructor and a destructor that
 * report to the host through host_events (defined with hj_define_symbol). */
extern int host_events[2];
int lib_value = 40;
static char big_bss[1 << 20];

int lib_add(int x) { big_bss[x & 0xfffff]++; return x + lib_value; }
int (*lib_add_ptr(void))(int) { return lib_add; }

__attribute__((constructor)) static void lib_ctor(void) { host_events[0]++; }
__attribute__((destructor)) static void lib_dtor(void) { host_events[1]++; }
