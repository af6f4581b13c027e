/* lazy_unsplittable, module main. */
#include <stdio.h>

int run(int i);

int main(void)
{
    printf("%d %d %d\n", run(0), run(1), run(2));
    return 0;
}
