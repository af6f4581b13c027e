#include <pthread.h>
#include <stdio.h>
#include "tls.h"

#define NTHREADS 4

_Thread_local int main_tl = -1;

int main(void)
{
    pthread_t th[NTHREADS];
    struct result res[NTHREADS + 1] = { 0 };
    void *addr[NTHREADS + 1];

    tl_counter = 5;      /* the main thread's copy only */
    main_tl = 12345;
    for (int i = 0; i < NTHREADS; i++) {
        res[i].id = i + 1;
        if (pthread_create(&th[i], NULL, worker, &res[i]) != 0) {
            printf("pthread_create failed\n");
            return 1;
        }
    }
    for (int i = 0; i < NTHREADS; i++)
        pthread_join(th[i], &addr[i]);
    res[NTHREADS].id = 0;
    addr[NTHREADS] = worker(&res[NTHREADS]);   /* the main thread runs it too */

    for (int i = 0; i <= NTHREADS; i++) {
        struct result *r = &res[i];
        printf("thread %d: counter=%d same_addr=%d aligned=%d static=%ld big_sum=%ld scale=%g "
               "name=%s main_tl=%d\n", r->id, r->counter, r->same_addr, r->aligned, r->static_val,
               r->big_sum, r->scaled, r->name, r->main_tl);
    }
    int distinct = 1;
    for (int i = 0; i <= NTHREADS; i++)
        for (int j = 0; j < i; j++)
            if (addr[i] == addr[j])
                distinct = 0;
    printf("addresses of tl_counter distinct across threads: %s\n", distinct ? "yes" : "no");
    printf("main thread: tl_counter=%d main_tl=%d tl_name=%s\n", tl_counter, main_tl, tl_name);
    return 0;
}
