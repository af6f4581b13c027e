#include <cstdio>
#include <mutex>
#include "tl.hpp"

static std::mutex mu;
static std::vector<std::string> slots[8];

void record(int slot, const std::string &ev)
{
    std::lock_guard<std::mutex> lk(mu);
    slots[slot].push_back(ev);
}

std::vector<std::string> events(int slot)
{
    std::lock_guard<std::mutex> lk(mu);
    return slots[slot];
}

thread_local int tl_plain = 7;
thread_local std::string tl_str = "initial";
thread_local Counter tl_obj;

static int ctor_calls;   // guarded by mu

Counter::Counter() : value(1000)
{
    {
        std::lock_guard<std::mutex> lk(mu);
        ++ctor_calls;
    }
    owner = "slot" + std::to_string(tl_slot);
    record(tl_slot, "Counter() for " + owner);
}

Counter::~Counter()
{
    if (tl_slot == 0) {
        // the main thread's object is destroyed during exit: print directly
        std::printf("~Counter() main thread: value=%d owner=%s\n", value, owner.c_str());
        return;
    }
    record(tl_slot, "~Counter() value=" + std::to_string(value));
}

int *tl_plain_addr() { return &tl_plain; }
