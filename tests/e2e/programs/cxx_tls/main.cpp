#include <cstdio>
#include <thread>
#include <vector>
#include "tl.hpp"

int main()
{
    const int n = 4;
    std::vector<int> results(n + 1);
    std::vector<std::thread> threads;
    for (int i = 1; i <= n; i++)
        threads.emplace_back([i, &results] { results[i] = work(i); });
    for (auto &t : threads)
        t.join();
    for (int i = 1; i <= n; i++) {
        std::printf("thread %d -> %d\n", i, results[i]);
        for (auto &e : events(i))
            std::printf("  %s\n", e.c_str());
    }
    std::printf("main thread before use: plain=%d str=%s\n", tl_plain, tl_str.c_str());
    results[0] = work(0);
    std::printf("main thread -> %d\n", results[0]);
    for (auto &e : events(0))
        std::printf("  %s\n", e.c_str());
    return 0;
}
