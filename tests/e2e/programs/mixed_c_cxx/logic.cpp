#include <cstdio>
#include <stdexcept>
#include <string>
#include <vector>
#include "bridge.h"

namespace {
struct Limit : std::runtime_error {
    explicit Limit(int v) : std::runtime_error("limit reached at " + std::to_string(v)), at(v) {}
    int at;
};
struct Noisy {
    ~Noisy() { std::printf("  ~Noisy (unwinding through C++ frame)\n"); }
};
}

extern "C" int cxx_callback(int x)
{
    Noisy n;
    if (x == g_config.limit)
        throw Limit(x);
    return c_square(x) + 1;
}

extern "C" const char *cxx_describe(int x)
{
    static std::string s;
    s = "limit is " + std::to_string(x) + ", config " + g_config.name;
    return s.c_str();
}

extern "C" int cxx_run(void)
{
    int status = 1;
    std::printf("visit 3 (no throw): %d\n", c_visit(3, cxx_callback));
    try {
        c_visit(10, cxx_callback);
        std::printf("not reached\n");
    } catch (const Limit &e) {
        std::printf("caught through C frames: %s (at=%d)\n", e.what(), e.at);
        status = 0;
    }
    try {
        g_config.limit = 5;
        c_nested_visit(8, cxx_callback);
    } catch (const std::exception &e) {
        std::printf("caught through two C frames: %s\n", e.what());
    }
    std::vector<visit_fn> fns{ c_square, cxx_callback };
    for (visit_fn f : fns)
        std::printf("fn(2)=%d\n", f(2));
    g_config.name = "changed-by-c++";
    g_config.ratio *= 3;
    return status;
}
