# R_X86_64_SIZE32 and R_X86_64_SIZE64 (Z + A).
        .data
        .globl  rlsz_obj
        .type   rlsz_obj, @object
        .size   rlsz_obj, 24
rlsz_obj:
        .zero   24

        .text
        .globl  rlsz32, rlsz32_add, rlsz64, rlsz64_add, rlsz_fn, rlsz_fn_size, rlsz_proc
        .type   rlsz32, @function
rlsz32:
        movl    $rlsz_obj@SIZE, %eax
        ret
        .type   rlsz32_add, @function
rlsz32_add:
        movl    $rlsz_obj@SIZE+8, %eax
        ret
        .type   rlsz64, @function
rlsz64:
        movabsq $rlsz_obj@SIZE, %rax
        ret
        .type   rlsz64_add, @function
rlsz64_add:
        movabsq $rlsz_obj@SIZE-32, %rax
        ret
        .type   rlsz_proc, @function
rlsz_proc:                              # a data object of the process (libc's stderr)
        movabsq $stderr@SIZE, %rax
        ret
        .type   rlsz_fn_size, @function
rlsz_fn_size:
        movl    $rlsz_fn@SIZE, %eax
        ret
        .type   rlsz_fn, @function
rlsz_fn:
        nop
        nop
        nop
        ret
        .size   rlsz_fn, .-rlsz_fn
