/* compiled to lib.bc by the scripts: sum of squares 1..n, through a table */
static long table[64];
long lib_fn(long n)
{
    for (long i = 0; i < 64; i++)
        table[i] = i * i;
    long s = 0;
    for (long i = 1; i <= n; i++)
        s += table[i];
    return s;
}
