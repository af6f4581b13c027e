# R_X86_64_SIZE32 of a symbol whose size does not fit 32 bits.
        .data
        .globl  rlszb_obj
        .type   rlszb_obj, @object
        .size   rlszb_obj, 0x100000000
rlszb_obj:
        .quad   0
        .text
        .globl  rlszb_get
        .type   rlszb_get, @function
rlszb_get:                              # the immediate is at .text+0x1
        movl    $rlszb_obj@SIZE, %eax
        ret
