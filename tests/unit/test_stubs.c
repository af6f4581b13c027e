/* stubs: stable addresses per name, redirection by a slot store, the trap for a stub
 * without target, rollback of a stub created by a failed transaction. */
#include <stdint.h>

#include "check.h"
#include "stubs/stubs.h"

static uint64_t trapped_index = UINT64_MAX;
static void *trapped_ctx;

static int forty_two(void) { return 42; }

/* Every integer and vector argument register, and stack arguments past them. */
static double mix(long a, long b, long c, long d, long e, long f, double x0, double x1,
                  double x2, double x3, double x4, double x5, double x6, double x7, long g,
                  double x8)
{
    return (double)(a + 2 * b + 3 * c + 4 * d + 5 * e + 6 * f + 7 * g) + x0 + 2 * x1 + 3 * x2 +
           4 * x3 + 5 * x4 + 6 * x5 + 7 * x6 + 8 * x7 + 9 * x8;
}

/* The handler runs C code that clobbers registers; the call must still reach its
 * target with the caller's arguments. */
static uintptr_t trap(void *ctx, uint64_t index)
{
    volatile double clobber = 0;
    for (int i = 0; i < 100; i++)
        clobber += i * 0.5;
    char text[64];
    snprintf(text, sizeof text, "%f %lu", clobber, (unsigned long)index);
    trapped_ctx = ctx;
    trapped_index = index;
    return index == 0 ? (uintptr_t)forty_two : (uintptr_t)mix;
}
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

    /* no target: the trap learns which stub was called and where to continue */
    hj_stubs_set(stubs, a, 0);
    CHECK(hj_stubs_target(stubs, a) == 0);
    CHECK(fn() == 42);
    CHECK(trapped_index == a && trapped_ctx == &ctx);
    addr = hj_stubs_address(stubs, b);
    double (*mixed)(long, long, long, long, long, long, double, double, double, double, double,
                    double, double, double, long, double);
    memcpy(&mixed, &addr, sizeof mixed);
    double want = mix(1, 2, 3, 4, 5, 6, 0.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8, 9.25);
    CHECK(mixed(1, 2, 3, 4, 5, 6, 0.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8, 9.25) == want);
    CHECK(trapped_index == b);

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
