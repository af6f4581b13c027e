/* A live-coding loop: it never stops; edit pattern.c while it runs under
 *     hotjit watch examples/live/loop.c examples/live/pattern.c
 * and the next beat plays the new pattern, with the beat counter kept.
 * An optional argument bounds the number of beats (the tests use it). */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

const char *pattern(int beat);

int beats_played; /* state that survives a swap of this module too */

int main(int argc, char **argv)
{
    int limit = argc > 1 ? atoi(argv[1]) : -1;
    struct timespec beat = {0, 100 * 1000 * 1000};
    for (; limit < 0 || beats_played < limit; beats_played++) {
        printf("%4d %s\n", beats_played, pattern(beats_played));
        fflush(stdout);
        nanosleep(&beat, NULL);
    }
    return 0;
}
