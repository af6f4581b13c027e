/* The stress test patches the constant in copies of this object: each copy is a version
 * whose function answers its own number (read-only data: not kept across versions). */
static const int swap_version_number = 0x5eed0001;
int swap_version(void) { return *(const volatile int *)&swap_version_number; }
