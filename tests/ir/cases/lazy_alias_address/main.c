/* lazy_alias_address: an alias of a function has the function's address, wherever it is
 * compared: in data, in a lazily compiled part that declares both names, and in another
 * module. In a part, the alias used to be a function of its own, and the optimiser folded
 * `alias == real` to false. */
#include <stdio.h>

int real(void) { return 7; }
int alias_of_real(void) __attribute__((alias("real")));
void *volatile in_data_alias = (void *)alias_of_real, *volatile in_data_real = (void *)real;
int lib_same(void *a);

int main(void)
{
    printf("%d %d %d %d %d\n", in_data_alias == in_data_real,
           (void *)alias_of_real == (void *)real, alias_of_real() + real(),
           lib_same((void *)alias_of_real), in_data_alias == (void *)real);
    return 0;
}
