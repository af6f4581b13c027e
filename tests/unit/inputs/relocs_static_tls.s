# Static TLS models against a variable in the process's static TLS block (libc's errno):
# R_X86_64_GOTTPOFF (initial exec), R_X86_64_TPOFF32 and R_X86_64_TPOFF64 (local exec
# form). Each function returns errno's address in the calling thread.
        .text
        .globl  rlst_gottpoff, rlst_tpoff32
        .type   rlst_gottpoff, @function
rlst_gottpoff:
        movq    errno@gottpoff(%rip), %rax
        movq    %fs:0, %rcx
        addq    %rcx, %rax
        ret
        .type   rlst_tpoff32, @function
rlst_tpoff32:
        movq    %fs:0, %rax
        leaq    errno@tpoff(%rax), %rax
        ret

        .data
        .globl  rlst_tpoff64
        .p2align 3
rlst_tpoff64:
        .quad   errno@tpoff
        .quad   errno@tpoff+8
