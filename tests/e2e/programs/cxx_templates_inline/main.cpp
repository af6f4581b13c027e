#include <cstdio>
#include "common.hpp"

static const char *yesno(bool c) { return c ? "yes" : "no"; }

int main()
{
    Addrs a = a_addrs(), b = b_addrs();
    Addrs m = { &inl_twice, &inl_counter(), &inline_var, &tmax<int>, &tmax<double>,
                &Registry<std::string>::count, &Registry<std::string>::items() };
    std::printf("inline function address equal (a,b,main): %s %s\n", yesno(a.twice == b.twice), yesno(a.twice == m.twice));
    std::printf("inline static local shared: %s %s\n", yesno(a.counter == b.counter), yesno(a.counter == m.counter));
    std::printf("inline variable shared: %s %s\n", yesno(a.ivar == b.ivar), yesno(a.ivar == m.ivar));
    std::printf("template function address equal: %s %s %s\n", yesno(a.tmax_int == b.tmax_int),
                yesno(a.tmax_double == m.tmax_double), yesno((void *)a.tmax_int != (void *)a.tmax_double));
    std::printf("template static member shared: %s %s\n", yesno(a.reg_count == b.reg_count), yesno(b.reg_count == m.reg_count));
    std::printf("template static local shared: %s\n", yesno(a.reg_items == b.reg_items && b.reg_items == m.reg_items));

    a_work();
    b_work();
    a_work();
    inl_counter() += 5;
    std::printf("main: counter=%d ivar=%d\n", inl_counter(), inline_var);
    std::printf("registry:");
    for (auto &s : Registry<std::string>::items())
        std::printf(" %s", s.c_str());
    std::printf(" | ints:");
    for (int i : Registry<int>::items())
        std::printf(" %d", i);
    std::printf("\n");

    std::map<std::string, int> mp;
    mp["main"] = 1;
    a_fill(mp);
    for (auto &kv : mp)
        std::printf("map %s=%d\n", kv.first.c_str(), kv.second);

    int captured = 7;
    std::printf("b_apply(lambda from main)=%d\n", b_apply([&](int x) { return x * captured; }, 6));
    auto add3 = b_make_adder(3);
    std::printf("adder from b: %d\n", add3(10));
    std::printf("b_apply(adder from b)=%d\n", b_apply(add3, 1));
    std::printf("tmax<std::string>=%s\n", tmax(std::string("pear"), std::string("apple")).c_str());
    return 0;
}
