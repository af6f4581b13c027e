#include "weak.h"

__attribute__((weak)) const char *greeting(void) { return "weak default greeting"; }
__attribute__((weak)) int config_value = 1;
__attribute__((weak)) int weak_only(void) { return 11; }
__attribute__((weak)) int weak_only_data = 22;

int real_impl(int x) { return x * 3 + 1; }
int alias_fn(int) __attribute__((weak, alias("real_impl")));

const char *defaults_greeting(void) { return greeting(); }
int defaults_config(void) { return config_value; }
void *defaults_addr_greeting(void) { return (void *)&greeting; }
void *defaults_addr_alias(void) { return (void *)&alias_fn; }
void *defaults_addr_real(void) { return (void *)&real_impl; }
