#include <pthread.h>
#include <stdio.h>
#include "tls.h"

#define NTHREADS 4

_Thread_local int main_tl = -1;

/* all workers stay alive until every one has finished, so that no thread's TLS
 * block can be reused for a later thread and the address comparison is exact */
static pthread_barrier_t all_done;

static void *thread_main(void *arg)
{
    void *r = worker(arg);
    pthread_barrier_wait(&all_done);
    return r;
}

int main(void)
{
    pthread_t th[NTHREADS];
    struct result res[NTHREADS + 1] = { 0 };
    void *addr[NTHREADS + 1];

    tl_counter = 5;      /* the main thread's copy only */
    main_tl = 12345;
    pthread_barrier_init(&all_done, NULL, NTHREADS);
    for (int i = 0; i < NTHREADS; i++) {
        res[i].id = i + 1;
        if (pthread_create(&th[i], NULL, thread_main, &res[i]) != 0) {
            printf("pthread_create failed\n");
            return 1;
        }
    }
    for (int i = 0; i < NTHREADS; i++)
        pthread_join(th[i], &addr[i]);
    pthread_barrier_destroy(&all_done);
    res[NTHREADS].id = 0;
    addr[NTHREADS] = worker(&res[NTHREADS]);   /* the main thread runs it too */

    report(res, NTHREADS + 1, addr);
    printf("main thread: tl_counter=%d main_tl=%d tl_name=%s\n", tl_counter, main_tl, tl_name);
    return 0;
}
