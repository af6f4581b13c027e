# Static TLS models against the module's own variables, for an engine with a static TLS
# pool: R_X86_64_TPOFF32 (local exec), R_X86_64_GOTTPOFF (initial exec),
# R_X86_64_TPOFF64; and TLSGD for comparison. Each function returns the variable's
# address in the calling thread. With BIG, the module's block does not fit the pool.
        .section .tdata, "awT", @progbits
        .globl  rlsp_v, rlsp_w
        .type   rlsp_v, @object
        .type   rlsp_w, @object
        .p2align 3
rlsp_v:
        .quad   0x5151
        .size   rlsp_v, 8
rlsp_w:
        .quad   0x6262
        .size   rlsp_w, 8
.ifdef BIG
        .section .tbss, "awT", @nobits
        .zero   0x100000
.endif

        .text
        .globl  rlsp_le, rlsp_ie, rlsp_gd
        .type   rlsp_le, @function
rlsp_le:
        movq    %fs:0, %rax
        leaq    rlsp_v@tpoff(%rax), %rax
        ret
        .type   rlsp_ie, @function
rlsp_ie:
        movq    rlsp_w@gottpoff(%rip), %rax
        movq    %fs:0, %rcx
        addq    %rcx, %rax
        ret
        .type   rlsp_gd, @function
rlsp_gd:
        subq    $8, %rsp
        .byte   0x66
        leaq    rlsp_v@tlsgd(%rip), %rdi
        .value  0x6666
        rex64
        call    __tls_get_addr@PLT
        addq    $8, %rsp
        ret

        .data
        .globl  rlsp_tpoff64
        .p2align 3
rlsp_tpoff64:
        .quad   rlsp_v@tpoff
        .quad   rlsp_w@tpoff+4
