/* runstat — run one command as a child process and report how it went.
 *
 * usage: runstat OUT ERR -- PROG [ARG...]
 *
 * The child's stdout goes to file OUT and its stderr to file ERR (both
 * truncated first); stdin is /dev/null.  When the child has ended, runstat
 * prints one line to its own stdout:
 *
 *     <status> <wall_ns> <maxrss_kib> <user_us> <sys_us>
 *
 * status is the exit code (0-255), or 128+N when the child was killed by
 * signal N, or 127 when PROG could not be executed.  wall_ns is the time
 * from just before fork() to just after wait4() returned, on
 * CLOCK_MONOTONIC.  maxrss_kib is ru_maxrss of the child from wait4()
 * (Linux reports KiB: the peak resident set size of the child, or of the
 * largest of its waited-for descendants).
 *
 * If the environment variable RUNSTAT_TIMEOUT is a positive number of
 * seconds, a child still running after that long is killed with SIGKILL
 * (status 137).  The timeout lives here rather than in timeout(1) so that no
 * extra process start-up lands in the measured time.
 *
 * Used by bench/lua_link.sh instead of /usr/bin/time, whose %e has only
 * 10 ms resolution — a native Lua start-up takes about 1 ms.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "child.h"

int main(int argc, char **argv)
{
    if (argc < 5 || strcmp(argv[3], "--") != 0) {
        fprintf(stderr, "usage: runstat OUT ERR -- PROG [ARG...]\n");
        return 2;
    }
    int fds[3];
    if (!open_child_files("runstat", argv[1], argv[2], fds))
        return 2;
    long long t0 = now_ns();
    pid_t pid = start_child("runstat", fds[0], fds[1], fds[2], argv + 4);
    if (pid < 0)
        return 2;
    int st = 0;
    struct rusage ru;
    memset(&ru, 0, sizeof ru);
    while (wait4(pid, &st, 0, &ru) < 0) {
        if (errno != EINTR) {
            fprintf(stderr, "runstat: wait4: %s\n", strerror(errno));
            return 2;
        }
    }
    long long t1 = now_ns();
    alarm(0);
    int status = shell_status(st);
    printf("%d %lld %ld %lld %lld\n", status, t1 - t0, ru.ru_maxrss,
           (long long)ru.ru_utime.tv_sec * 1000000LL + ru.ru_utime.tv_usec,
           (long long)ru.ru_stime.tv_sec * 1000000LL + ru.ru_stime.tv_usec);
    return 0;
}
