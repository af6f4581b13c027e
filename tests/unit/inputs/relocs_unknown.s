# Relocation types the backend must refuse. R_X86_64_64 at .data+0x8 is rewritten by the
# test into arbitrary type numbers. With TLSDESC/RELATIVE the assembler writes the type.
        .data
        .globl  rlunk_marker
        .p2align 3
rlunk_marker:
        .quad   0
.ifdef TLSDESC
        .reloc  ., R_X86_64_GOTPC32_TLSDESC, rlunk_sym
        .long   0
.else
.ifdef RELATIVE
        .reloc  ., R_X86_64_RELATIVE, rlunk_sym
        .quad   0
.else
        .quad   rlunk_sym
.endif
.endif
