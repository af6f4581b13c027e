#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ax.h"

static char log_buf[512];

void a_note(const char *s)
{
    strcat(log_buf, s);
    strcat(log_buf, ";");
}

static void a_late(void) { printf("a_late (registered while exiting) phase=%d\n", ++g_exit_phase); }

static void a1(void)
{
    printf("a1 phase=%d\n", ++g_exit_phase);
    a_note("a1");
    atexit(a_late);   /* registered during exit: runs next */
}
static void a2(void) { printf("a2 phase=%d\n", ++g_exit_phase); a_note("a2"); }

/* registered first (from a constructor), so it runs last among handlers */
static void a_final(void)
{
    printf("a_final phase=%d log=%s\n", ++g_exit_phase, log_buf);
    fprintf(stderr, "stderr from the last atexit handler\n");
}

__attribute__((constructor)) static void a_ctor(void) { atexit(a_final); }

__attribute__((destructor)) static void a_dtor(void)
{
    printf("a_dtor (destructor, after atexit handlers) phase=%d\n", ++g_exit_phase);
}

void a_register(void)
{
    atexit(a1);
    atexit(a2);
}
