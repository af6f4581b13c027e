# One out-of-range relocation per variant (selected with --defsym NAME=1), always
# patching .text+0x10, so that the error message can be checked exactly. Symbols:
# rlbig_target is defined by the test (in reach unless noted), rlbig_obj (8 bytes) and
# rlbig_tls (thread-local) by this module.
        .text
        .globl  rlbig_marker, rlbig_obj, rlbig_tls
        .type   errno, @tls_object
        .type   rlbig_marker, @function
rlbig_marker:
        ret
        .p2align 4
.ifdef PC32
        .reloc  ., R_X86_64_PC32, rlbig_obj+0x100000000
        .long   0
.endif
.ifdef PLT32
        .reloc  ., R_X86_64_PLT32, rlbig_obj+0x100000000
        .long   0
.endif
.ifdef ABS32
        .reloc  ., R_X86_64_32, rlbig_obj+0x100000000
        .long   0
.endif
.ifdef ABS32S
        .reloc  ., R_X86_64_32S, rlbig_obj+0x100000000
        .long   0
.endif
.ifdef PC16
        .reloc  ., R_X86_64_PC16, rlbig_obj+0x8000
        .word   0
.endif
.ifdef PC8
        .reloc  ., R_X86_64_PC8, rlbig_obj+0x80
        .byte   0
.endif
.ifdef GOTPCREL
        .reloc  ., R_X86_64_GOTPCREL, rlbig_target+0x100000000
        .long   0
.endif
.ifdef GOTPCRELX
        .reloc  ., R_X86_64_GOTPCRELX, rlbig_target+0x100000000
        .long   0
.endif
.ifdef REX_GOTPCRELX
        .reloc  ., R_X86_64_REX_GOTPCRELX, rlbig_target-0x100000000
        .long   0
.endif
.ifdef GOT32
        .reloc  ., R_X86_64_GOT32, rlbig_target+0x80000000
        .long   0
.endif
.ifdef GOTPC32
        .reloc  ., R_X86_64_GOTPC32, _GLOBAL_OFFSET_TABLE_+0x100000000
        .long   0
.endif
.ifdef SIZE32
        .reloc  ., R_X86_64_SIZE32, rlbig_obj+0xfffffff9
        .long   0
.endif
.ifdef TLSGD
        .reloc  ., R_X86_64_TLSGD, rlbig_tls+0x100000000
        .long   0
.endif
.ifdef TLSLD
        .reloc  ., R_X86_64_TLSLD, rlbig_tls+0x100000000
        .long   0
.endif
.ifdef DTPOFF32
        .reloc  ., R_X86_64_DTPOFF32, rlbig_tls+0x80000000
        .long   0
.endif
.ifdef GOTTPOFF
        .reloc  ., R_X86_64_GOTTPOFF, errno+0x100000000
        .long   0
.endif
.ifdef TPOFF32
        .reloc  ., R_X86_64_TPOFF32, errno+0x100000000
        .long   0
.endif

        .data
        .type   rlbig_obj, @object
        .size   rlbig_obj, 8
        .p2align 3
rlbig_obj:
        .quad   0
        .section .tbss, "awT", @nobits
        .type   rlbig_tls, @object
        .size   rlbig_tls, 4
rlbig_tls:
        .zero   4
