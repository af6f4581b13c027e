# R_X86_64_32 (S + A, zero-extended 32 bits).
        .data
        .globl  rl32_vals
        .p2align 3
rl32_vals:
        .long   rl32_target             # .data+0x0
        .long   rl32_target+0x10        # .data+0x4
