#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include "jmp.h"

sigjmp_buf g_sigenv;
static int handler_calls;

int b_descend(int depth, int jump_at, int value)
{
    char buf[64];
    memset(buf, depth, sizeof buf);
    g_depth_reached = depth;
    if (depth == jump_at)
        longjmp(g_env, value);
    return a_descend(depth + 1, jump_at, value) + buf[depth % 64];
}

static void on_usr1(int sig)
{
    (void)sig;
    handler_calls++;
    siglongjmp(g_sigenv, handler_calls);
}

void b_install_handler(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_usr1;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGUSR1, &sa, NULL);
}
