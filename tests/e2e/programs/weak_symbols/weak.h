/* weak_symbols: a weak function and a weak variable overridden by strong
 * definitions in another module (also for calls made from inside the module
 * that holds the weak definition), weak definitions not overridden, an undefined
 * weak reference (resolves to null), a weak alias and its target (same address). */
#ifndef WEAK_H
#define WEAK_H
const char *greeting(void);          /* weak in defaults.c, strong in override.c */
extern int config_value;             /* weak in defaults.c, strong in override.c */
int weak_only(void);                 /* weak in defaults.c only */
extern int weak_only_data;           /* weak in defaults.c only */
int real_impl(int);                  /* defaults.c */
int alias_fn(int);                   /* weak alias of real_impl in defaults.c */
const char *defaults_greeting(void); /* defaults.c: calls greeting() */
int defaults_config(void);           /* defaults.c: reads config_value */
void *defaults_addr_greeting(void);  /* defaults.c: &greeting */
void *defaults_addr_alias(void);     /* defaults.c: &alias_fn */
void *defaults_addr_real(void);      /* defaults.c: &real_impl */
extern int hotjit_e2e_absent_fn(void) __attribute__((weak));
extern int hotjit_e2e_absent_var __attribute__((weak));
#endif
