/* The trap every entry stub without a target enters: lazy compilation's resolver and
 * the undefined-function trap. It must look to the function finally reached as if its
 * caller had called it directly, so everything a call can pass in registers is saved
 * and restored around the engine's handler: the integer argument registers, %rax (the
 * number of vector registers a varargs call uses), %r10 (static chain) and the whole
 * vector state (xmm/ymm/zmm and mask registers) with XSAVE where the processor has it,
 * else FXSAVE.
 *
 * Entered by a jump from the engine's trap page with
 *     (%rsp) = record {handler, ctx}   8(%rsp) = stub index   16(%rsp) = return address
 * calls   target = handler(ctx, index)   and jumps to target with the stack and every
 * argument register as the original caller left them. Debuggers and profilers walk
 * through it: the CFI describes each step, and a copy of the return address above the
 * saved %rbp keeps the frame-pointer chain whole. */
    .text
    .globl hj_x86_64_resolver
    .hidden hj_x86_64_resolver
    .type hj_x86_64_resolver, @function
hj_x86_64_resolver:
    .cfi_startproc
    .cfi_def_cfa_offset 24
    pushq 16(%rsp)             /* the return address again, for frame-pointer walkers */
    .cfi_def_cfa_offset 32
    push %rbp
    .cfi_def_cfa_offset 40
    .cfi_offset %rbp, -40
    mov %rsp, %rbp
    .cfi_def_cfa_register %rbp
    push %rax
    push %rdi
    push %rsi
    push %rdx
    push %rcx
    push %r8
    push %r9
    push %r10
    mov hj_x86_64_state_size(%rip), %eax
    sub %rax, %rsp
    and $-64, %rsp
    cmpb $0, hj_x86_64_has_xsave(%rip)
    je 1f
    xor %eax, %eax             /* XSAVE needs the header's reserved words zero */
    mov %rax, 512(%rsp)
    mov %rax, 520(%rsp)
    mov %rax, 528(%rsp)
    mov %rax, 536(%rsp)
    mov %rax, 544(%rsp)
    mov %rax, 552(%rsp)
    mov %rax, 560(%rsp)
    mov %rax, 568(%rsp)
    mov $0xe7, %eax            /* x87, SSE, AVX, AVX-512 opmask and upper halves */
    xor %edx, %edx
    xsave (%rsp)
    jmp 2f
1:  fxsave (%rsp)
2:  mov 16(%rbp), %rax        /* the record */
    mov 8(%rax), %rdi
    mov 24(%rbp), %rsi         /* the stub index */
    call *(%rax)
    mov %rax, %r11
    cmpb $0, hj_x86_64_has_xsave(%rip)
    je 3f
    mov $0xe7, %eax
    xor %edx, %edx
    xrstor (%rsp)
    jmp 4f
3:  fxrstor (%rsp)
4:  lea -64(%rbp), %rsp
    pop %r10
    pop %r9
    pop %r8
    pop %rcx
    pop %rdx
    pop %rsi
    pop %rdi
    pop %rax
    pop %rbp
    .cfi_def_cfa %rsp, 32
    add $24, %rsp              /* the copy, the record and the index */
    .cfi_def_cfa_offset 8
    jmp *%r11
    .cfi_endproc
    .size hj_x86_64_resolver, . - hj_x86_64_resolver

    .section .note.GNU-stack, "", @progbits
