# R_X86_64_32S (S + A, sign-extended 32 bits), in data and as a movq immediate.
        .data
        .globl  rl32s_vals
        .p2align 3
rl32s_vals:
        .reloc  ., R_X86_64_32S, rl32s_target
        .long   0                       # .data+0x0
        .reloc  ., R_X86_64_32S, rl32s_target+0x10
        .long   0                       # .data+0x4
        .text
        .globl  rl32s_get
        .type   rl32s_get, @function
rl32s_get:
        movq    $rl32s_target, %rax
        ret
