#include <cstdio>
#include "common.hpp"

Addrs a_addrs()
{
    return { &inl_twice, &inl_counter(), &inline_var, &tmax<int>, &tmax<double>,
             &Registry<std::string>::count, &Registry<std::string>::items() };
}

void a_work()
{
    inl_counter() += 1;
    inline_var += 10;
    Registry<std::string>::add("from-a");
    Registry<int>::add(tmax(3, 9));
    std::printf("a_work: twice(21)=%d counter=%d ivar=%d tmax=%g fib20=%ld\n", inl_twice(21),
                inl_counter(), inline_var, tmax(2.5, -1.0), Fib<20>::value);
}

void a_fill(std::map<std::string, int> &m)
{
    for (const char *k : { "zeta", "alpha", "mu" })
        m[k] = (int)m.size() * 10 + inl_twice((int)std::string(k).size());
}
