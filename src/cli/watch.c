/* hotjit watch: inotify on the directories of the program's files. Editors save in
 * several ways — writing in place (maybe in several writes), or writing a temporary
 * file and renaming it over the original — so a changed name is noted on IN_CLOSE_WRITE
 * and IN_MOVED_TO, and rebuilt once the directory has been quiet for a moment. */
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"

#define QUIET_MS 20

typedef struct watched {
    char dir[PATH_MAX];
    const char *base;
    int wd;
    bool dirty;
} watched;

static hj_watch_options opts;
static pthread_mutex_t replacing = PTHREAD_MUTEX_INITIALIZER; /* held while a swap runs */
static bool stopped;
static watched *files;
static int inotify_fd = -1;

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void split_path(const char *path, watched *w)
{
    const char *slash = strrchr(path, '/');
    if (!slash) {
        snprintf(w->dir, sizeof w->dir, ".");
        w->base = path;
    } else {
        snprintf(w->dir, sizeof w->dir, "%.*s", (int)(slash - path) ? (int)(slash - path) : 1, path);
        w->base = slash + 1;
    }
}

static void mark_changed(const struct inotify_event *ev)
{
    for (int i = 0; i < opts.nfiles; i++)
        if (files[i].wd == ev->wd && ev->len && !strcmp(ev->name, files[i].base))
            files[i].dirty = true;
}

/* Reads events until the directories have been quiet for QUIET_MS. */
static void collect_events(void)
{
    char buf[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
    struct pollfd p = {inotify_fd, POLLIN, 0};
    int timeout = -1;
    while (poll(&p, 1, timeout) > 0) {
        ssize_t n = read(inotify_fd, buf, sizeof buf);
        for (char *at = buf; n > 0 && at < buf + n;) {
            const struct inotify_event *ev = (const struct inotify_event *)at;
            mark_changed(ev);
            at += sizeof *ev + ev->len;
        }
        timeout = QUIET_MS;
    }
}

static void replace_dirty(void)
{
    for (int i = 0; i < opts.nfiles; i++) {
        if (!files[i].dirty)
            continue;
        files[i].dirty = false;
        double t0 = now_ms();
        hj_module *m;
        if (hj_replace_file(opts.engine, opts.modules[i], opts.files[i], opts.ir,
                            HJ_REPLACE_KEEP_STATE, &m) == HJ_OK) {
            opts.modules[i] = m;
            fprintf(stderr, "hotjit: replaced %s in %.1f ms\n", opts.files[i], now_ms() - t0);
        } else {
            fprintf(stderr, "hotjit: %s not replaced, the running version stays: %s\n",
                    opts.files[i], hj_errmsg(opts.engine));
        }
    }
}

static void *watch_loop(void *arg)
{
    (void)arg;
    for (;;) {
        collect_events();
        pthread_mutex_lock(&replacing);
        if (!stopped)
            replace_dirty();
        pthread_mutex_unlock(&replacing);
    }
    return NULL;
}

/* At exit: no swap runs now, and none starts later (the engine is about to go). */
void hj_watch_stop(void)
{
    pthread_mutex_lock(&replacing);
    stopped = true;
    pthread_mutex_unlock(&replacing);
}

int hj_watch_start(const hj_watch_options *options)
{
    opts = *options;
    files = calloc((size_t)opts.nfiles, sizeof *files);
    inotify_fd = inotify_init1(IN_CLOEXEC);
    if (!files || inotify_fd < 0) {
        fprintf(stderr, "hotjit: watch: cannot start inotify: %s\n", strerror(errno));
        return -1;
    }
    for (int i = 0; i < opts.nfiles; i++) {
        split_path(opts.files[i], &files[i]);
        files[i].wd = inotify_add_watch(inotify_fd, files[i].dir, IN_CLOSE_WRITE | IN_MOVED_TO);
        if (files[i].wd < 0) {
            fprintf(stderr, "hotjit: watch: cannot watch %s: %s\n", files[i].dir, strerror(errno));
            return -1;
        }
    }
    /* The program's signal handlers never run on the watching thread (it starts with
     * every signal blocked): there they could interrupt hotjit replacing a module. */
    pthread_t thread;
    pthread_attr_t attr;
    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, &old);
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    int rc = pthread_create(&thread, &attr, watch_loop, NULL);
    pthread_attr_destroy(&attr);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    if (rc != 0) {
        fprintf(stderr, "hotjit: watch: cannot start its thread: %s\n", strerror(rc));
        return -1;
    }
    return 0;
}
