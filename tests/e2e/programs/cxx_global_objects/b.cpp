#include <cstdio>
#include "tracer.hpp"

Tracer b_early __attribute__((init_priority(200))) ("b.cpp:early (init_priority 200)");
Tracer b_first("b.cpp:first");
Tracer b_second("b.cpp:second");
const std::string g_title = std::string("title built in ") + "b.cpp";

int b_second_seq_seen_by_b() { return b_second.seq; }
