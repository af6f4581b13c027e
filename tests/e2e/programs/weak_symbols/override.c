#include "weak.h"

const char *greeting(void) { return "strong greeting from override.c"; }
int config_value = 42;
