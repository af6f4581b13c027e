/* stubs: stable addresses per name, redirection by a slot store, the trap for a stub
 * without target, rollback of a stub created by a failed transaction. */
#include <stdint.h>

#include "check.h"
#include "stubs/stubs.h"

static uint64_t trapped_index = UINT64_MAX;
static void *trapped_ctx;

static void trap(void *ctx, uint64_t index)
{
    trapped_ctx = ctx;
    trapped_index = index;
}

static int forty_two(void) { return 42; }
static int seven(void) { return 7; }

int main(void)
{
    hj_region *region;
    hj_err err;
    hj_stubs *stubs;
    int ctx;
    CHECK(hj_region_create(&region, 16 << 20, &err) == HJ_OK);
    CHECK(hj_stubs_create(&stubs, region, hj_host_arch(), trap, &ctx, &err) == HJ_OK);

    uint32_t a, b, again;
    CHECK(hj_stubs_get(stubs, "alpha", &a, &err) == HJ_OK);
    CHECK(hj_stubs_get(stubs, "beta", &b, &err) == HJ_OK);
    CHECK(hj_stubs_get(stubs, "alpha", &again, &err) == HJ_OK);
    CHECK(a == again && a != b);
    CHECK(hj_stubs_find(stubs, "beta") == b);
    CHECK(hj_stubs_find(stubs, "gamma") == UINT32_MAX);
    CHECK(!strcmp(hj_stubs_name(stubs, a), "alpha"));
    uintptr_t addr = hj_stubs_address(stubs, a);
    CHECK(addr >= hj_region_base(region) && addr < hj_region_end(region));

    int (*fn)(void);
    memcpy(&fn, &addr, sizeof fn);
    hj_stubs_set(stubs, a, (uintptr_t)forty_two);
    CHECK(fn() == 42);
    CHECK(hj_stubs_target(stubs, a) == (uintptr_t)forty_two);
    hj_stubs_set(stubs, a, (uintptr_t)seven); /* redirected: same address, new code */
    CHECK(fn() == 7);
    CHECK(hj_stubs_address(stubs, a) == addr);

    /* no target: the trap learns which stub was called (and returns to the caller) */
    hj_stubs_set(stubs, a, 0);
    CHECK(hj_stubs_target(stubs, a) == 0);
    fn();
    CHECK(trapped_index == a && trapped_ctx == &ctx);

    /* many stubs: more than one chunk, every one distinct and working */
    uint32_t last = 0;
    int bad = 0;
    for (int i = 0; i < 3000; i++) {
        char name[32];
        snprintf(name, sizeof name, "f%d", i);
        if (hj_stubs_get(stubs, name, &last, &err) != HJ_OK) {
            bad++;
            break;
        }
        hj_stubs_set(stubs, last, (uintptr_t)forty_two);
        uintptr_t p = hj_stubs_address(stubs, last);
        memcpy(&fn, &p, sizeof fn);
        bad += fn() != 42;
    }
    CHECK(bad == 0);

    /* rollback: the name is forgotten and its index is handed out again */
    hj_stubs_unget(stubs, last);
    CHECK(hj_stubs_find(stubs, "f2999") == UINT32_MAX);
    uint32_t reused;
    CHECK(hj_stubs_get(stubs, "delta", &reused, &err) == HJ_OK);
    CHECK(reused == last);

    hj_stubs_destroy(stubs);
    hj_region_destroy(region);
    return check_report("stubs");
}
