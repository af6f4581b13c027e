/* c_options: -I, -D NAME=VALUE, -D NAME and -std= reach clang for C inputs. */
#include <stdio.h>
#include "config.h"

#define STR2(x) #x
#define STR(x) STR2(x)

#ifndef GREETING
#error "GREETING is not defined: -D GREETING=... did not reach clang"
#endif

int helper(void);

int main(void)
{
    printf("config: %s\n", CONFIG_NAME);
    printf("greeting: %s, level: %d\n", STR(GREETING), LEVEL * 2);
#ifdef FLAG
    printf("FLAG = %d\n", FLAG);
#endif
    printf("__STDC_VERSION__ = %ld\n", (long)__STDC_VERSION__);
#ifdef __STRICT_ANSI__
    printf("strict ANSI\n");
#endif
    printf("helper: %d\n", helper());
    return 0;
}
