# R_X86_64_PC32 (S + A - P), in code and in data.
        .text
        .globl  rlpc32_get, rlpc32_get_add, rlpc32_get_fn, rlpc32_fn
        .type   rlpc32_get, @function
rlpc32_get:                             # the displacement is at .text+0x3
        leaq    rlpc32_target(%rip), %rax
        ret
        .type   rlpc32_get_add, @function
rlpc32_get_add:
        leaq    rlpc32_target+16(%rip), %rax
        ret
        .type   rlpc32_get_fn, @function
rlpc32_get_fn:
        leaq    rlpc32_fn(%rip), %rax
        ret
        .type   rlpc32_fn, @function
rlpc32_fn:
        movl    $32, %eax
        ret

        .data
        .globl  rlpc32_data
        .p2align 3
rlpc32_data:
        .long   rlpc32_target - .
        .long   rlpc32_target + 0x100 - .
