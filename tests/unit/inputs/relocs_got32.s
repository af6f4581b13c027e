# R_X86_64_GOTPC32 (GOT + A - P) and R_X86_64_GOT32 (G + A), small-model GOT access.
        .text
        .globl  rlg32_gotbase, rlg32_gotbase16, rlg32_off, rlg32_off_fn, rlg32_load
        .globl  rlg32_entry, rlg32_fn
        .type   rlg32_gotbase, @function
rlg32_gotbase:
        leaq    _GLOBAL_OFFSET_TABLE_(%rip), %rax
        ret
        .type   rlg32_gotbase16, @function
rlg32_gotbase16:
        leaq    _GLOBAL_OFFSET_TABLE_+16(%rip), %rax
        ret
        .type   rlg32_off, @function
rlg32_off:
        movq    $rlg32_target@GOT, %rax
        ret
        .type   rlg32_off_fn, @function
rlg32_off_fn:
        movq    $rlg32_fn@GOT, %rax
        ret
        .type   rlg32_load, @function
rlg32_load:
        leaq    _GLOBAL_OFFSET_TABLE_(%rip), %rcx
        movq    $rlg32_target@GOT, %rax
        movq    (%rcx,%rax), %rax
        ret
        .type   rlg32_entry, @function
rlg32_entry:
        leaq    rlg32_target@GOTPCREL(%rip), %rax
        ret
        .type   rlg32_fn, @function
rlg32_fn:
        movl    $32, %eax
        ret
