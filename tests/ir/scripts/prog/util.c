/* a C input; VALUE may come from -D VALUE=N (default 7) */
#include "util.h"
#ifndef VALUE
#define VALUE 7
#endif
int util_value(void) { return UTIL_BASE + VALUE; }
