/* lazy_asm_names, module main. */
#include <stdio.h>

int via_asm(int x);

int main(void)
{
    printf("%d\n", via_asm(5));
    return 0;
}
