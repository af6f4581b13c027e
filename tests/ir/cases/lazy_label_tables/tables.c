/* lazy_label_tables, module tables: static tables of label addresses (computed goto)
 * used by small static functions that callers could take copies of for inlining. */
static int gen(void) /* a writable table: its state must be one */
{
    static void *st = &&s0;
    goto *st;
s0:
    st = &&s1;
    return 1;
s1:
    st = &&s2;
    return 2;
s2:
    st = &&s3;
    return 3;
s3:
    return 4;
}

static void **table(void) /* its address must be one */
{
    static void *t[] = {&&x, &&y};
    if (0) {
    x:
    y:;
    }
    return t;
}

int f1(void) { return gen() * 10; }
int f2(void) { return gen() * 100; }
void **tb1(void) { return table(); }
void **tb2(void) { return table(); }

static int h(int x) { return x + 1; }
__attribute__((noinline)) void *get_h(void) { return (void *)h; }
static void *seen;
int g(int i) /* a table holding a function's address next to a label's */
{
    static void *const t[] = {&&a, (void *)h};
    seen = t[1];
    if (i < 0)
        goto *t[0];
    return h(i);
a:
    return 0;
}
void *g_table_h(void) { return seen; }
