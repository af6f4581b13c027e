/* lazy_cancel, module lib. */
int compute(int x)
{
    int s = 0;
    for (int i = 0; i < x; i++)
        s += i * i;
    return s;
}

int later(int x) { return x + 1; }
