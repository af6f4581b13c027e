/* c_options, second C module: the same options apply to it. */
#include "config.h"
int helper(void) { return (int)sizeof(CONFIG_NAME) + LEVEL; }
