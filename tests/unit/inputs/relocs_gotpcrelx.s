# R_X86_64_GOTPCRELX and R_X86_64_REX_GOTPCRELX (relaxable forms, linked as GOTPCREL).
        .text
        .globl  rlgx_load, rlgx_jmp, rlgx_load32, rlgx_call
        .type   rlgx_load, @function
rlgx_load:                              # REX_GOTPCRELX
        movq    rlgx_target@GOTPCREL(%rip), %rax
        ret
        .type   rlgx_jmp, @function
rlgx_jmp:                               # GOTPCRELX: tail call through the GOT
        jmp     *rlgx_host@GOTPCREL(%rip)
        .type   rlgx_call, @function
rlgx_call:                              # GOTPCRELX: call through the GOT
        subq    $8, %rsp
        call    *rlgx_host@GOTPCREL(%rip)
        addq    $8, %rsp
        addl    $2, %eax
        ret
        .type   rlgx_load32, @function
rlgx_load32:                            # GOTPCRELX without REX: low 32 bits of the entry
        movl    rlgx_target@GOTPCREL(%rip), %eax
        ret
