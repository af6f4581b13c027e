/* The hotjit command defines pthread_create, and exports it, so that every thread of
 * the program — also those that libraries create, such as std::thread in libstdc++ —
 * starts with the initial values of the JIT modules' static-pool thread-locals
 * (hj_thread_init). Sanitizers intercept thread creation the same way. The real
 * function is the next definition in the lookup order. */
#include <dlfcn.h>
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>

#include "hotjit.h"

typedef int (*create_fn)(pthread_t *, const pthread_attr_t *, void *(*)(void *), void *);

typedef struct start {
    void *(*fn)(void *);
    void *arg;
} start;

static void *start_with_tls(void *arg)
{
    start s = *(start *)arg;
    free(arg);
    hj_thread_init();
    return s.fn(s.arg);
}

int pthread_create(pthread_t *thread, const pthread_attr_t *attr, void *(*fn)(void *), void *arg)
{
    static create_fn real;
    if (!real) {
        void *sym = dlsym(RTLD_NEXT, "pthread_create");
        if (!sym)
            return EAGAIN;
        *(void **)&real = sym;
    }
    start *s = malloc(sizeof *s);
    if (!s)
        return EAGAIN;
    *s = (start){fn, arg};
    int rc = real(thread, attr, start_with_tls, s);
    if (rc != 0)
        free(s);
    return rc;
}
