/* lazy_signals, module main: while the main thread makes the first calls of 64
 * functions (compilations), a 200 µs interval timer's SIGALRM handler makes the first
 * calls of 64 others, one per signal. A signal landing during a compilation must not
 * deadlock the thread (its handler's compilation would wait for the lock the
 * interrupted one holds): the engine holds asynchronous signals back while a thread
 * compiles. Main keeps calling until the handler has called all of its functions. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>

#define N 64
#define D(n) long f##n(long); long h##n(long);
#define D8(a) D(a##0) D(a##1) D(a##2) D(a##3) D(a##4) D(a##5) D(a##6) D(a##7)
D8(1) D8(2) D8(3) D8(4) D8(5) D8(6) D8(7) D8(8)
#define P8(p, a) p##a##0, p##a##1, p##a##2, p##a##3, p##a##4, p##a##5, p##a##6, p##a##7,
static long (*const fs[N])(long) = {P8(f, 1) P8(f, 2) P8(f, 3) P8(f, 4) P8(f, 5) P8(f, 6) P8(f, 7) P8(f, 8)};
static long (*const hs[N])(long) = {P8(h, 1) P8(h, 2) P8(h, 3) P8(h, 4) P8(h, 5) P8(h, 6) P8(h, 7) P8(h, 8)};

static volatile sig_atomic_t handled, handler_wrong;

static long number(int i) { return 10 * (i / 8 + 1) + i % 8; } /* fs[i] is f<number> */

static void on_alarm(int sig)
{
    (void)sig;
    int k = handled;
    if (k >= N)
        return;
    if (hs[k](k) != k * (number(k) + 11) + 5)
        handler_wrong = handler_wrong + 1;
    handled = k + 1;
}

static void timer(long usec)
{
    struct itimerval it = {{0, usec}, {0, usec}};
    setitimer(ITIMER_REAL, &it, NULL);
}

int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_alarm;
    sa.sa_flags = SA_RESTART;
    sigaction(SIGALRM, &sa, NULL);
    long first[N], sum = 0;
    timer(200);
    for (int i = 0; i < N; i++)
        first[i] = fs[i](i);
    time_t start = time(NULL);
    while (handled < N && time(NULL) - start < 20) /* the handler's remaining first calls */
        for (int i = 0; i < N; i++)
            sum += fs[i](i) != first[i];
    timer(0);
    printf("main: %d first calls, %ld changed results\n", N, sum);
    printf("handler: %d first calls, %d wrong results\n", (int)handled, (int)handler_wrong);
    return 0;
}
