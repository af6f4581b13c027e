/* setjmp_longjmp: longjmp across frames of several modules (main -> a -> b -> a
 * -> b longjmp), a jmp_buf defined in one module and used in others, repeated
 * jumps, longjmp(env, 0), sigsetjmp/siglongjmp from a signal handler defined in
 * another module, signal mask restored. */
#ifndef JMP_H
#define JMP_H
#include <setjmp.h>
extern jmp_buf g_env;              /* main.c */
extern sigjmp_buf g_sigenv;        /* b.c */
extern int g_depth_reached;        /* a.c */
int a_descend(int depth, int jump_at, int value);  /* a.c */
int b_descend(int depth, int jump_at, int value);  /* b.c */
void b_install_handler(void);      /* b.c */
#endif
