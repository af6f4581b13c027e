/* lazy_tls_static: internal thread-locals used by lazily compiled functions. */
#include <pthread.h>
#include <stdio.h>

static _Thread_local long own = 1000;

long bump(long by)
{
    static _Thread_local int calls; /* function-local */
    own += by;
    return own * 10 + ++calls;
}

static void *work(void *arg)
{
    long k = (long)arg;
    bump(k);
    return (void *)bump(k);
}

int main(void)
{
    pthread_t t[4];
    for (long i = 0; i < 4; i++)
        pthread_create(&t[i], NULL, work, (void *)(i + 1));
    for (int i = 0; i < 4; i++) {
        void *r;
        pthread_join(t[i], &r);
        printf("thread %d: %ld\n", i, (long)r);
    }
    printf("main: %ld\n", bump(100));
    return 0;
}
