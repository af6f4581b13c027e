# R_X86_64_32 against the module's own data: fits when the code region is below 4 GiB.
        .data
        .globl  rl32o_vals, rl32o_obj
        .p2align 3
rl32o_vals:
        .long   rl32o_obj
        .long   0
rl32o_obj:
        .quad   0
