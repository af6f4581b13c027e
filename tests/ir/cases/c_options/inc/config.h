/* c_options: found only through -I inc */
#define CONFIG_NAME "from inc/config.h"
