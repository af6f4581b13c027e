/* lazy_asm_names, module asm: inline assembly naming a static function and a static
 * variable by their source names. */
__attribute__((used)) static int helper(int x) { return x * 7; }
__attribute__((used)) static int counter = 41;

int via_asm(int x)
{
    int r;
    __asm__ volatile("mov %1, %%edi\n\tcall helper\n\tmov %%eax, %0\n\tadd counter(%%rip), %0"
                     : "=r"(r)
                     : "r"(x)
                     : "rdi", "rax", "rcx", "rdx", "rsi", "r8", "r9", "r10", "r11", "memory");
    return r;
}
