# Large-model GOT access: R_X86_64_GOTPC64 (GOT + A - P), R_X86_64_GOT64 (G + A),
# R_X86_64_GOTPLT64 (G + A), R_X86_64_GOTPCREL64 (G + GOT + A - P),
# R_X86_64_GOTOFF64 (S + A - GOT), R_X86_64_PLTOFF64 (L + A - GOT).
# Each 64-bit PC-relative value is stored after its function and added to its own
# address, so P is the address of the quad.
        .text
        .globl  rlg64_gotbase, rlg64_gotbase32, rlg64_off, rlg64_gotplt, rlg64_load
        .globl  rlg64_entry, rlg64_gotoff_data, rlg64_gotoff_far, rlg64_pltoff_host
        .globl  rlg64_pltoff_own, rlg64_own, rlg64_data

        .type   rlg64_gotbase, @function
rlg64_gotbase:
        leaq    1f(%rip), %rax
        addq    1f(%rip), %rax
        ret
        .p2align 3
1:      .reloc  ., R_X86_64_GOTPC64, _GLOBAL_OFFSET_TABLE_
        .quad   0

        .type   rlg64_gotbase32, @function
rlg64_gotbase32:
        leaq    _GLOBAL_OFFSET_TABLE_(%rip), %rax
        ret

        .type   rlg64_off, @function
rlg64_off:
        movabsq $rlg64_target@GOT, %rax
        ret

        .type   rlg64_gotplt, @function
rlg64_gotplt:
        movabsq $rlg64_target@GOTPLT, %rax
        ret

        .type   rlg64_load, @function
rlg64_load:
        leaq    1f(%rip), %rax
        addq    1f(%rip), %rax
        movabsq $rlg64_target@GOT, %rcx
        movq    (%rax,%rcx), %rax
        ret
        .p2align 3
1:      .reloc  ., R_X86_64_GOTPC64, _GLOBAL_OFFSET_TABLE_
        .quad   0

        .type   rlg64_entry, @function
rlg64_entry:
        leaq    1f(%rip), %rax
        addq    1f(%rip), %rax
        ret
        .p2align 3
1:      .reloc  ., R_X86_64_GOTPCREL64, rlg64_target
        .quad   0

        .type   rlg64_gotoff_data, @function
rlg64_gotoff_data:
        leaq    _GLOBAL_OFFSET_TABLE_(%rip), %rax
        movabsq $rlg64_data@GOTOFF, %rcx
        addq    %rcx, %rax
        ret

        .type   rlg64_gotoff_far, @function
rlg64_gotoff_far:
        leaq    _GLOBAL_OFFSET_TABLE_(%rip), %rax
        movabsq $rlg64_target@GOTOFF+0x20, %rcx
        addq    %rcx, %rax
        ret

        .type   rlg64_pltoff_host, @function
rlg64_pltoff_host:                      # tail call: int rlg64_host(int)
        leaq    _GLOBAL_OFFSET_TABLE_(%rip), %rax
        movabsq $rlg64_host@PLTOFF, %rcx
        addq    %rcx, %rax
        jmp     *%rax

        .type   rlg64_pltoff_own, @function
rlg64_pltoff_own:
        leaq    _GLOBAL_OFFSET_TABLE_(%rip), %rax
        movabsq $rlg64_own@PLTOFF, %rcx
        addq    %rcx, %rax
        jmp     *%rax

        .type   rlg64_own, @function
rlg64_own:
        leal    1000(%rdi), %eax
        ret

        .data
        .p2align 3
rlg64_data:
        .quad   0
