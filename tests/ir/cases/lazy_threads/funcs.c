/* lazy_threads, module funcs: 48 small functions and a thread-local call counter. */
_Thread_local int funcs_calls;

#define F(n)                                                                           \
    long f##n(long x)                                                                  \
    {                                                                                  \
        funcs_calls++;                                                                 \
        return (x * (n + 3)) ^ (n * 7919L + 1);                                        \
    }
#define F8(a) F(a##0) F(a##1) F(a##2) F(a##3) F(a##4) F(a##5) F(a##6) F(a##7)
F8(1) F8(2) F8(3) F8(4) F8(5) F8(6)

int funcs_thread_calls(void) { return funcs_calls; }
