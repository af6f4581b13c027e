# A constructor table the assembler accepts but no loader can use: .ctors flagged
# thread-local, without bytes in the file (test_elf_bad.c).
        .text
        .globl  ebt_fn
        .type   ebt_fn, @function
ebt_fn:
        movl    $5, %eax
        ret
        .section .ctors, "awT", @nobits
        .p2align 3
        .zero   0x40000
