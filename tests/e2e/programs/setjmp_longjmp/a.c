#include <setjmp.h>
#include <stdio.h>
#include "jmp.h"

int g_depth_reached;

int a_descend(int depth, int jump_at, int value)
{
    g_depth_reached = depth;
    if (depth == jump_at)
        longjmp(g_env, value);
    if (depth > 8)
        return depth * 100;
    return b_descend(depth + 1, jump_at, value) + 1;
}
