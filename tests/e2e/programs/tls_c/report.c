#include <stdio.h>
#include "tls.h"

void report(const struct result *res, int n, void *const *addr)
{
    for (int i = 0; i < n; i++) {
        const struct result *r = &res[i];
        printf("thread %d: counter=%d same_addr=%d aligned=%d static=%ld big_sum=%ld scale=%g "
               "name=%s main_tl=%d\n", r->id, r->counter, r->same_addr, r->aligned, r->static_val,
               r->big_sum, r->scaled, r->name, r->main_tl);
    }
    int distinct = 1;
    for (int i = 0; i < n; i++)
        for (int j = 0; j < i; j++)
            if (addr[i] == addr[j])
                distinct = 0;
    printf("addresses of tl_counter distinct across threads: %s\n", distinct ? "yes" : "no");
}
