/* lazy_label_tables, module main. */
#include <stdio.h>

int f1(void);
int f2(void);
void **tb1(void);
void **tb2(void);
int g(int i);
void *get_h(void);
void *g_table_h(void);

int main(void)
{
    int a = f1(), b = f2(), c = f1(), d = f2();
    printf("state shared: %d %d %d %d\n", a, b, c, d);
    printf("one table: %d\n", tb1() == tb2());
    printf("g(3) = %d, address in the table: %s\n", g(3), g_table_h() == get_h() ? "same" : "DIFFERENT");
    return 0;
}
