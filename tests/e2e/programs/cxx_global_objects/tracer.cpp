#include <iostream>
#include "tracer.hpp"

static int seq_counter;
int next_seq() { return ++seq_counter; }

// must be constructed before any Tracer uses it: give it the highest priority
std::vector<std::string> g_names __attribute__((init_priority(150)));

Tracer::Tracer(const char *n) : name(n), seq(next_seq())
{
    // b.cpp's init_priority(200) tracer runs before this module's own
    // std::ios_base::Init object: make sure the standard streams exist.
    std::ios_base::Init streams_ready;
    g_names.push_back(n);
    std::cout << "construct " << name << " #" << seq << std::endl;
}

Tracer::~Tracer() { std::cout << "destroy " << name << " #" << seq << std::endl; }

Tracer t_first("tracer.cpp:first");
Tracer t_second("tracer.cpp:second");

Tracer &lazy_tracer()
{
    static Tracer lazy("lazy (function-local static)");
    return lazy;
}
