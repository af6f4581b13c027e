# R_X86_64_PC32 against a process function beyond 32-bit reach: the address taken is
# that of a call stub of the module, which reaches the function.
        .text
        .globl  rlpcf_get
        .type   rlpcf_host, @function
        .type   rlpcf_get, @function
rlpcf_get:
        leaq    rlpcf_host(%rip), %rax
        ret
