/* argv_env: argc/argv (incl. empty and space-containing arguments, argv[argc]
 * == NULL), main's envp (== environ), getenv/setenv across modules, stdin read
 * in another module, main's return value as exit status. */
#ifndef UTIL_H
#define UTIL_H
void print_args(int argc, char **argv);     /* util.c */
void print_env_prefix(char **envp, const char *prefix); /* util.c */
long env_number(const char *name);          /* util.c */
void count_stdin(int *lines, int *words, int *chars); /* util.c */
const char *get_marker(void);               /* util.c: getenv("E2E_MARKER") */
#endif
