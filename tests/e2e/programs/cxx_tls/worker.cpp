#include "tl.hpp"

// Defined here, in a module without dynamically initialised thread_locals, so
// that setting it does not run state.cpp's TLS initialiser (which constructs
// tl_obj and reads tl_slot).
thread_local int tl_slot = 0;

int work(int id)
{
    tl_slot = id;                 // set before the first use of tl_obj
    tl_plain += id;
    tl_obj.value += id * 10;      // first use: constructs this thread's Counter
    tl_obj.value += tl_plain;
    tl_str += "+" + std::to_string(id);
    record(id, "work: plain=" + std::to_string(tl_plain) + " str=" + tl_str +
                   " value=" + std::to_string(tl_obj.value) + " owner=" + tl_obj.owner +
                   " same_addr=" + (tl_plain_addr() == &tl_plain ? "yes" : "no"));
    return tl_obj.value;
}
