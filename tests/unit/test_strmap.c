#include <stdint.h>

#include "check.h"
#include "common/strmap.h"

int main(void)
{
    hj_strmap m = {0};
    char keys[2000][16];
    for (int i = 0; i < 2000; i++) {
        snprintf(keys[i], sizeof keys[i], "sym%d", i);
        CHECK(hj_strmap_put(&m, keys[i], (void *)(uintptr_t)(i + 1)));
    }
    CHECK(m.count == 2000);
    for (int i = 0; i < 2000; i += 2)
        CHECK(hj_strmap_remove(&m, keys[i]) == (void *)(uintptr_t)(i + 1));
    int bad = 0;
    for (int i = 0; i < 2000; i++) {
        void *v = hj_strmap_get(&m, keys[i]);
        bad += (i % 2) ? v != (void *)(uintptr_t)(i + 1) : v != NULL;
    }
    CHECK(bad == 0);
    char other[16] = "sym1";
    CHECK(hj_strmap_put(&m, other, (void *)7)); /* replacing keeps the stored key */
    CHECK(hj_strmap_get(&m, "sym1") == (void *)7);
    CHECK(m.count == 1000);
    for (int round = 0; round < 10; round++) /* tombstones are recycled */
        for (int i = 0; i < 2000; i += 2) {
            CHECK(hj_strmap_put(&m, keys[i], (void *)1));
            hj_strmap_remove(&m, keys[i]);
        }
    CHECK(m.capacity <= 4096);
    hj_strmap_free(&m);
    return check_report("strmap");
}
