/* What runstat.c and firstout.c share: starting a child with its output in files,
 * timing it, and killing it after RUNSTAT_TIMEOUT seconds (the timeout lives in the
 * measuring process, so that no extra process start-up lands in the measured time). */
#ifndef HJ_BENCH_CHILD_H
#define HJ_BENCH_CHILD_H

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
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

/* OUT and ERR opened for writing (truncated), /dev/null for the child's stdin: fds[0..2]
 * = in, out, err. False after saying why. */
static bool open_child_files(const char *tool, const char *out_path, const char *err_path, int fds[3])
{
    fds[0] = open("/dev/null", O_RDONLY | O_CLOEXEC);
    fds[1] = open(out_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    fds[2] = open(err_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fds[0] >= 0 && fds[1] >= 0 && fds[2] >= 0)
        return true;
    fprintf(stderr, "%s: cannot open output files: %s\n", tool, strerror(errno));
    return false;
}

/* Forks a child running argv[0] with in, out and err as its stdin, stdout and stderr,
 * and arms the timeout. -1 after saying why. */
static pid_t start_child(const char *tool, int in, int out, int err, char **argv)
{
    pid_t pid = fork();
    if (pid < 0) {
        fprintf(stderr, "%s: fork: %s\n", tool, strerror(errno));
        return -1;
    }
    if (pid == 0) {
        if (dup2(in, 0) < 0 || dup2(out, 1) < 0 || dup2(err, 2) < 0)
            _exit(127);
        execvp(argv[0], argv);
        dprintf(2, "%s: cannot execute %s: %s\n", tool, argv[0], strerror(errno));
        _exit(127);
    }
    arm_timeout(pid);
    return pid;
}

/* An exit status as the shell gives it (128 + signal for a killed child). */
static int shell_status(int st)
{
    return WIFEXITED(st) ? WEXITSTATUS(st) : WIFSIGNALED(st) ? 128 + WTERMSIG(st) : 255;
}

#endif
