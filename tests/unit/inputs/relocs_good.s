# A module that always links: loaded after every failed add to show the engine still works.
        .text
        .globl  rlgood_fn
        .type   rlgood_fn, @function
rlgood_fn:
        movl    $7, %eax
        ret
        .size   rlgood_fn, .-rlgood_fn

        .data
        .globl  rlgood_data
        .type   rlgood_data, @object
        .p2align 3
rlgood_data:
        .quad   0x600d
        .size   rlgood_data, 8
