/* lazy_address_cast, module lib: main's functions' addresses as this module sees them. */
#include <stdint.h>

long twice(long x);
long thrice(long x);
uintptr_t lib_twice_address(void) { return (uintptr_t)twice; }
void *lib_thrice_address(void) { return (void *)thrice; }
