/* mem: reservation placement, allocation and coalescing, W^X protection, failure
 * injection. */
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <sys/mman.h>

#include "check.h"
#include "mem/mem.h"

static void test_reserve_low(void)
{
    hj_region *r;
    hj_err err;
    CHECK(hj_region_create(&r, 64 << 20, &err) == HJ_OK);
    CHECK(hj_region_is_low(r));
    CHECK(hj_region_end(r) - hj_region_base(r) == 64 << 20);
    hj_region_destroy(r);
}

static void test_alloc_free_coalesce(void)
{
    hj_region *r;
    hj_err err;
    size_t page = hj_page_size();
    CHECK(hj_region_create(&r, 16 * page, &err) == HJ_OK);
    void *a, *b, *c, *d;
    CHECK(hj_region_alloc(r, 1, &a, &err) == HJ_OK);
    CHECK(hj_region_alloc(r, page + 1, &b, &err) == HJ_OK);
    CHECK(hj_region_alloc(r, page, &c, &err) == HJ_OK);
    CHECK((uintptr_t)b == (uintptr_t)a + page);
    CHECK((uintptr_t)c == (uintptr_t)b + 2 * page);
    CHECK(hj_region_used(r) == 4 * page);
    memset(b, 0xab, page + 1); /* writable */
    hj_region_free(r, b, page + 1);
    hj_region_free(r, a, 1);
    CHECK(hj_region_used(r) == page);
    /* the two freed neighbours coalesce into one three-page hole at the start */
    CHECK(hj_region_alloc(r, 3 * page, &d, &err) == HJ_OK);
    CHECK(d == a);
    CHECK(((unsigned char *)d)[page] == 0); /* freed memory comes back zeroed */
    /* the region is full after this */
    void *e;
    CHECK(hj_region_alloc(r, 12 * page, &e, &err) == HJ_OK);
    CHECK(hj_region_alloc(r, page, &e, &err) == HJ_ERR_NOMEM);
    CHECK_CONTAINS(err.msg, "region full");
    hj_region_destroy(r);
}

static void test_fail_injection(void)
{
    hj_region *r;
    hj_err err;
    void *p;
    CHECK(hj_region_create(&r, 1 << 20, &err) == HJ_OK);
    hj_region_fail_after(r, 2);
    CHECK(hj_region_alloc(r, 10, &p, &err) == HJ_OK);
    CHECK(hj_region_alloc(r, 10, &p, &err) == HJ_ERR_NOMEM);
    CHECK_CONTAINS(err.msg, "injected");
    CHECK(hj_region_alloc(r, 10, &p, &err) == HJ_OK);
    hj_region_destroy(r);
}

static sigjmp_buf fault_jump;
static void on_fault(int sig)
{
    (void)sig;
    siglongjmp(fault_jump, 1);
}

/* A range made read-only faults on write; a range made read-execute runs. */
static void test_protect(void)
{
    hj_region *r;
    hj_err err;
    void *p;
    CHECK(hj_region_create(&r, 1 << 20, &err) == HJ_OK);
    CHECK(hj_region_alloc(r, 16, &p, &err) == HJ_OK);
    unsigned char ret42[] = {0xb8, 42, 0, 0, 0, 0xc3}; /* mov $42, %eax; ret */
    memcpy(p, ret42, sizeof ret42);
    CHECK(hj_mem_protect(p, 16, HJ_PROT_RX, &err) == HJ_OK);
    int (*fn)(void);
    memcpy(&fn, &p, sizeof fn);
    CHECK(fn() == 42);
    struct sigaction sa = {.sa_handler = on_fault}, old;
    sigaction(SIGSEGV, &sa, &old);
    volatile int faulted = 0;
    if (sigsetjmp(fault_jump, 1) == 0)
        *(volatile unsigned char *)p = 0;
    else
        faulted = 1;
    sigaction(SIGSEGV, &old, NULL);
    CHECK(faulted);
    hj_region_destroy(r);
}

int main(void)
{
    test_reserve_low();
    test_alloc_free_coalesce();
    test_fail_injection();
    test_protect();
    return check_report("mem");
}
