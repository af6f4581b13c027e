# R_X86_64_PC8 (S + A - P, signed 8 bits). With FAR, a third entry refers to a process
# symbol.
        .data
        .globl  rlpc8_vals, rlpc8_near
        .p2align 3
rlpc8_vals:
        .reloc  ., R_X86_64_PC8, rlpc8_near
        .byte   0                       # .data+0x0
        .reloc  ., R_X86_64_PC8, rlpc8_near-0x10
        .byte   0                       # .data+0x1
.ifdef FAR
        .reloc  ., R_X86_64_PC8, rlpc8_far
        .byte   0                       # .data+0x2
.endif
        .p2align 3
rlpc8_near:
        .quad   0
