# R_X86_64_64 (S + A) and R_X86_64_NONE.
        .text
        .globl  rl64_fn
        .type   rl64_fn, @function
rl64_fn:
        movl    $64, %eax
        ret
        .size   rl64_fn, .-rl64_fn

        .data
        .globl  rl64_vals
        .p2align 3
rl64_vals:
        .quad   rl64_target             # [0] S
        .quad   rl64_target+4           # [1] S + 4
        .quad   rl64_target-8           # [2] S - 8
        .quad   rl64_fn                 # [3] own exported function: its entry stub
        .quad   rl64_local+8            # [4] local data: &vals[5] + 8
rl64_local:
        .quad   0x1122                  # [5]
        .reloc  ., R_X86_64_NONE, rl64_target
        .quad   0x5555                  # [6] untouched
