/* lazy_inline_c99, module main: holds sq's external definition. */
#include <stdio.h>
#include "sq.h"

extern int sq(int);
void *pb(void);
int callb(int);

void *pa(void) { return (void *)sq; }

int main(void)
{
    printf("same=%d sq=%d cb=%d\n", pa() == pb(), sq(3), callb(4));
    return 0;
}
