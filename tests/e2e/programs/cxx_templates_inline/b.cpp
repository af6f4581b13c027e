#include <cstdio>
#include "common.hpp"

Addrs b_addrs()
{
    return { &inl_twice, &inl_counter(), &inline_var, &tmax<int>, &tmax<double>,
             &Registry<std::string>::count, &Registry<std::string>::items() };
}

void b_work()
{
    inl_counter() += 1000;
    inline_var *= 2;
    Registry<std::string>::add("from-b");
    Registry<std::string>::add("from-b-again");
    std::printf("b_work: counter=%d ivar=%d strings=%d ints=%d\n", inl_counter(), inline_var,
                Registry<std::string>::count, Registry<int>::count);
}

int b_apply(const std::function<int(int)> &f, int x) { return f(x) + inl_twice(x); }

std::function<int(int)> b_make_adder(int n)
{
    return [n](int x) { return x + n + inline_var; };
}
