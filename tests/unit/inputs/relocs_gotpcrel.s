# R_X86_64_GOTPCREL (G + GOT + A - P); assembled with -mrelax-relocations=no so that
# the loads carry the plain type.
        .text
        .globl  rlgp_load, rlgp_load_fn, rlgp_load_data, rlgp_load_host, rlgp_entry
        .globl  rlgp_entry2, rlgp_fn, rlgp_data
        .type   rlgp_load, @function
rlgp_load:
        movq    rlgp_target@GOTPCREL(%rip), %rax
        ret
        .type   rlgp_load_fn, @function
rlgp_load_fn:
        movq    rlgp_fn@GOTPCREL(%rip), %rax
        ret
        .type   rlgp_load_data, @function
rlgp_load_data:
        movq    rlgp_data@GOTPCREL(%rip), %rax
        ret
        .type   rlgp_load_host, @function
rlgp_load_host:
        movq    rlgp_host@GOTPCREL(%rip), %rax
        ret
        .type   rlgp_entry, @function
rlgp_entry:                             # the address of the GOT entry itself
        leaq    rlgp_target@GOTPCREL(%rip), %rax
        ret
        .type   rlgp_entry2, @function
rlgp_entry2:                            # a second reference shares the entry
        leaq    rlgp_target@GOTPCREL(%rip), %rax
        ret
        .type   rlgp_fn, @function
rlgp_fn:
        movl    $9, %eax
        ret

        .data
        .p2align 3
rlgp_data:
        .quad   0
        .globl  rlgp_entry_data
rlgp_entry_data:                        # GOTPCREL in data: entry - P
        .long   rlgp_target@GOTPCREL
