/* lazy_module_asm: module-level assembly that calls and jumps to C functions of its own
 * module. In a lazy module that assembly lives in the globals object next to each
 * function's placeholder (a label over ud2 until the function is compiled): its calls
 * must take the entry stub, never the placeholder. */
#include <stdio.h>

int api_called(void) { return 7; }
int api_jumped(int x) { return x * 3; }
static int helper_counter;
__attribute__((used)) static int bump(void) { return ++helper_counter; }

__asm__(".text\n"
        ".globl via_call\n.type via_call,@function\nvia_call:\n\tcall api_called\n\tret\n"
        ".globl via_jump\n.type via_jump,@function\nvia_jump:\n\tjmp api_jumped\n"
        ".globl via_static\n.type via_static,@function\nvia_static:\n\tcall bump\n\tret\n");
int via_call(void);
int via_jump(int x);
int via_static(void);

int main(void)
{
    int a = via_call(), b = via_jump(5), c = via_static(), d = via_static();
    printf("%d %d %d %d %d\n", a, b, c, d, via_call() + api_called());
    return 0;
}
