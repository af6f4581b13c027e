// cxx_tls: C++ thread_local objects with dynamic initialisation and
// destructors (TLS init functions, _ZTW wrappers, __cxa_thread_atexit),
// defined in one module and used from others (extern thread_local), in several
// std::threads; per-thread destructors run at thread exit; the main thread's
// thread_local objects are destroyed at exit. Events are recorded per thread and
// printed after join, in thread order.
#ifndef TL_HPP
#define TL_HPP
#include <string>
#include <vector>

struct Counter {
    Counter();
    ~Counter();
    int value;
    std::string owner;
};

extern thread_local Counter tl_obj;        // state.cpp: dynamic init + dtor
extern thread_local int tl_plain;          // state.cpp: constant init
extern thread_local std::string tl_str;    // state.cpp

void record(int slot, const std::string &ev);      // state.cpp
std::vector<std::string> events(int slot);         // state.cpp
extern thread_local int tl_slot;                   // worker.cpp: this thread's slot
int *tl_plain_addr();                              // state.cpp

int work(int id);                                  // worker.cpp
#endif
