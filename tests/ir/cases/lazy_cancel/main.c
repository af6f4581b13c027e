/* lazy_cancel, module main: a thread with a 256 KiB stack (so its first calls are
 * compiled on a helper thread it waits for) has a cancellation pending when it makes a
 * first call; the call must complete, the thread be cancelled at its next cancellation
 * point, and later first calls still work. */
#include <pthread.h>
#include <stdio.h>

int compute(int x);
int later(int x);

static volatile int result;

static void *cancelled(void *arg)
{
    (void)arg;
    pthread_cancel(pthread_self());
    result = compute(7);
    pthread_testcancel();
    return NULL;
}

int main(void)
{
    pthread_attr_t attr;
    pthread_t t;
    void *ret;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, 256 * 1024);
    pthread_create(&t, &attr, cancelled, NULL);
    pthread_join(t, &ret);
    printf("result=%d cancelled=%d\n", result, ret == PTHREAD_CANCELED);
    printf("later=%d\n", later(3));
    return 0;
}
