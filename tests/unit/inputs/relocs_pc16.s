# R_X86_64_PC16 (S + A - P, signed 16 bits). With FAR, a third entry refers to a
# process symbol.
        .data
        .globl  rlpc16_vals, rlpc16_near
        .p2align 3
rlpc16_vals:
        .reloc  ., R_X86_64_PC16, rlpc16_near
        .word   0                       # .data+0x0
        .reloc  ., R_X86_64_PC16, rlpc16_near-0x10
        .word   0                       # .data+0x2
.ifdef FAR
        .reloc  ., R_X86_64_PC16, rlpc16_far
        .word   0                       # .data+0x4
.endif
        .p2align 3
rlpc16_near:
        .quad   0
