/* The pristine object test_elf_bad.c mutates: code, read-only data, data, bss, a pointer
 * in data, calls and data references (so there are relocations), and unwind info. */
static const int eb_table[4] = {1, 2, 3, 5};
int eb_counter = 10;
int *eb_ptr = &eb_counter;
static long eb_zero[4];

__attribute__((noinline)) static int eb_helper(int x)
{
    return x * 2 + eb_table[x & 3];
}

/* eb_compute(3) == 21 */
int eb_compute(int x)
{
    eb_zero[x & 3] += x;
    return eb_helper(x) + *eb_ptr + (int)(eb_zero[x & 3] - eb_zero[x & 3]);
}

const char *eb_name(void)
{
    return "elfbad";
}
