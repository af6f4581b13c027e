/* firstout — run one command and report when its first output appeared.
 *
 * usage: firstout OUT ERR -- PROG [ARG...]
 *
 * Like bench/runstat.c, plus the time to first output. The child's stdout is a
 * pseudo-terminal in raw mode (no CR/LF translation, bytes pass unchanged), so the
 * program's stdio line-buffers it as it would on a terminal, and a line reaches us when
 * the program prints it, not when it exits. Everything read from the terminal is
 * copied to file OUT; stderr goes to file ERR; stdin is /dev/null. When the child has
 * ended, firstout prints one line:
 *
 *     <status> <wall_ns> <first_output_ns> <maxrss_kib>
 *
 * status: the exit code, 128+N when killed by signal N, 127 when PROG could not be
 * executed. wall_ns: from just before fork() to just after wait4() (CLOCK_MONOTONIC).
 * first_output_ns: from just before fork() to the return of the first read() that
 * got bytes from the terminal ("-" if the program printed nothing). maxrss_kib:
 * ru_maxrss of the child (KiB). RUNSTAT_TIMEOUT (seconds) kills a child that runs
 * longer (status 137), as in runstat.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "child.h"

static int write_all(int fd, const char *p, ssize_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, p, (size_t)n);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        p += w;
        n -= w;
    }
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 5 || strcmp(argv[3], "--") != 0) {
        fprintf(stderr, "usage: firstout OUT ERR -- PROG [ARG...]\n");
        return 2;
    }
    int fds[3];
    if (!open_child_files("firstout", argv[1], argv[2], fds))
        return 2;
    int out = fds[1];
    int master = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (master < 0 || grantpt(master) != 0 || unlockpt(master) != 0) {
        fprintf(stderr, "firstout: pseudo-terminal: %s\n", strerror(errno));
        return 2;
    }
    const char *sname = ptsname(master);
    int slave = sname ? open(sname, O_RDWR | O_NOCTTY | O_CLOEXEC) : -1;
    struct termios tio;
    if (slave < 0 || tcgetattr(slave, &tio) != 0) {
        fprintf(stderr, "firstout: pseudo-terminal: %s\n", strerror(errno));
        return 2;
    }
    cfmakeraw(&tio);
    tcsetattr(slave, TCSANOW, &tio);

    long long t0 = now_ns();
    pid_t pid = start_child("firstout", fds[0], slave, fds[2], argv + 4);
    if (pid < 0)
        return 2;
    close(slave); /* the master reads EIO once every copy of the slave is closed */
    long long first = -1;
    char buf[65536];
    int child_done = 0, st = 0;
    struct rusage ru;
    memset(&ru, 0, sizeof ru);
    for (;;) {
        ssize_t n = read(master, buf, sizeof buf);
        if (n > 0) {
            if (first < 0)
                first = now_ns() - t0;
            if (write_all(out, buf, n) != 0) {
                fprintf(stderr, "firstout: write: %s\n", strerror(errno));
                return 2;
            }
            continue;
        }
        if (n < 0 && errno == EINTR) {
            /* the alarm fired (child killed) or another signal: check the child */
            if (!child_done && wait4(pid, &st, WNOHANG, &ru) == pid)
                child_done = 1;
            if (child_done)
                break;
            continue;
        }
        break; /* EIO: no writer left (the child and its descendants closed it), or EOF */
    }
    while (!child_done) {
        if (wait4(pid, &st, 0, &ru) == pid)
            child_done = 1;
        else if (errno != EINTR) {
            fprintf(stderr, "firstout: wait4: %s\n", strerror(errno));
            return 2;
        }
    }
    long long t1 = now_ns();
    alarm(0);
    int status = shell_status(st);
    if (first >= 0)
        printf("%d %lld %lld %ld\n", status, t1 - t0, first, ru.ru_maxrss);
    else
        printf("%d %lld - %ld\n", status, t1 - t0, ru.ru_maxrss);
    return 0;
}
