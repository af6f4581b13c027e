#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include "rec.h"

int main_compare_calls;

int main_cmp_key_to_rec(const void *key, const void *elem)
{
    int k = *(const int *)key;
    const struct rec *r = elem;
    main_compare_calls++;
    return (k > r->key) - (k < r->key);
}

int main(void)
{
    int nums[] = { 42, -7, 1000, 3, 0, 99, -250, 17, 8, 64, 5, 31 };
    size_t nn = sizeof nums / sizeof nums[0];
    qsort(nums, nn, sizeof nums[0], cmp_int_asc);
    printf("asc:");
    for (size_t i = 0; i < nn; i++) printf(" %d", nums[i]);
    printf("\n");
    qsort(nums, nn, sizeof nums[0], cmp_int_desc);
    printf("desc:");
    for (size_t i = 0; i < nn; i++) printf(" %d", nums[i]);
    printf("\n");

    const char *words[] = { "pear", "apple", "kiwi", "banana", "fig", "cherry", "date", "grape" };
    int nw = sizeof words / sizeof words[0];
    qsort(words, nw, sizeof words[0], cmp_str);
    printf("words:");
    for (int i = 0; i < nw; i++) printf(" %s", words[i]);
    printf("\n");

    struct rec recs[] = {
        { 50, "fifty", 2.5 }, { 10, "ten", 9.0 }, { 40, "forty", 0.5 },
        { 20, "twenty", 7.25 }, { 30, "thirty", 4.0 }, { 60, "sixty", 1.0 },
    };
    size_t nr = sizeof recs / sizeof recs[0];
    qsort(recs, nr, sizeof recs[0], cmp_rec_key);
    printf("by key:");
    for (size_t i = 0; i < nr; i++) printf(" %d:%s", recs[i].key, recs[i].name);
    printf("\n");
    int keys[] = { 30, 10, 60, 35, 0 };
    for (int i = 0; i < 5; i++) {
        const struct rec *r = find_rec(recs, nr, keys[i]);
        printf("find %d -> %s\n", keys[i], r ? r->name : "(not found)");
    }
    printf("main comparator was called: %s\n", main_compare_calls > 0 ? "yes" : "no");
    int *hit = bsearch(&(int){ 1 }, (int[]){ 1, 2, 3 }, 3, sizeof(int), cmp_int_asc);
    printf("bsearch libc->cmp.c: %d\n", hit ? *hit : -1);

    int dir = -1;
    qsort_r(recs, nr, sizeof recs[0], cmp_rec_weight_r, &dir);
    printf("by weight desc:");
    for (size_t i = 0; i < nr; i++) printf(" %s(%.2f)", recs[i].name, recs[i].weight);
    printf("\n");
    tree_demo(words, nw);
    return 0;
}
