/* lazy_signals, module funcs: work for the main thread (f) and for the signal handler
 * (h), each function compiled on its first call. f's bodies are large enough that the
 * main thread spends most of its time compiling them, so the timer's signals land
 * during compilations. */
#define F(n)                                                                           \
    long f##n(long x)                                                                  \
    {                                                                                  \
        long acc = x;                                                                  \
        for (long i = 0; i < 64 + n; i++) {                                            \
            acc = acc * 6364136223846793005L + (i ^ n);                                \
            if (acc % (n + 3) == 1)                                                    \
                acc ^= acc >> 7;                                                       \
            else if (acc % 5 == 2)                                                     \
                acc += i * n;                                                          \
        }                                                                              \
        return acc;                                                                    \
    }                                                                                  \
    long h##n(long x) { return x * (n + 11) + 5; }
#define F8(a) F(a##0) F(a##1) F(a##2) F(a##3) F(a##4) F(a##5) F(a##6) F(a##7)
F8(1) F8(2) F8(3) F8(4) F8(5) F8(6) F8(7) F8(8)
