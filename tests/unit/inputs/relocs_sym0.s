# Relocations against symbol 0 (no symbol), as the assembler writes them for an absolute
# target (S = 0, the address is the addend) and for R_X86_64_NONE. With FAR, a
# PC-relative one that cannot reach its absolute target.
        .data
        .globl  rlsym0_vals
        .p2align 3
rlsym0_vals:
        .reloc  ., R_X86_64_64, 0x123456789
        .quad   0
        .reloc  ., R_X86_64_NONE
        .quad   0x77
        .reloc  ., R_X86_64_32, 0x1234
        .long   0
.ifdef FAR
        .reloc  ., R_X86_64_PC32, 0x7f0000000000
        .long   0                       # .data+0x14: out of reach
.endif
