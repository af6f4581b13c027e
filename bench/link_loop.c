#define _POSIX_C_SOURCE 200809L
/* In-process link time: adds the given objects as one batch and removes them again,
 * ITERATIONS times (constructors and destructors run each time), and reports the median
 * time of one add (open, resolve, lay out, relocate, protect, publish).
 * usage: link_loop ITERATIONS [-l LIB]... FILE.o... */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "hotjit.h"

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int compare_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: link_loop ITERATIONS [-l LIB]... FILE.o...\n");
        return 2;
    }
    int iterations = atoi(argv[1]);
    hj_engine *e;
    if (iterations < 1 || hj_engine_create(&e, NULL) != HJ_OK)
        return 2;
    const char **files = calloc((size_t)argc, sizeof *files);
    size_t nfiles = 0;
    for (int i = 2; i < argc; i++) {
        if (!strcmp(argv[i], "-l") && i + 1 < argc) {
            if (hj_load_library(e, argv[++i]) != HJ_OK) {
                fprintf(stderr, "%s\n", hj_errmsg(e));
                return 1;
            }
        } else {
            files[nfiles++] = argv[i];
        }
    }
    hj_module **modules = calloc(nfiles, sizeof *modules);
    double *times = calloc((size_t)iterations, sizeof *times);
    for (int it = 0; it < iterations; it++) {
        double t0 = now_ms();
        if (hj_add_object_files(e, files, nfiles, modules) != HJ_OK) {
            fprintf(stderr, "%s\n", hj_errmsg(e));
            return 1;
        }
        times[it] = now_ms() - t0;
        /* users before the modules they use: retry until every module is gone */
        for (size_t left = nfiles, pass = 0; left; pass++) {
            for (size_t m = nfiles; m-- > 0;)
                if (modules[m] && hj_remove(e, modules[m]) == HJ_OK) {
                    modules[m] = NULL;
                    left--;
                }
            if (pass > nfiles) {
                fprintf(stderr, "%s\n", hj_errmsg(e));
                return 1;
            }
        }
    }
    hj_link_stats s;
    hj_get_stats(e, &s);
    qsort(times, (size_t)iterations, sizeof *times, compare_double);
    double median = times[iterations / 2];
    unsigned long long relocs = s.relocations / (unsigned long long)iterations;
    printf("modules %zu relocations %llu median_ms %.3f min_ms %.3f per_module_us %.1f per_reloc_ns %.1f\n",
           nfiles, relocs, median, times[0], median * 1e3 / (double)nfiles,
           relocs ? median * 1e6 / (double)relocs : 0.0);
    hj_engine_destroy(e);
    return 0;
}
