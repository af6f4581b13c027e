# R_X86_64_8 (S + A, 8 bits).
        .data
        .globl  rl8_vals
        .p2align 3
rl8_vals:
        .byte   rl8_target              # .data+0x0
        .byte   rl8_target+1            # .data+0x1
