#include <cstdlib>
#include <iostream>
#include "tracer.hpp"

Tracer m_global("main.cpp:global");

static void main_atexit() { std::cout << "atexit handler from main" << std::endl; }

int main()
{
    std::cout << "main starts; " << g_names.size() << " tracers so far:";
    for (auto &n : g_names)
        std::cout << " [" << n << "]";
    std::cout << "\n";
    std::cout << "g_title=" << g_title << " b_second.seq=" << b_second.seq << " (b sees "
              << b_second_seq_seen_by_b() << ")\n";
    std::atexit(main_atexit);
    std::cout << "lazy: " << lazy_tracer().name << " #" << lazy_tracer().seq << "\n";
    std::cerr << "stderr via std::cerr" << std::endl;
    std::cout << "main returns" << std::endl;
    return 0;
}
