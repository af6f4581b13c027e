/* util.h: edited by cache_key.sh (a header change must miss the cache) */
#define UTIL_BASE 1000
