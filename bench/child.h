/* What runstat.c and firstout.c share: timing a child process and killing it after
 * RUNSTAT_TIMEOUT seconds (the timeout lives in the measuring process, so that no extra
 * process start-up lands in the measured time). */
#ifndef HJ_BENCH_CHILD_H
#define HJ_BENCH_CHILD_H

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t child_pid;

static void on_alarm(int sig)
{
    (void)sig;
    if (child_pid > 0)
        kill((pid_t)child_pid, SIGKILL);
}

static long long now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* Kills the child after RUNSTAT_TIMEOUT seconds, if set. No SA_RESTART: a wait4 or read
 * in progress returns EINTR. */
static void arm_timeout(pid_t pid)
{
    child_pid = pid;
    const char *tmo = getenv("RUNSTAT_TIMEOUT");
    unsigned secs = tmo ? (unsigned)strtoul(tmo, NULL, 10) : 0;
    if (!secs)
        return;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_alarm;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGALRM, &sa, NULL);
    alarm(secs);
}

/* An exit status as the shell gives it (128 + signal for a killed child). */
static int shell_status(int st)
{
    return WIFEXITED(st) ? WEXITSTATUS(st) : WIFSIGNALED(st) ? 128 + WTERMSIG(st) : 255;
}

#endif
