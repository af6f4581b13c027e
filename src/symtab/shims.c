/* Built-in shims. glibc keeps atexit, at_quick_exit, pthread_atfork and
 * __stack_chk_fail_local in libc_nonshared.a, linked into each executable and shared
 * object, where they pass that object's __dso_handle to libc. A JIT module has no such
 * archive linked in, so the engine provides them and finds the calling module, and with
 * it the handle, from the caller's return address. */
#include "symtab/symtab.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "common/lock.h"
#include "link/tls.h"

int __cxa_atexit(void (*fn)(void *), void *arg, void *dso_handle);
int __cxa_at_quick_exit(void (*fn)(void), void *dso_handle);
int __register_atfork(void (*prepare)(void), void (*parent)(void), void (*child)(void),
                      void *dso_handle);
void __cxa_finalize(void *dso_handle);
void __stack_chk_fail(void);

typedef struct shim_range {
    uintptr_t start, end;
    void *dso_handle;
} shim_range;

static shim_range *ranges;
static size_t nranges, cap_ranges;
static pthread_mutex_t ranges_lock = PTHREAD_MUTEX_INITIALIZER;

void hj_shim_prefork(void) { hj_lock(&ranges_lock); }
void hj_shim_postfork(void) { hj_unlock(&ranges_lock); }

hj_status hj_shim_register_range(uintptr_t start, uintptr_t end, void *dso_handle, hj_err *err)
{
    hj_lock(&ranges_lock);
    if (nranges == cap_ranges) {
        size_t cap = cap_ranges * 2 + 16;
        shim_range *grown = realloc(ranges, cap * sizeof *grown);
        if (!grown) {
            hj_unlock(&ranges_lock);
            return hj_fail(err, HJ_ERR_NOMEM, "out of memory");
        }
        ranges = grown;
        cap_ranges = cap;
    }
    ranges[nranges++] = (shim_range){start, end, dso_handle};
    hj_unlock(&ranges_lock);
    return HJ_OK;
}

void hj_shim_unregister_range(uintptr_t start)
{
    hj_lock(&ranges_lock);
    for (size_t i = 0; i < nranges; i++)
        if (ranges[i].start == start) {
            ranges[i] = ranges[--nranges];
            break;
        }
    hj_unlock(&ranges_lock);
}

static void *caller_handle(void *return_address)
{
    uintptr_t pc = (uintptr_t)return_address;
    void *handle = NULL;
    hj_lock(&ranges_lock);
    for (size_t i = 0; i < nranges && !handle; i++)
        if (pc >= ranges[i].start && pc < ranges[i].end)
            handle = ranges[i].dso_handle;
    hj_unlock(&ranges_lock);
    return handle;
}

void hj_shim_finalize(void *dso_handle)
{
    __cxa_finalize(dso_handle);
}

/* ------------------------------------------------------------------------------------
 * The shims
 * ------------------------------------------------------------------------------------ */

static void call_plain(void *fn)
{
    void (*plain)(void);
    memcpy(&plain, &fn, sizeof plain);
    plain();
}

/* Exit handlers of JIT modules are registered with libc through a record, so that a
 * module replaced with its state kept can disarm its old version's handlers (they would
 * tear down what the new version goes on using, with code about to be freed). The
 * record's trampoline lives in hotjit, never in freed memory. */
typedef struct exit_record {
    struct exit_record *next, *prev;
    void (*fn)(void *);
    void *arg;
    void *dso_handle;
    bool armed;
} exit_record;

static exit_record *exit_records;

static void run_exit_record(void *p)
{
    exit_record *r = p;
    hj_lock(&ranges_lock);
    if (r->prev)
        r->prev->next = r->next;
    else
        exit_records = r->next;
    if (r->next)
        r->next->prev = r->prev;
    hj_unlock(&ranges_lock);
    exit_record copy = *r;
    free(r);
    if (copy.armed)
        copy.fn(copy.arg);
}

static int register_exit(void (*fn)(void *), void *arg, void *dso_handle)
{
    exit_record *r = malloc(sizeof *r);
    if (!r)
        return -1;
    *r = (exit_record){NULL, NULL, fn, arg, dso_handle, true};
    hj_lock(&ranges_lock);
    r->next = exit_records;
    if (exit_records)
        exit_records->prev = r;
    exit_records = r;
    hj_unlock(&ranges_lock);
    return __cxa_atexit(run_exit_record, r, dso_handle);
}

void hj_shim_disarm(void *dso_handle)
{
    hj_lock(&ranges_lock);
    for (exit_record *r = exit_records; r; r = r->next)
        if (r->dso_handle == dso_handle)
            r->armed = false;
    hj_unlock(&ranges_lock);
}

static int shim_cxa_atexit(void (*fn)(void *), void *arg, void *dso_handle)
{
    return register_exit(fn, arg, dso_handle);
}

/* atexit's function takes no argument; it is registered through a thunk that calls it,
 * so that no function is ever called through a pointer of the wrong type. */
static int shim_atexit(void (*fn)(void))
{
    void *arg;
    memcpy(&arg, &fn, sizeof arg);
    return register_exit(call_plain, arg, caller_handle(__builtin_return_address(0)));
}

static int shim_at_quick_exit(void (*fn)(void))
{
    return __cxa_at_quick_exit(fn, caller_handle(__builtin_return_address(0)));
}

static int shim_pthread_atfork(void (*prepare)(void), void (*parent)(void), void (*child)(void))
{
    return __register_atfork(prepare, parent, child, caller_handle(__builtin_return_address(0)));
}

static void shim_stack_chk_fail_local(void)
{
    __stack_chk_fail();
}

typedef struct thread_start {
    void *(*fn)(void *);
    void *arg;
} thread_start;

/* Threads that JIT code creates get the static TLS blocks' initial values first. */
static void *start_thread(void *arg)
{
    thread_start start = *(thread_start *)arg;
    free(arg);
    hj_tls_init_thread();
    return start.fn(start.arg);
}

static int shim_pthread_create(pthread_t *thread, const pthread_attr_t *attr,
                               void *(*fn)(void *), void *arg)
{
    thread_start *start = malloc(sizeof *start);
    if (!start)
        return EAGAIN;
    *start = (thread_start){fn, arg};
    int rc = pthread_create(thread, attr, start_thread, start);
    if (rc != 0)
        free(start);
    return rc;
}

typedef struct shim {
    const char *name;
    void *addr;
} shim;

bool hj_shim_lookup(const char *name, const char *tls_get_addr_name, uintptr_t *addr)
{
    const shim table[] = {
        {"atexit", (void *)shim_atexit},
        {"__cxa_atexit", (void *)shim_cxa_atexit},
        {"at_quick_exit", (void *)shim_at_quick_exit},
        {"pthread_atfork", (void *)shim_pthread_atfork},
        {"__stack_chk_fail_local", (void *)shim_stack_chk_fail_local},
        {"pthread_create", (void *)shim_pthread_create},
        {tls_get_addr_name, (void *)hj_tls_get_addr},
    };
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        if (table[i].name && !strcmp(table[i].name, name)) {
            *addr = (uintptr_t)table[i].addr;
            return true;
        }
    return false;
}
