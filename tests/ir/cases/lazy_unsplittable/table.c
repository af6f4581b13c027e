/* lazy_unsplittable, module table: a static pointer into a static table of label
 * addresses. The table goes with run's part; the pointer is data of the globals object,
 * which cannot name it. */
int run(int i)
{
    static void *tbl[] = {&&a, &&b, &&c};
    static void **p = tbl;
    static int n;
    n++;
    goto *p[i];
a:
    return 1 + n * 10;
b:
    return 2 + n * 10;
c:
    return 3 + n * 10;
}
