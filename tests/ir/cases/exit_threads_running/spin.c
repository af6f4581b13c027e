/* exit_threads_running, module spin: runs until the process exits. */
volatile unsigned long counter;
static void step(void) { counter++; }
void spin(void)
{
    for (;;)
        step();
}
