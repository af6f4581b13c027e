/* lazy_address_cast, module main: functions of this module whose address main takes in
 * a form other than a plain pointer (cast to an integer; inside a constant aggregate)
 * while also calling them, so that they could be copied into main's part for inlining:
 * the address must still be the one every module sees, never that of the copy. */
#include <stdint.h>
#include <stdio.h>

long twice(long x) { return 2 * x; }
long thrice(long x) { return 3 * x; }
uintptr_t lib_twice_address(void);
void *lib_thrice_address(void);

struct entry {
    const char *name;
    long (*fn)(long);
};

static int same(const char *what, uintptr_t a, uintptr_t b)
{
    printf("%s: %s\n", what, a == b ? "same address" : "DIFFERENT ADDRESS");
    return a == b;
}

int main(void)
{
    uintptr_t as_integer = (uintptr_t)twice; /* ptrtoint */
    long r = twice(4);
    const struct entry table[] = {{"thrice", thrice}, {"twice", twice}}; /* aggregate */
    r += thrice(5) + table[0].fn(1) + table[1].fn(1);
    int ok = same("twice cast to an integer", as_integer, lib_twice_address());
    ok &= same("thrice in a local table", (uintptr_t)table[0].fn, (uintptr_t)lib_thrice_address());
    ok &= same("twice in a local table", (uintptr_t)table[1].fn, lib_twice_address());
    printf("results %ld\n", r);
    return ok ? 0 : 1;
}
