/* lazy_fork, module main: a thread makes the first calls of 400 functions (so it is
 * compiling most of the time) while main forks; the child makes a first call of its
 * own and exits with its result. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

extern int (*work_table[])(int);
int child_fn(int);

static atomic_int started;
static long total;

static void *worker(void *arg)
{
    (void)arg;
    long s = 0;
    for (int i = 0; i < 400; i++) {
        s += work_table[i](5);
        if (i == 5)
            started = 1;
    }
    total = s;
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, worker, NULL);
    while (!started)
        ;
    pid_t p = fork();
    if (p == 0)
        _exit(child_fn(5));
    int status;
    waitpid(p, &status, 0);
    pthread_join(t, NULL);
    printf("child=%d total=%ld\n", WEXITSTATUS(status), total);
    return 0;
}
