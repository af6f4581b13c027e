/* A minimal test harness: CHECK records a failure and goes on; a test binary exits
 * non-zero when any check failed. Every message names file, line and expression. */
#ifndef HJ_TESTS_CHECK_H
#define HJ_TESTS_CHECK_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int check_failures;
static int check_count;

#define CHECK(cond)                                                                     \
    do {                                                                                \
        check_count++;                                                                  \
        if (!(cond)) {                                                                  \
            check_failures++;                                                           \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);    \
        }                                                                               \
    } while (0)

#define CHECK_MSG(cond, ...)                                                            \
    do {                                                                                \
        check_count++;                                                                  \
        if (!(cond)) {                                                                  \
            check_failures++;                                                           \
            fprintf(stderr, "%s:%d: check failed: %s: ", __FILE__, __LINE__, #cond);    \
            fprintf(stderr, __VA_ARGS__);                                               \
            fputc('\n', stderr);                                                        \
        }                                                                               \
    } while (0)

#define CHECK_CONTAINS(haystack, needle)                                                \
    CHECK_MSG(strstr((haystack), (needle)) != NULL, "'%s' does not contain '%s'",       \
              (haystack), (needle))

static inline int check_report(const char *name)
{
    printf("%s: %d checks, %d failed\n", name, check_count, check_failures);
    return check_failures ? 1 : 0;
}

/* Reads a whole file into malloc'd memory (8-byte aligned); NULL on failure. */
static inline void *check_read_file(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    void *buf = malloc(n > 0 ? (size_t)n : 1);
    if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    *size = (size_t)n;
    return buf;
}

/* Runs fn(arg) in a child process with its stderr captured into msg (NUL-terminated);
 * returns the child's wait status. For code that ends the process, like the trap. */
#include <sys/wait.h>
#include <unistd.h>

static inline int check_in_child(void (*fn)(void *), void *arg, char *msg, size_t size)
{
    int pipefd[2];
    msg[0] = '\0';
    if (pipe(pipefd) != 0)
        return -1;
    pid_t pid = fork();
    if (pid == 0) {
        dup2(pipefd[1], STDERR_FILENO);
        fn(arg);
        _exit(4);
    }
    close(pipefd[1]);
    ssize_t n = read(pipefd[0], msg, size - 1);
    msg[n > 0 ? n : 0] = '\0';
    close(pipefd[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    return status;
}

/* An object compiled from tests/unit/inputs at build time (HJ_INPUTS). */
typedef struct check_input {
    void *data;
    size_t size;
} check_input;

#ifdef HJ_INPUTS
static inline check_input check_load_input(const char *name)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s.o", HJ_INPUTS, name);
    check_input in = {0};
    in.data = check_read_file(path, &in.size);
    CHECK_MSG(in.data != NULL, "cannot read %s", path);
    return in;
}
#endif

#ifdef HOTJIT_H
/* Calls `int name(void)` of the engine; -1 when it is not defined. */
static inline int check_call_int(hj_engine *e, const char *name)
{
    void *p = NULL;
    if (hj_lookup(e, name, &p) != HJ_OK)
        return -1;
    int (*fn)(void);
    memcpy(&fn, &p, sizeof fn);
    return fn();
}
#endif

#endif
