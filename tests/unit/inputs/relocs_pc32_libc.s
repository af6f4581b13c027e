# R_X86_64_PC32 against an exported function of the C library, beyond 32-bit reach:
# the address taken is that of a near stand-in that reaches the function.
        .text
        .globl  rlpcl_get
        .type   rlpcl_get, @function
rlpcl_get:
        leaq    labs(%rip), %rax
        ret
