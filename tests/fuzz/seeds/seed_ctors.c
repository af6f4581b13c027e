/* Fuzz seed: constructors and destructors with priorities, .init_array and .ctors,
 * IFUNC-free; never executed by the fuzz target. */
static int state;
__attribute__((constructor(101))) static void early(void) { state = 1; }
__attribute__((constructor)) static void late(void) { state *= 2; }
__attribute__((destructor)) static void bye(void) { state = 0; }
static void legacy(void) { state += 3; }
__attribute__((section(".ctors"), used)) static void (*const legacy_ctor)(void) = legacy;

int seed_state(void) { return state; }
