/* big_arrays: a 16 MiB zero-initialised global (.bss; .lbss under
 * -mcmodel=medium), a 1 MiB initialised array (.data/.ldata), a large const
 * table (.rodata/.lrodata), a 4096-entry const table of pointers (thousands of
 * absolute relocations, .data.rel.ro), a static big array, all used from
 * another module. */
#ifndef BIG_H
#define BIG_H
#define ZERO_SIZE (16u << 20)
#define INIT_COUNT (1u << 18)     /* ints: 1 MiB */
#define RO_COUNT 40000u
#define PTR_COUNT 4096u
extern unsigned char big_zero[ZERO_SIZE];
extern int big_init[INIT_COUNT];
extern const unsigned short big_ro[RO_COUNT];
extern const char *const big_ptrs[PTR_COUNT];
unsigned long big_checksum_zero(void);  /* big.c */
unsigned long big_private_fill(unsigned v); /* big.c: static array */
#endif
