/* exit_threads_running, module main: main returns while another thread still runs
 * JIT code (an endless loop calling a static function of another module). */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

void spin(void);

static void *background(void *arg)
{
    (void)arg;
    spin();
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, background, NULL);
    usleep(100000);
    puts("main done");
    return 0;
}
