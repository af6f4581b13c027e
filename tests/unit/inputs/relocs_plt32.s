# R_X86_64_PLT32 (L + A - P): to a process function (through a call stub when far) and
# to a function of the module itself (direct).
        .text
        .globl  rlplt_call, rlplt_own_call, rlplt_own
        .type   rlplt_call, @function
rlplt_call:                             # int rlplt_call(int x) { return rlplt_host(x) + 1; }
        subq    $8, %rsp
        call    rlplt_host@PLT
        addq    $8, %rsp
        addl    $1, %eax
        ret
        .type   rlplt_own_call, @function
rlplt_own_call:
        subq    $8, %rsp
        call    rlplt_own
        addq    $8, %rsp
        addl    $100, %eax
        ret
        .type   rlplt_own, @function
rlplt_own:
        movl    $5, %eax
        ret
