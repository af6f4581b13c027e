/* What gcc emits for a thread-local variable in a -fno-pic object: local exec,
 * R_X86_64_TPOFF32 against the module's own variable. */
__thread int rltn_counter = 3;

int rltn_next(void)
{
    return ++rltn_counter;
}
