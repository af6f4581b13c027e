#include <stdint.h>
#include <stdio.h>
#include "tls.h"

void *worker(void *arg)
{
    struct result *r = arg;
    int id = r->id;
    /* every thread starts from the initial images */
    r->counter = tl_counter;
    for (int i = 0; i < 1000 * (id + 1); i++)
        tl_counter++;
    *tl_counter_addr() += id;
    r->counter = r->counter * 100000 + tl_counter;
    r->same_addr = &tl_counter == tl_counter_addr();
    r->aligned = ((uintptr_t)&tl_aligned % 64) == 0 && tl_aligned == 7;
    for (int i = 0; i <= id; i++)
        r->static_val = tl_static_bump(i + 1);
    for (int i = 0; i < 1024; i++)
        tl_big[i] += i * (id + 1);
    r->big_sum = 0;
    for (int i = 0; i < 1024; i++)
        r->big_sum += tl_big[i];
    tl_scale *= id + 1;
    r->scaled = tl_scale;
    snprintf(tl_name, sizeof tl_name, "worker-%u", (unsigned)id & 0xffu);
    snprintf(r->name, sizeof r->name, "%s", tl_name);
    main_tl += id * 10;
    r->main_tl = main_tl;
    return (void *)tl_counter_addr();
}
