#include <stdio.h>
#include "bridge.h"

struct config g_config = { "from-c", 3, 0.5 };

int c_visit(int n, visit_fn cb)
{
    int sum = 0;
    for (int i = 0; i < n; i++) {
        sum += cb(i);
        printf("  c_visit: i=%d sum=%d\n", i, sum);
    }
    return sum;
}

int c_nested_visit(int n, visit_fn cb)
{
    volatile int pad[16] = { 0 };
    int r = c_visit(n, cb);
    return r + pad[n % 16];
}

int c_square(int x) { return x * x; }

int main(void)
{
    printf("C main: %s\n", cxx_describe(g_config.limit));
    int r = cxx_run();
    printf("C main: cxx_run returned %d, config now %s/%d/%.2f\n", r, g_config.name, g_config.limit,
           g_config.ratio);
    return r == 0 ? 0 : 9;
}
