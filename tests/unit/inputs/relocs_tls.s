# Dynamic TLS models against the module's own variables: R_X86_64_TLSGD,
# R_X86_64_TLSLD + R_X86_64_DTPOFF32, R_X86_64_DTPOFF64; and TLSGD against a variable of
# the process (libc's errno). Each function returns the variable's address in the
# calling thread.
        .section .tdata, "awT", @progbits
        .globl  rltls_a, rltls_b
        .type   rltls_a, @object
        .p2align 3
rltls_a:
        .quad   0x1234
        .size   rltls_a, 8
        .section .tbss, "awT", @nobits
        .type   rltls_b, @object
        .p2align 3
rltls_b:
        .zero   8
        .size   rltls_b, 8

        .text
        .globl  rltls_gd_a, rltls_gd_b, rltls_gd_errno, rltls_ld_a, rltls_ld_b
        .type   rltls_gd_a, @function
rltls_gd_a:
        subq    $8, %rsp
        .byte   0x66
        leaq    rltls_a@tlsgd(%rip), %rdi
        .value  0x6666
        rex64
        call    __tls_get_addr@PLT
        addq    $8, %rsp
        ret
        .type   rltls_gd_b, @function
rltls_gd_b:
        subq    $8, %rsp
        .byte   0x66
        leaq    rltls_b@tlsgd(%rip), %rdi
        .value  0x6666
        rex64
        call    __tls_get_addr@PLT
        addq    $8, %rsp
        ret
        .type   rltls_gd_errno, @function
rltls_gd_errno:
        subq    $8, %rsp
        .byte   0x66
        leaq    errno@tlsgd(%rip), %rdi
        .value  0x6666
        rex64
        call    __tls_get_addr@PLT
        addq    $8, %rsp
        ret
        .type   rltls_ld_a, @function
rltls_ld_a:
        subq    $8, %rsp
        leaq    rltls_a@tlsld(%rip), %rdi
        call    __tls_get_addr@PLT
        leaq    rltls_a@dtpoff(%rax), %rax
        addq    $8, %rsp
        ret
        .type   rltls_ld_b, @function
rltls_ld_b:
        subq    $8, %rsp
        leaq    rltls_b@tlsld(%rip), %rdi
        call    __tls_get_addr@PLT
        leaq    rltls_b@dtpoff+4(%rax), %rax
        addq    $8, %rsp
        ret

        .data
        .globl  rltls_dtpoff
        .p2align 3
rltls_dtpoff:
        .quad   rltls_a@dtpoff
        .quad   rltls_b@dtpoff
