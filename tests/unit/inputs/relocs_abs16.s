# R_X86_64_16 (S + A, 16 bits).
        .data
        .globl  rl16_vals
        .p2align 3
rl16_vals:
        .word   rl16_target             # .data+0x0
        .word   rl16_target+1           # .data+0x2
