# Static TLS models against the module's own thread-local variable: no fixed offset
# from the thread pointer exists for it. One variant per relocation type; each patch
# is at .text+0x10.
        .section .tbss, "awT", @nobits
        .globl  rlsto_v
        .type   rlsto_v, @object
        .p2align 2
rlsto_v:
        .zero   4
        .size   rlsto_v, 4

        .text
        .globl  rlsto_marker
        .type   rlsto_marker, @function
rlsto_marker:
        ret
        .p2align 4
.ifdef TPOFF32
        .reloc  ., R_X86_64_TPOFF32, rlsto_v
        .long   0
.endif
.ifdef GOTTPOFF
        .reloc  ., R_X86_64_GOTTPOFF, rlsto_v-4
        .long   0
.endif
.ifdef TPOFF64
        .reloc  ., R_X86_64_TPOFF64, rlsto_v
        .quad   0
.endif
