#include <stdio.h>
#include "weak.h"

static const char *yesno(int c) { return c ? "yes" : "no"; }

int main(void)
{
    printf("greeting(): %s\n", greeting());
    printf("greeting() called from defaults.c: %s\n", defaults_greeting());
    printf("config_value=%d (read in defaults.c: %d)\n", config_value, defaults_config());
    config_value = 43;
    printf("after write: defaults.c reads %d\n", defaults_config());
    printf("weak_only()=%d weak_only_data=%d\n", weak_only(), weak_only_data);
    printf("alias_fn(5)=%d real_impl(5)=%d\n", alias_fn(5), real_impl(5));
    printf("&greeting same in both modules: %s\n", yesno((void *)&greeting == defaults_addr_greeting()));
    printf("&alias_fn same in both modules: %s\n", yesno((void *)&alias_fn == defaults_addr_alias()));
    printf("&alias_fn == &real_impl: %s\n", yesno(defaults_addr_alias() == defaults_addr_real()));
    printf("undefined weak function is null: %s\n", yesno(hotjit_e2e_absent_fn == 0));
    printf("undefined weak variable is null: %s\n", yesno(&hotjit_e2e_absent_var == 0));
    if (hotjit_e2e_absent_fn)
        printf("calling it: %d\n", hotjit_e2e_absent_fn());
    return 0;
}
