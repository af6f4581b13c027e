/* lazy_threads, module main: 8 threads make the first calls of funcs.c's functions. */
#include <pthread.h>
#include <stdio.h>

#define THREADS 8
#define FUNCS 48
#define D(n) long f##n(long);
#define D8(a) D(a##0) D(a##1) D(a##2) D(a##3) D(a##4) D(a##5) D(a##6) D(a##7)
D8(1) D8(2) D8(3) D8(4) D8(5) D8(6)
int funcs_thread_calls(void);
#define P8(a) f##a##0, f##a##1, f##a##2, f##a##3, f##a##4, f##a##5, f##a##6, f##a##7,
static long (*const table[FUNCS])(long) = {P8(1) P8(2) P8(3) P8(4) P8(5) P8(6)};

static pthread_barrier_t barrier;
static long results[THREADS][FUNCS];
static int calls[THREADS];

static void *worker(void *arg)
{
    static const int step[THREADS] = {1, 5, 7, 11, 13, 17, 19, 23}; /* coprime to 48 */
    int t = (int)(long)arg;
    pthread_barrier_wait(&barrier);
    for (int k = 0; k < FUNCS; k++) {
        int i = (k * step[t] + t * 5) % FUNCS; /* another order in each thread */
        results[t][i] = table[i](1000 + i);
    }
    calls[t] = funcs_thread_calls();
    return NULL;
}

int main(void)
{
    pthread_t th[THREADS];
    pthread_barrier_init(&barrier, NULL, THREADS);
    for (long t = 0; t < THREADS; t++)
        pthread_create(&th[t], NULL, worker, (void *)t);
    for (int t = 0; t < THREADS; t++)
        pthread_join(th[t], NULL);
    int wrong = 0;
    long sum = 0;
    for (int t = 0; t < THREADS; t++)
        for (int i = 0; i < FUNCS; i++) {
            long n = 10 * (i / 8 + 1) + i % 8; /* table[i] is f<n> */
            long want = ((1000 + i) * (n + 3)) ^ (n * 7919L + 1);
            wrong += results[t][i] != want;
            sum += results[t][i];
        }
    printf("%d threads x %d functions: %d wrong results, sum %ld\n", THREADS, FUNCS, wrong, sum);
    for (int t = 0; t < THREADS; t++)
        printf("thread %d: %d calls counted in its thread-local counter\n", t, calls[t]);
    printf("main thread: %d calls\n", funcs_thread_calls());
    return 0;
}
