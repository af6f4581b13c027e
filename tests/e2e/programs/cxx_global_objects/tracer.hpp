// cxx_global_objects: global objects with constructors and destructors in
// several modules (definition order within a module, module order across
// modules, init_priority before the rest, destruction in reverse), a function
// local static constructed on first use from another module, an atexit handler
// registered in main interleaved with destructors (LIFO), std::cout used from
// global constructors and destructors, global std::string/std::vector built in
// one module and read in another.
#ifndef TRACER_HPP
#define TRACER_HPP
#include <string>
#include <vector>

struct Tracer {
    explicit Tracer(const char *name);
    ~Tracer();
    const char *name;
    int seq;
};

int next_seq();                          // tracer.cpp
Tracer &lazy_tracer();                   // tracer.cpp: function-local static
extern std::vector<std::string> g_names; // tracer.cpp: names in construction order
extern const std::string g_title;        // b.cpp
extern Tracer b_second;                  // b.cpp
int b_second_seq_seen_by_b();            // b.cpp
#endif
