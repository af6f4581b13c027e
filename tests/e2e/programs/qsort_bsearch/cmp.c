#define _GNU_SOURCE
#include <search.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "rec.h"

int cmp_int_asc(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

int cmp_int_desc(const void *a, const void *b) { return cmp_int_asc(b, a); }

int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int cmp_rec_key(const void *a, const void *b)
{
    const struct rec *x = a, *y = b;
    return (x->key > y->key) - (x->key < y->key);
}

int cmp_rec_weight_r(const void *a, const void *b, void *arg)
{
    const struct rec *x = a, *y = b;
    int dir = *(const int *)arg;
    return dir * ((x->weight > y->weight) - (x->weight < y->weight));
}

/* bsearch with a comparator that lives in main.c */
const struct rec *find_rec(const struct rec *v, size_t n, int key)
{
    return bsearch(&key, v, n, sizeof *v, main_cmp_key_to_rec);
}

static int tree_cmp(const void *a, const void *b) { return strcmp(a, b); }

static int walk_count;
static void walk_action(const void *node, VISIT which, int depth)
{
    (void)depth;
    if (which == postorder || which == leaf)
        printf("  tree[%d]=%s\n", walk_count++, *(const char *const *)node);
}

static void free_nothing(void *p) { (void)p; }

void tree_demo(const char *const *words, int n)
{
    void *root = NULL;
    for (int i = 0; i < n; i++)
        tsearch(words[i], &root, tree_cmp);
    void *hit = tfind("kiwi", &root, tree_cmp);
    printf("tfind(kiwi): %s\n", hit ? *(const char *const *)hit : "(none)");
    walk_count = 0;
    twalk(root, walk_action);
    tdestroy(root, free_nothing);
}
