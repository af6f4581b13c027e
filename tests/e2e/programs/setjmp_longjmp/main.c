#include <signal.h>
#include <stdio.h>
#include "jmp.h"

jmp_buf g_env;

static int attempt(int jump_at, int value)
{
    volatile int local = 5;
    int r = setjmp(g_env);
    if (r == 0) {
        local = 6;
        int got = a_descend(0, jump_at, value);
        printf("  returned normally: %d (local=%d)\n", got, local);
        return got;
    }
    printf("  longjmp arrived: r=%d depth=%d local=%d\n", r, g_depth_reached, local);
    return -r;
}

int main(void)
{
    printf("attempt(3, 7) -> %d\n", attempt(3, 7));
    printf("attempt(6, 0) -> %d\n", attempt(6, 0));
    printf("attempt(100, 1) -> %d\n", attempt(100, 1));
    for (int i = 1; i <= 3; i++)
        printf("loop %d -> %d\n", i, attempt(i, 10 * i));

    b_install_handler();
    sigset_t set;
    volatile int hits = 0;
    int r = sigsetjmp(g_sigenv, 1);
    if (r < 3) {
        hits++;
        raise(SIGUSR1);
        printf("not reached\n");
    }
    sigprocmask(SIG_BLOCK, NULL, &set);
    printf("siglongjmp: r=%d hits=%d SIGUSR1 blocked after return: %s\n", r, hits,
           sigismember(&set, SIGUSR1) ? "yes" : "no");
    return 0;
}
