# R_X86_64_PC64 (S + A - P).
        .data
        .globl  rlpc64_vals
        .p2align 3
rlpc64_vals:
        .quad   rlpc64_target - .
        .quad   rlpc64_target + 8 - .
        .quad   rlpc64_target - 0x1000 - .
