# A COMDAT group (as C++ inline functions produce), for group-section mutations.
        .section .text.eb_inline, "axG", @progbits, eb_inline, comdat
        .globl  eb_inline
        .type   eb_inline, @function
eb_inline:
        movl    $11, %eax
        ret
        .size   eb_inline, .-eb_inline

        .text
        .globl  eb_group_user
        .type   eb_group_user, @function
eb_group_user:                          # eb_group_user() == 11
        jmp     eb_inline
