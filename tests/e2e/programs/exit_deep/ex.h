/* exit_deep: exit(N) called deep inside a chain of calls across modules, with
 * pending buffered stdout (no newline), stderr output (fprintf, perror, fputs),
 * an atexit handler seeing the state; code after exit never runs. */
#ifndef EX_H
#define EX_H
int level1(int n);   /* a.c */
int level2(int n);   /* b.c */
int level3(int n);   /* a.c: calls exit */
extern int g_steps;  /* b.c */
#endif
