/* One test per x86-64 relocation kind, in the style of LLVM JITLink's lit tests: a tiny
 * assembly input (tests/unit/inputs/relocs_*.s) is loaded through the public API, and
 * the value the linker wrote is checked, either by reading the patched data back or by
 * calling a function that returns the computed address. Every kind whose field is
 * limited is also checked out of range: hj_add_object must fail with HJ_ERR_RELOC and
 * a message naming the module, the relocation type, the symbol, the section and the
 * offset, and leave the engine as it was (the module's symbols stay undefined, the
 * statistics do not move, a later good add works). */
#include <elf.h>
#include <errno.h>
#include <inttypes.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

#include "hotjit.h"
#include "check.h"

#ifndef R_X86_64_GOTPCRELX
#define R_X86_64_GOTPCRELX 41
#define R_X86_64_REX_GOTPCRELX 42
#endif

/* Far from any code region the engine can reserve: beyond every 32-bit field. */
#define FAR_ADDR ((uintptr_t)0x7f0000000000)

/* ------------------------------------------------------------------------------------
 * Helpers: objects, engines, calls
 * ------------------------------------------------------------------------------------ */

typedef struct obj {
    char name[96];
    void *data;
    size_t size;
} obj;

static obj obj_read(const char *name)
{
    obj o = {0};
    char path[512];
    snprintf(o.name, sizeof o.name, "%s.o", name);
    snprintf(path, sizeof path, "%s/%s.o", HJ_INPUTS, name);
    o.data = check_read_file(path, &o.size);
    CHECK_MSG(o.data != NULL, "cannot read %s", path);
    return o;
}

static void obj_free(obj *o)
{
    free(o->data);
    o->data = NULL;
}

/* True when the object carries a relocation of `type` (the input really tests it). */
static bool obj_has_reloc(const obj *o, uint32_t type)
{
    if (!o->data || o->size < sizeof(Elf64_Ehdr))
        return false;
    const Elf64_Ehdr *eh = o->data;
    const uint8_t *base = o->data;
    for (size_t i = 0; i < eh->e_shnum; i++) {
        const Elf64_Shdr *sh = (const Elf64_Shdr *)(base + eh->e_shoff) + i;
        if (sh->sh_type != SHT_RELA)
            continue;
        const Elf64_Rela *r = (const Elf64_Rela *)(base + sh->sh_offset);
        for (size_t k = 0; k < sh->sh_size / sizeof *r; k++)
            if (ELF64_R_TYPE(r[k].r_info) == type)
                return true;
    }
    return false;
}

#define CHECK_HAS_RELOC(o, type) \
    CHECK_MSG(obj_has_reloc(&(o), type), "%s carries no %s", (o).name, #type)

static hj_engine *engine_new(void)
{
    hj_engine *e = NULL;
    hj_status st = hj_engine_create(&e, NULL);
    CHECK_MSG(st == HJ_OK && e, "hj_engine_create: %s", hj_status_str(st));
    return e;
}

static void define(hj_engine *e, const char *name, uintptr_t addr)
{
    hj_status st = hj_define_symbol(e, name, (void *)addr);
    CHECK_MSG(st == HJ_OK, "hj_define_symbol(%s): %s", name, hj_errmsg(e));
}

static bool add_ok(hj_engine *e, const obj *o, hj_module **m)
{
    hj_status st = hj_add_object(e, o->name, o->data, o->size, m);
    CHECK_MSG(st == HJ_OK, "adding %s: %s (%s)", o->name, hj_status_str(st), hj_errmsg(e));
    return st == HJ_OK;
}

static uintptr_t lookup(hj_engine *e, const char *name)
{
    void *p = NULL;
    hj_status st = hj_lookup(e, name, &p);
    CHECK_MSG(st == HJ_OK && p, "hj_lookup(%s): %s", name, hj_errmsg(e));
    return st == HJ_OK ? (uintptr_t)p : 0;
}

static bool is_defined(hj_engine *e, const char *name)
{
    void *p = NULL;
    return hj_lookup(e, name, &p) == HJ_OK;
}

/* Calls `uintptr_t name(void)` (or int name(int)) of a loaded module. */
static uintptr_t call_get(hj_engine *e, const char *name)
{
    uintptr_t p = lookup(e, name);
    if (!p)
        return 0;
    uintptr_t (*fn)(void);
    memcpy(&fn, &p, sizeof fn);
    return fn();
}

static int call_int_at(uintptr_t p, int arg)
{
    if (!p)
        return -1;
    int (*fn)(int);
    memcpy(&fn, &p, sizeof fn);
    return fn(arg);
}

static int call_int(hj_engine *e, const char *name, int arg)
{
    return call_int_at(lookup(e, name), arg);
}

/* A host function, far from the code region in a position-independent test binary. */
static int host_answer(int x)
{
    return 3 * x + 1;
}

static uintptr_t host_answer_addr(void)
{
    int (*fn)(int) = host_answer;
    uintptr_t p;
    memcpy(&p, &fn, sizeof p);
    return p;
}

static uintptr_t thread_pointer(void)
{
    uintptr_t tp;
    __asm__("movq %%fs:0, %0" : "=r"(tp));
    return tp;
}

static bool distance_over_2g(uintptr_t a, uintptr_t b)
{
    uintptr_t d = a > b ? a - b : b - a;
    return d >= ((uintptr_t)1 << 31) - 0x10000;
}

/* The engine still links and runs a good module after a failure. */
static void engine_still_works(hj_engine *e)
{
    obj good = obj_read("relocs_good");
    hj_module *m = NULL;
    if (add_ok(e, &good, &m)) {
        CHECK(call_int(e, "rlgood_fn", 0) == 7);
        CHECK(*(const uint64_t *)lookup(e, "rlgood_data") == 0x600d);
        CHECK(hj_remove(e, m) == HJ_OK);
        CHECK(!is_defined(e, "rlgood_fn"));
    }
    obj_free(&good);
}

/* An address inside the engine's code region (where its modules are loaded). */
static uintptr_t region_addr(hj_engine *e)
{
    obj good = obj_read("relocs_good");
    hj_module *m = NULL;
    uintptr_t addr = 0;
    if (add_ok(e, &good, &m)) {
        addr = lookup(e, "rlgood_data");
        hj_remove(e, m);
    }
    obj_free(&good);
    return addr;
}

/* Adding `o` must fail with HJ_ERR_RELOC and a message naming the module, `type`,
 * `sym` (unless NULL) and `where` ("section .data offset 0x4"), then leave the engine
 * unchanged: `marker`, a symbol the module defines, stays undefined, nothing is
 * counted, and a good module still loads. `extra` is one more required word of the
 * message, or NULL. */
static void expect_reloc_error(hj_engine *e, const obj *o, const char *type, const char *sym,
                               const char *where, const char *marker, const char *extra)
{
    hj_link_stats before, after;
    hj_get_stats(e, &before);
    hj_module *m = (hj_module *)0x1;
    hj_status st = hj_add_object(e, o->name, o->data, o->size, &m);
    const char *msg = hj_errmsg(e);
    CHECK_MSG(st == HJ_ERR_RELOC, "adding %s: expected HJ_ERR_RELOC, got %s (%s)", o->name,
              hj_status_str(st), msg);
    char needle[160];
    CHECK_CONTAINS(msg, o->name);
    snprintf(needle, sizeof needle, "%s against ", type);
    CHECK_CONTAINS(msg, needle);
    if (sym) {
        snprintf(needle, sizeof needle, "'%s'", sym);
        CHECK_CONTAINS(msg, needle);
    }
    CHECK_CONTAINS(msg, where);
    if (extra)
        CHECK_CONTAINS(msg, extra);
    CHECK_MSG(m == (hj_module *)0x1, "%s: *out was written by a failed add", o->name);
    CHECK_MSG(!is_defined(e, marker), "%s: '%s' is defined after the failed add", o->name, marker);
    hj_get_stats(e, &after);
    CHECK(after.modules == before.modules);
    CHECK(after.relocations == before.relocations);
    CHECK(after.code_bytes == before.code_bytes);
    CHECK(after.got_entries == before.got_entries);
    CHECK(after.call_stubs == before.call_stubs);
    engine_still_works(e);
}

/* ------------------------------------------------------------------------------------
 * Absolute: R_X86_64_64, 32, 32S, 16, 8 (and NONE)
 * ------------------------------------------------------------------------------------ */

static void test_abs64(void)
{
    obj o = obj_read("relocs_abs64");
    CHECK_HAS_RELOC(o, R_X86_64_64);
    CHECK_HAS_RELOC(o, R_X86_64_NONE);
    hj_engine *e = engine_new();
    uintptr_t t = FAR_ADDR + 0x1000;
    define(e, "rl64_target", t);
    if (add_ok(e, &o, NULL)) {
        const uint64_t *v = (const uint64_t *)lookup(e, "rl64_vals");
        uintptr_t fn = lookup(e, "rl64_fn");
        CHECK(v[0] == t);
        CHECK(v[1] == t + 4);
        CHECK(v[2] == t - 8);
        CHECK_MSG(v[3] == fn, "address of own function 0x%" PRIx64 ", canonical 0x%" PRIxPTR, v[3], fn);
        CHECK(call_int_at((uintptr_t)v[3], 0) == 64);
        CHECK(v[4] == (uintptr_t)&v[5] + 8);
        CHECK(v[5] == 0x1122);
        CHECK(v[6] == 0x5555); /* R_X86_64_NONE writes nothing */
    }
    hj_engine_destroy(e);
    obj_free(&o);
}

static void test_abs32(void)
{
    obj o = obj_read("relocs_abs32");
    CHECK_HAS_RELOC(o, R_X86_64_32);
    static const uint32_t fits[] = {0x12345678, 0xffffffe0, 0x1000};
    for (size_t i = 0; i < sizeof fits / sizeof fits[0]; i++) {
        hj_engine *e = engine_new();
        define(e, "rl32_target", fits[i]);
        if (add_ok(e, &o, NULL)) {
            const uint32_t *v = (const uint32_t *)lookup(e, "rl32_vals");
            CHECK_MSG(v[0] == fits[i], "0x%x != 0x%x", v[0], fits[i]);
            CHECK(v[1] == fits[i] + 0x10);
        }
        hj_engine_destroy(e);
    }
    /* 0xfffffff0 fits, 0xfffffff0 + 0x10 does not: the second entry fails. */
    hj_engine *e = engine_new();
    define(e, "rl32_target", 0xfffffff0);
    expect_reloc_error(e, &o, "R_X86_64_32", "rl32_target", "section .data offset 0x4",
                       "rl32_vals", "out of range");
    define(e, "rl32_target", FAR_ADDR);
    expect_reloc_error(e, &o, "R_X86_64_32", "rl32_target", "section .data offset 0x0",
                       "rl32_vals", "out of range");
    /* Once the target fits, the same engine takes the same object. */
    define(e, "rl32_target", 0x4000);
    if (add_ok(e, &o, NULL))
        CHECK(*(const uint32_t *)lookup(e, "rl32_vals") == 0x4000);
    hj_engine_destroy(e);
    obj_free(&o);
}

/* Against the module's own data: fits when the region is below 4 GiB (it is placed
 * below 2 GiB when possible), an error naming the type otherwise. */
static void test_abs32_own(void)
{
    obj o = obj_read("relocs_abs32_own");
    CHECK_HAS_RELOC(o, R_X86_64_32);
    hj_engine *e = engine_new();
    uintptr_t region = region_addr(e);
    if (region < ((uintptr_t)1 << 32) - (1u << 30)) {
        if (add_ok(e, &o, NULL)) {
            const uint32_t *v = (const uint32_t *)lookup(e, "rl32o_vals");
            CHECK(v[0] == lookup(e, "rl32o_obj"));
        }
    } else {
        printf("note: code region at 0x%" PRIxPTR " is above 4 GiB\n", region);
        expect_reloc_error(e, &o, "R_X86_64_32", "rl32o_obj", "section .data offset 0x0",
                           "rl32o_vals", NULL);
    }
    hj_engine_destroy(e);
    obj_free(&o);
}

static void test_abs32s(void)
{
    obj o = obj_read("relocs_abs32s");
    CHECK_HAS_RELOC(o, R_X86_64_32S);
    static const uint64_t fits[] = {0x12345678, 0xffffffff80000000, 0x7fffffe0,
                                    0xfffffffffffffff0};
    for (size_t i = 0; i < sizeof fits / sizeof fits[0]; i++) {
        hj_engine *e = engine_new();
        define(e, "rl32s_target", fits[i]);
        if (add_ok(e, &o, NULL)) {
            const int32_t *v = (const int32_t *)lookup(e, "rl32s_vals");
            CHECK_MSG((uint64_t)(int64_t)v[0] == fits[i], "0x%x for 0x%" PRIx64, v[0], fits[i]);
            CHECK((uint64_t)(int64_t)v[1] == fits[i] + 0x10);
            CHECK(call_get(e, "rl32s_get") == fits[i]); /* movq $imm32: sign-extended */
        }
        hj_engine_destroy(e);
    }
    hj_engine *e = engine_new();
    define(e, "rl32s_target", 0x7ffffff0); /* + 0x10 = 0x80000000: fits 32, not 32S */
    expect_reloc_error(e, &o, "R_X86_64_32S", "rl32s_target", "section .data offset 0x4",
                       "rl32s_vals", "out of range");
    /* Beyond 32S, the movq immediate in .text (relocated before .data) fails first. */
    define(e, "rl32s_target", 0x80000000);
    expect_reloc_error(e, &o, "R_X86_64_32S", "rl32s_target", "section .text offset 0x3",
                       "rl32s_vals", "out of range");
    define(e, "rl32s_target", 0xffffffff7ffffff0);
    expect_reloc_error(e, &o, "R_X86_64_32S", "rl32s_target", "section .text offset 0x3",
                       "rl32s_vals", "out of range");
    define(e, "rl32s_target", FAR_ADDR);
    expect_reloc_error(e, &o, "R_X86_64_32S", "rl32s_target", "section .text offset 0x3",
                       "rl32s_vals", "out of range");
    hj_engine_destroy(e);
    obj_free(&o);
}

static void test_abs16(void)
{
    obj o = obj_read("relocs_abs16");
    CHECK_HAS_RELOC(o, R_X86_64_16);
    static const uint16_t fits[] = {0x1234, 0xfffe, 0x1};
    for (size_t i = 0; i < sizeof fits / sizeof fits[0]; i++) {
        hj_engine *e = engine_new();
        define(e, "rl16_target", fits[i]);
        if (add_ok(e, &o, NULL)) {
            const uint16_t *v = (const uint16_t *)lookup(e, "rl16_vals");
            CHECK(v[0] == fits[i]);
            CHECK(v[1] == fits[i] + 1);
        }
        hj_engine_destroy(e);
    }
    hj_engine *e = engine_new();
    define(e, "rl16_target", 0xffff);
    expect_reloc_error(e, &o, "R_X86_64_16", "rl16_target", "section .data offset 0x2",
                       "rl16_vals", "out of range");
    define(e, "rl16_target", 0x12345);
    expect_reloc_error(e, &o, "R_X86_64_16", "rl16_target", "section .data offset 0x0",
                       "rl16_vals", "out of range");
    hj_engine_destroy(e);
    obj_free(&o);
}

static void test_abs8(void)
{
    obj o = obj_read("relocs_abs8");
    CHECK_HAS_RELOC(o, R_X86_64_8);
    static const uint8_t fits[] = {0x12, 0xfe, 0x7f};
    for (size_t i = 0; i < sizeof fits / sizeof fits[0]; i++) {
        hj_engine *e = engine_new();
        define(e, "rl8_target", fits[i]);
        if (add_ok(e, &o, NULL)) {
            const uint8_t *v = (const uint8_t *)lookup(e, "rl8_vals");
            CHECK(v[0] == fits[i]);
            CHECK(v[1] == fits[i] + 1);
        }
        hj_engine_destroy(e);
    }
    hj_engine *e = engine_new();
    define(e, "rl8_target", 0xff);
    expect_reloc_error(e, &o, "R_X86_64_8", "rl8_target", "section .data offset 0x1",
                       "rl8_vals", "out of range");
    define(e, "rl8_target", 0x100);
    expect_reloc_error(e, &o, "R_X86_64_8", "rl8_target", "section .data offset 0x0",
                       "rl8_vals", "out of range");
    hj_engine_destroy(e);
    obj_free(&o);
}

/* ------------------------------------------------------------------------------------
 * PC-relative: R_X86_64_PC32, PC64, PC16, PC8, PLT32
 * ------------------------------------------------------------------------------------ */

static void test_pc32(void)
{
    obj o = obj_read("relocs_pc32");
    CHECK_HAS_RELOC(o, R_X86_64_PC32);
    hj_engine *e = engine_new();
    define(e, "rlpc32_target", FAR_ADDR);
    expect_reloc_error(e, &o, "R_X86_64_PC32", "rlpc32_target", "section .text offset 0x3",
                       "rlpc32_get", "out of range");
    /* The same engine takes the same object once the target is within reach. */
    uintptr_t near = region_addr(e) + 0x12340;
    define(e, "rlpc32_target", near);
    if (add_ok(e, &o, NULL)) {
        CHECK_MSG(call_get(e, "rlpc32_get") == near, "lea gave 0x%" PRIxPTR ", want 0x%" PRIxPTR,
                  call_get(e, "rlpc32_get"), near);
        CHECK(call_get(e, "rlpc32_get_add") == near + 16);
        /* lea of the module's own exported function yields its canonical address. */
        uintptr_t fn = call_get(e, "rlpc32_get_fn");
        CHECK(fn == lookup(e, "rlpc32_fn"));
        CHECK(call_int_at(fn, 0) == 32);
        const int32_t *d = (const int32_t *)lookup(e, "rlpc32_data");
        CHECK((intptr_t)d[0] == (intptr_t)(near - (uintptr_t)&d[0]));
        CHECK((intptr_t)d[1] == (intptr_t)(near + 0x100 - (uintptr_t)&d[1]));
    }
    hj_engine_destroy(e);
    obj_free(&o);
}

/* A 32-bit PC-relative address of a far process function: the module gets a near
 * stand-in that reaches the function. First an exported C library function, then a
 * function the host defines (hj_define_symbol) that no dynamic symbol table lists. */
static void test_pc32_far_function(void)
{
    obj o = obj_read("relocs_pc32_libc");
    CHECK_HAS_RELOC(o, R_X86_64_PC32);
    hj_engine *e = engine_new();
    uintptr_t region = region_addr(e);
    long (*libc_labs)(long) = labs;
    uintptr_t host;
    memcpy(&host, &libc_labs, sizeof host);
    if (add_ok(e, &o, NULL)) {
        uintptr_t p = call_get(e, "rlpcl_get");
        long (*fn)(long);
        memcpy(&fn, &p, sizeof fn);
        CHECK(p && fn(-5) == 5);
        if (distance_over_2g(host, region))
            CHECK(p != host && !distance_over_2g(p, region));
        else
            CHECK(p == host);
    }
    hj_engine_destroy(e);
    obj_free(&o);

    o = obj_read("relocs_pc32_func");
    CHECK_HAS_RELOC(o, R_X86_64_PC32);
    e = engine_new();
    host = host_answer_addr();
    define(e, "rlpcf_host", host);
    if (add_ok(e, &o, NULL)) {
        uintptr_t p = call_get(e, "rlpcf_get");
        CHECK(call_int_at(p, 5) == host_answer(5));
        if (distance_over_2g(host, region))
            CHECK(p != host && !distance_over_2g(p, region));
        else
            CHECK(p == host);
    }
    hj_engine_destroy(e);
    obj_free(&o);
}

static void test_pc64(void)
{
    obj o = obj_read("relocs_pc64");
    CHECK_HAS_RELOC(o, R_X86_64_PC64);
    hj_engine *e = engine_new();
    uintptr_t t = FAR_ADDR + 0x123;
    define(e, "rlpc64_target", t);
    if (add_ok(e, &o, NULL)) {
        const uint64_t *v = (const uint64_t *)lookup(e, "rlpc64_vals");
        CHECK(v[0] == t - (uintptr_t)&v[0]);
        CHECK(v[1] == t + 8 - (uintptr_t)&v[1]);
        CHECK(v[2] == t - 0x1000 - (uintptr_t)&v[2]);
    }
    hj_engine_destroy(e);
    obj_free(&o);
}

static void test_pc16_pc8(void)
{
    obj o16 = obj_read("relocs_pc16"), o8 = obj_read("relocs_pc8");
    CHECK_HAS_RELOC(o16, R_X86_64_PC16);
    CHECK_HAS_RELOC(o8, R_X86_64_PC8);
    hj_engine *e = engine_new();
    if (add_ok(e, &o16, NULL)) {
        const int16_t *v = (const int16_t *)lookup(e, "rlpc16_vals");
        uintptr_t near = lookup(e, "rlpc16_near");
        CHECK((intptr_t)v[0] == (intptr_t)(near - (uintptr_t)&v[0]));
        CHECK((intptr_t)v[1] == (intptr_t)(near - 0x10 - (uintptr_t)&v[1]));
        CHECK(v[1] < 0);
    }
    if (add_ok(e, &o8, NULL)) {
        const int8_t *v = (const int8_t *)lookup(e, "rlpc8_vals");
        uintptr_t near = lookup(e, "rlpc8_near");
        CHECK((intptr_t)v[0] == (intptr_t)(near - (uintptr_t)&v[0]));
        CHECK((intptr_t)v[1] == (intptr_t)(near - 0x10 - (uintptr_t)&v[1]));
        CHECK(v[1] < 0);
    }
    hj_engine_destroy(e);

    obj f16 = obj_read("relocs_pc16_far"), f8 = obj_read("relocs_pc8_far");
    e = engine_new();
    define(e, "rlpc16_far", FAR_ADDR);
    define(e, "rlpc8_far", FAR_ADDR);
    expect_reloc_error(e, &f16, "R_X86_64_PC16", "rlpc16_far", "section .data offset 0x4",
                       "rlpc16_vals", "out of range");
    expect_reloc_error(e, &f8, "R_X86_64_PC8", "rlpc8_far", "section .data offset 0x2",
                       "rlpc8_vals", "out of range");
    hj_engine_destroy(e);
    obj_free(&o16);
    obj_free(&o8);
    obj_free(&f16);
    obj_free(&f8);
}

static void test_plt32(void)
{
    obj o = obj_read("relocs_plt32");
    CHECK_HAS_RELOC(o, R_X86_64_PLT32);
    hj_engine *e = engine_new();
    uintptr_t host = host_answer_addr();
    bool far = distance_over_2g(host, region_addr(e));
    define(e, "rlplt_host", host);
    hj_link_stats before, after;
    hj_get_stats(e, &before);
    if (add_ok(e, &o, NULL)) {
        CHECK(call_int(e, "rlplt_call", 4) == host_answer(4) + 1);
        CHECK(call_int(e, "rlplt_own_call", 0) == 105);
        hj_get_stats(e, &after);
        /* A far process function is reached through one call stub; the module's own
         * function is called directly. */
        CHECK(after.call_stubs - before.call_stubs == (far ? 1u : 0u));
    }
    hj_engine_destroy(e);
    obj_free(&o);
}

/* ------------------------------------------------------------------------------------
 * GOT: GOTPCREL, GOTPCRELX, REX_GOTPCRELX, GOT32, GOTPC32, GOT64, GOTPCREL64, GOTPC64,
 * GOTOFF64, GOTPLT64, PLTOFF64
 * ------------------------------------------------------------------------------------ */

static void test_gotpcrel(void)
{
    obj o = obj_read("relocs_gotpcrel");
    CHECK_HAS_RELOC(o, R_X86_64_GOTPCREL);
    CHECK(!obj_has_reloc(&o, R_X86_64_REX_GOTPCRELX));
    hj_engine *e = engine_new();
    uintptr_t t = FAR_ADDR + 0xdeadbee0;
    define(e, "rlgp_target", t);
    define(e, "rlgp_host", host_answer_addr());
    hj_link_stats before, after;
    hj_get_stats(e, &before);
    if (add_ok(e, &o, NULL)) {
        CHECK(call_get(e, "rlgp_load") == t);
        /* A GOT entry holds the canonical address: the entry stub of a function. */
        uintptr_t fn = call_get(e, "rlgp_load_fn");
        CHECK(fn == lookup(e, "rlgp_fn"));
        CHECK(call_int_at(fn, 0) == 9);
        CHECK(call_get(e, "rlgp_load_data") == lookup(e, "rlgp_data"));
        CHECK(call_get(e, "rlgp_load_host") == host_answer_addr());
        uintptr_t entry = call_get(e, "rlgp_entry");
        CHECK(entry && *(const uintptr_t *)entry == t);
        CHECK(call_get(e, "rlgp_entry2") == entry); /* one entry per symbol */
        const int32_t *d = (const int32_t *)lookup(e, "rlgp_entry_data");
        CHECK((intptr_t)*d == (intptr_t)(entry - (uintptr_t)d));
        hj_get_stats(e, &after);
        CHECK_MSG(after.got_entries - before.got_entries == 4, "%llu GOT entries",
                  after.got_entries - before.got_entries);
    }
    hj_engine_destroy(e);
    obj_free(&o);
}

static void test_gotpcrelx(void)
{
    obj o = obj_read("relocs_gotpcrelx");
    CHECK_HAS_RELOC(o, R_X86_64_GOTPCRELX);
    CHECK_HAS_RELOC(o, R_X86_64_REX_GOTPCRELX);
    hj_engine *e = engine_new();
    uintptr_t t = FAR_ADDR + 0x12345678;
    define(e, "rlgx_target", t);
    define(e, "rlgx_host", host_answer_addr());
    if (add_ok(e, &o, NULL)) {
        CHECK(call_get(e, "rlgx_load") == t);
        CHECK(call_int(e, "rlgx_jmp", 6) == host_answer(6));
        CHECK(call_int(e, "rlgx_call", 6) == host_answer(6) + 2);
        CHECK((uint32_t)call_get(e, "rlgx_load32") == 0x12345678u);
    }
    hj_engine_destroy(e);
    obj_free(&o);
}

static void test_got32_gotpc32(void)
{
    obj o = obj_read("relocs_got32");
    CHECK_HAS_RELOC(o, R_X86_64_GOT32);
    CHECK_HAS_RELOC(o, R_X86_64_GOTPC32);
    hj_engine *e = engine_new();
    uintptr_t t = FAR_ADDR + 0x3210;
    define(e, "rlg32_target", t);
    if (add_ok(e, &o, NULL)) {
        uintptr_t got = call_get(e, "rlg32_gotbase");
        uintptr_t off = call_get(e, "rlg32_off"), off_fn = call_get(e, "rlg32_off_fn");
        CHECK(got != 0);
        CHECK(call_get(e, "rlg32_gotbase16") == got + 16);
        CHECK(off % 8 == 0 && off < 64 && off_fn % 8 == 0 && off_fn < 64 && off != off_fn);
        /* Three independent measurements agree: GOT + G is the entry GOTPCREL finds. */
        CHECK(got + off == call_get(e, "rlg32_entry"));
        CHECK(*(const uintptr_t *)(got + off) == t);
        CHECK(call_get(e, "rlg32_load") == t);
        CHECK(*(const uintptr_t *)(got + off_fn) == lookup(e, "rlg32_fn"));
    }
    hj_engine_destroy(e);
    obj_free(&o);
}

static void test_got64_family(void)
{
    obj o = obj_read("relocs_got64");
    CHECK_HAS_RELOC(o, R_X86_64_GOTPC64);
    CHECK_HAS_RELOC(o, R_X86_64_GOT64);
    CHECK_HAS_RELOC(o, R_X86_64_GOTPLT64);
    CHECK_HAS_RELOC(o, R_X86_64_GOTPCREL64);
    CHECK_HAS_RELOC(o, R_X86_64_GOTOFF64);
    CHECK_HAS_RELOC(o, R_X86_64_PLTOFF64);
    hj_engine *e = engine_new();
    uintptr_t t = FAR_ADDR + 0x4560;
    define(e, "rlg64_target", t);
    define(e, "rlg64_host", host_answer_addr());
    if (add_ok(e, &o, NULL)) {
        uintptr_t got = call_get(e, "rlg64_gotbase");             /* GOTPC64 */
        CHECK_MSG(got == call_get(e, "rlg64_gotbase32"), "GOTPC64 0x%" PRIxPTR " vs GOTPC32",
                  got);
        uintptr_t off = call_get(e, "rlg64_off");                 /* GOT64 */
        CHECK(off % 8 == 0 && off < 64);
        CHECK(call_get(e, "rlg64_gotplt") == off);                /* GOTPLT64 */
        CHECK(call_get(e, "rlg64_entry") == got + off);           /* GOTPCREL64 */
        CHECK(*(const uintptr_t *)(got + off) == t);
        CHECK(call_get(e, "rlg64_load") == t);
        CHECK(call_get(e, "rlg64_gotoff_data") == lookup(e, "rlg64_data")); /* GOTOFF64 */
        CHECK(call_get(e, "rlg64_gotoff_far") == t + 0x20);
        CHECK(call_int(e, "rlg64_pltoff_host", 3) == host_answer(3));       /* PLTOFF64 */
        CHECK(call_int(e, "rlg64_pltoff_own", 3) == 1003);
    }
    hj_engine_destroy(e);
    obj_free(&o);
}

/* ------------------------------------------------------------------------------------
 * SIZE32, SIZE64
 * ------------------------------------------------------------------------------------ */

static void test_size(void)
{
    obj o = obj_read("relocs_size");
    CHECK_HAS_RELOC(o, R_X86_64_SIZE32);
    CHECK_HAS_RELOC(o, R_X86_64_SIZE64);
    hj_engine *e = engine_new();
    if (add_ok(e, &o, NULL)) {
        CHECK((uint32_t)call_get(e, "rlsz32") == 24);
        CHECK((uint32_t)call_get(e, "rlsz32_add") == 32);
        CHECK(call_get(e, "rlsz64") == 24);
        CHECK(call_get(e, "rlsz64_add") == (uintptr_t)-8);
        CHECK((uint32_t)call_get(e, "rlsz_fn_size") == 4);
        CHECK_MSG(call_get(e, "rlsz_proc") == sizeof stderr, "size of stderr: %" PRIuPTR,
                  call_get(e, "rlsz_proc"));
    }
    hj_engine_destroy(e);
    obj_free(&o);

    o = obj_read("relocs_size_big");
    e = engine_new();
    expect_reloc_error(e, &o, "R_X86_64_SIZE32", "rlszb_obj", "section .text offset 0x1",
                       "rlszb_get", "out of range");
    hj_engine_destroy(e);
    obj_free(&o);
}

/* ------------------------------------------------------------------------------------
 * TLS: TLSGD, TLSLD, DTPOFF32, DTPOFF64 (dynamic); GOTTPOFF, TPOFF32, TPOFF64 (static)
 * ------------------------------------------------------------------------------------ */

typedef struct tls_probe {
    hj_engine *e;
    uintptr_t a, b, errno_gd, errno_ie, errno_le, errno_real;
    uint64_t a_value;
} tls_probe;

static void *tls_thread(void *arg)
{
    tls_probe *p = arg;
    p->a = call_get(p->e, "rltls_gd_a");
    p->b = call_get(p->e, "rltls_ld_b");
    p->a_value = p->a ? *(const uint64_t *)p->a : 0;
    p->errno_gd = call_get(p->e, "rltls_gd_errno");
    p->errno_real = (uintptr_t)&errno;
    return NULL;
}

static void test_tls_dynamic(void)
{
    obj o = obj_read("relocs_tls");
    CHECK_HAS_RELOC(o, R_X86_64_TLSGD);
    CHECK_HAS_RELOC(o, R_X86_64_TLSLD);
    CHECK_HAS_RELOC(o, R_X86_64_DTPOFF32);
    CHECK_HAS_RELOC(o, R_X86_64_DTPOFF64);
    hj_engine *e = engine_new();
    if (add_ok(e, &o, NULL)) {
        uintptr_t a = call_get(e, "rltls_gd_a"), b = call_get(e, "rltls_gd_b");
        CHECK(a && b && a != b);
        CHECK(call_get(e, "rltls_ld_a") == a);     /* TLSLD + DTPOFF32 */
        CHECK(call_get(e, "rltls_ld_b") == b + 4); /* DTPOFF32 with addend 4 */
        CHECK(lookup(e, "rltls_a") == a);
        const uint64_t *dtpoff = (const uint64_t *)lookup(e, "rltls_dtpoff"); /* DTPOFF64 */
        CHECK(b - a == dtpoff[1] - dtpoff[0]);
        CHECK(dtpoff[0] % 8 == 0 && dtpoff[1] % 8 == 0);
        if (a && b) {
            CHECK(*(const uint64_t *)a == 0x1234); /* .tdata image */
            CHECK(*(const uint64_t *)b == 0);      /* .tbss */
            *(uint64_t *)a = 0x999;
        }
        CHECK(call_get(e, "rltls_gd_errno") == (uintptr_t)&errno); /* process TLS */

        tls_probe p = {.e = e};
        pthread_t th;
        CHECK(pthread_create(&th, NULL, tls_thread, &p) == 0);
        pthread_join(th, NULL);
        CHECK(p.a && p.a != a);
        CHECK(p.a_value == 0x1234); /* a fresh copy of the image, not main's 0x999 */
        CHECK(p.b - p.a == b + 4 - a);
        CHECK(p.errno_gd == p.errno_real && p.errno_real != (uintptr_t)&errno);
    }
    hj_engine_destroy(e);
    obj_free(&o);
}

static void *static_tls_thread(void *arg)
{
    tls_probe *p = arg;
    p->errno_ie = call_get(p->e, "rlst_gottpoff");
    p->errno_le = call_get(p->e, "rlst_tpoff32");
    p->errno_real = (uintptr_t)&errno;
    return NULL;
}

/* Against a variable in the process's static TLS block, the static models work. */
static void test_static_tls_process(void)
{
    obj o = obj_read("relocs_static_tls");
    CHECK_HAS_RELOC(o, R_X86_64_GOTTPOFF);
    CHECK_HAS_RELOC(o, R_X86_64_TPOFF32);
    CHECK_HAS_RELOC(o, R_X86_64_TPOFF64);
    hj_engine *e = engine_new();
    if (add_ok(e, &o, NULL)) {
        uintptr_t real = (uintptr_t)&errno;
        CHECK(call_get(e, "rlst_gottpoff") == real);
        CHECK(call_get(e, "rlst_tpoff32") == real);
        const uint64_t *v = (const uint64_t *)lookup(e, "rlst_tpoff64");
        CHECK(v[0] == real - thread_pointer());
        CHECK(v[1] == real - thread_pointer() + 8);
        tls_probe p = {.e = e};
        pthread_t th;
        CHECK(pthread_create(&th, NULL, static_tls_thread, &p) == 0);
        pthread_join(th, NULL);
        CHECK(p.errno_ie == p.errno_real && p.errno_le == p.errno_real && p.errno_real != real);
    }
    hj_engine_destroy(e);
    obj_free(&o);
}

/* The module's own thread-local variable has no fixed offset from the thread pointer:
 * the static models are refused with advice to compile with -fPIC. */
static void test_static_tls_own(void)
{
    static const struct {
        const char *input, *type;
        uint32_t rtype;
    } cases[] = {
        {"relocs_static_tls_own_TPOFF32", "R_X86_64_TPOFF32", R_X86_64_TPOFF32},
        {"relocs_static_tls_own_GOTTPOFF", "R_X86_64_GOTTPOFF", R_X86_64_GOTTPOFF},
        {"relocs_static_tls_own_TPOFF64", "R_X86_64_TPOFF64", R_X86_64_TPOFF64},
    };
    hj_engine *e = engine_new();
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        obj o = obj_read(cases[i].input);
        CHECK_MSG(obj_has_reloc(&o, cases[i].rtype), "%s carries no %s", o.name, cases[i].type);
        expect_reloc_error(e, &o, cases[i].type, "rlsto_v", "section .text offset 0x10",
                           "rlsto_marker", "-fPIC");
        obj_free(&o);
    }
    /* What gcc -fno-pic emits for a thread-local variable (local exec). */
    obj o = obj_read("relocs_tls_nopic");
    CHECK_HAS_RELOC(o, R_X86_64_TPOFF32);
    expect_reloc_error(e, &o, "R_X86_64_TPOFF32", "rltn_counter", "section .text offset 0x",
                       "rltn_next", "-fPIC");
    obj_free(&o);
    hj_engine_destroy(e);
}

/* With a static TLS pool (hj_engine_options), the static models work against the
 * module's own variables too: the module's block lives in the pool, at the same offset
 * from the thread pointer in every thread. Must run after test_static_tls_own: the
 * first pool given is the process's for good. */
static _Thread_local _Alignas(64) char rl_pool[4096];

typedef struct pool_probe {
    hj_engine *e;
    uintptr_t le, ie, gd, pool;
    uint64_t v, w;
} pool_probe;

static void *pool_thread(void *arg)
{
    pool_probe *p = arg;
    hj_thread_init(); /* a thread the host created after the module was added */
    p->pool = (uintptr_t)rl_pool;
    p->le = call_get(p->e, "rlsp_le");
    p->ie = call_get(p->e, "rlsp_ie");
    p->gd = call_get(p->e, "rlsp_gd");
    p->v = p->le ? *(const uint64_t *)p->le : 0;
    p->w = p->ie ? *(const uint64_t *)p->ie : 0;
    return NULL;
}

static bool in_pool(uintptr_t p, uintptr_t pool)
{
    return p >= pool && p < pool + sizeof rl_pool;
}

static void test_static_tls_pool(void)
{
    obj o = obj_read("relocs_static_tls_pool");
    CHECK_HAS_RELOC(o, R_X86_64_TPOFF32);
    CHECK_HAS_RELOC(o, R_X86_64_GOTTPOFF);
    CHECK_HAS_RELOC(o, R_X86_64_TPOFF64);
    hj_engine_options opts = {.static_tls_pool = rl_pool, .static_tls_pool_size = sizeof rl_pool};
    hj_engine *e = NULL;
    CHECK(hj_engine_create(&e, &opts) == HJ_OK);
    if (e && add_ok(e, &o, NULL)) {
        uintptr_t pool = (uintptr_t)rl_pool, tp = thread_pointer();
        uintptr_t le = call_get(e, "rlsp_le"), ie = call_get(e, "rlsp_ie");
        CHECK_MSG(in_pool(le, pool), "TPOFF32 gave 0x%" PRIxPTR ", pool at 0x%" PRIxPTR, le, pool);
        CHECK(ie == le + 8); /* rlsp_w follows rlsp_v */
        CHECK(call_get(e, "rlsp_gd") == le); /* the dynamic model finds the same block */
        CHECK(lookup(e, "rlsp_v") == le);
        if (in_pool(le, pool)) {
            CHECK(*(const uint64_t *)le == 0x5151);
            CHECK(*(const uint64_t *)ie == 0x6262);
            *(uint64_t *)le = 0xabc;
        }
        const uint64_t *v = (const uint64_t *)lookup(e, "rlsp_tpoff64");
        CHECK(v[0] == le - tp);
        CHECK(v[1] == ie - tp + 4);

        pool_probe p = {.e = e};
        pthread_t th;
        CHECK(pthread_create(&th, NULL, pool_thread, &p) == 0);
        pthread_join(th, NULL);
        CHECK(p.le - p.pool == le - pool); /* same offset, the thread's own copy */
        CHECK(p.ie == p.le + 8 && p.gd == p.le && p.le != le);
        CHECK_MSG(p.v == 0x5151 && p.w == 0x6262, "other thread: 0x%" PRIx64 " 0x%" PRIx64,
                  p.v, p.w);
    }
    obj_free(&o);

    /* A block larger than the pool cannot be static: an error naming the module. */
    o = obj_read("relocs_static_tls_pool_big");
    if (e) {
        hj_status st = hj_add_object(e, o.name, o.data, o.size, NULL);
        CHECK_MSG(st != HJ_OK, "a 1 MiB static TLS block fit a 4 KiB pool");
        CHECK_CONTAINS(hj_errmsg(e), o.name);
        engine_still_works(e);
    }
    obj_free(&o);
    hj_engine_destroy(e);
}

/* ------------------------------------------------------------------------------------
 * Out of range through the addend, one object per limited kind
 * ------------------------------------------------------------------------------------ */

static void test_out_of_range(void)
{
    static const struct {
        const char *variant, *type, *sym;
        uint32_t rtype;
    } cases[] = {
        {"PC32", "R_X86_64_PC32", "rlbig_obj", R_X86_64_PC32},
        {"PLT32", "R_X86_64_PLT32", "rlbig_obj", R_X86_64_PLT32},
        {"ABS32", "R_X86_64_32", "rlbig_obj", R_X86_64_32},
        {"ABS32S", "R_X86_64_32S", "rlbig_obj", R_X86_64_32S},
        {"PC16", "R_X86_64_PC16", "rlbig_obj", R_X86_64_PC16},
        {"PC8", "R_X86_64_PC8", "rlbig_obj", R_X86_64_PC8},
        {"GOTPCREL", "R_X86_64_GOTPCREL", "rlbig_target", R_X86_64_GOTPCREL},
        {"GOTPCRELX", "R_X86_64_GOTPCRELX", "rlbig_target", R_X86_64_GOTPCRELX},
        {"REX_GOTPCRELX", "R_X86_64_REX_GOTPCRELX", "rlbig_target", R_X86_64_REX_GOTPCRELX},
        {"GOT32", "R_X86_64_GOT32", "rlbig_target", R_X86_64_GOT32},
        {"GOTPC32", "R_X86_64_GOTPC32", "_GLOBAL_OFFSET_TABLE_", R_X86_64_GOTPC32},
        {"SIZE32", "R_X86_64_SIZE32", "rlbig_obj", R_X86_64_SIZE32},
        {"TLSGD", "R_X86_64_TLSGD", "rlbig_tls", R_X86_64_TLSGD},
        {"TLSLD", "R_X86_64_TLSLD", "rlbig_tls", R_X86_64_TLSLD},
        {"DTPOFF32", "R_X86_64_DTPOFF32", "rlbig_tls", R_X86_64_DTPOFF32},
        {"GOTTPOFF", "R_X86_64_GOTTPOFF", "errno", R_X86_64_GOTTPOFF},
        {"TPOFF32", "R_X86_64_TPOFF32", "errno", R_X86_64_TPOFF32},
    };
    hj_engine *e = engine_new();
    define(e, "rlbig_target", FAR_ADDR);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char name[64];
        snprintf(name, sizeof name, "relocs_big_%s", cases[i].variant);
        obj o = obj_read(name);
        CHECK_MSG(obj_has_reloc(&o, cases[i].rtype), "%s carries no %s", o.name, cases[i].type);
        expect_reloc_error(e, &o, cases[i].type, cases[i].sym, "section .text offset 0x10",
                           "rlbig_marker", "out of range");
        CHECK(!is_defined(e, "rlbig_obj"));
        obj_free(&o);
    }
    hj_engine_destroy(e);
}

/* ------------------------------------------------------------------------------------
 * Unknown relocation types
 * ------------------------------------------------------------------------------------ */

/* Rewrites the type of relocation `index` of the first SHT_RELA section. */
static void set_reloc_type(obj *o, size_t index, uint32_t type)
{
    Elf64_Ehdr *eh = o->data;
    Elf64_Shdr *sh = (Elf64_Shdr *)((uint8_t *)o->data + eh->e_shoff);
    for (size_t i = 0; i < eh->e_shnum; i++)
        if (sh[i].sh_type == SHT_RELA) {
            Elf64_Rela *r = (Elf64_Rela *)((uint8_t *)o->data + sh[i].sh_offset) + index;
            r->r_info = ELF64_R_INFO(ELF64_R_SYM(r->r_info), type);
            return;
        }
    CHECK_MSG(0, "%s has no relocation section", o->name);
}

static void expect_unknown(hj_engine *e, const obj *o, uint32_t type, const char *sym,
                           const char *where, const char *marker)
{
    hj_status st = hj_add_object(e, o->name, o->data, o->size, NULL);
    const char *msg = hj_errmsg(e);
    CHECK_MSG(st == HJ_ERR_RELOC, "%s with type %u: %s (%s)", o->name, type, hj_status_str(st), msg);
    char needle[96];
    snprintf(needle, sizeof needle, "relocation type %u", type);
    CHECK_CONTAINS(msg, needle);
    CHECK_CONTAINS(msg, "unknown");
    CHECK_CONTAINS(msg, o->name);
    snprintf(needle, sizeof needle, "'%s'", sym);
    CHECK_CONTAINS(msg, needle);
    CHECK_CONTAINS(msg, where);
    CHECK(!is_defined(e, marker));
    engine_still_works(e);
}

static void test_unknown_types(void)
{
    hj_engine *e = engine_new();
    define(e, "rlunk_sym", 0x1000);
    obj o = obj_read("relocs_unknown");
    CHECK_HAS_RELOC(o, R_X86_64_64);
    if (add_ok(e, &o, NULL)) { /* unpatched: the R_X86_64_64 is applied */
        const uint64_t *v = (const uint64_t *)lookup(e, "rlunk_marker");
        CHECK(v[1] == 0x1000);
    }
    hj_engine_destroy(e);

    e = engine_new();
    define(e, "rlunk_sym", 0x1000);
    /* Dynamic-only types, TLS descriptors, a type past the table, the largest value. */
    static const uint32_t types[] = {R_X86_64_COPY, R_X86_64_GLOB_DAT, R_X86_64_JUMP_SLOT,
                                     R_X86_64_RELATIVE, R_X86_64_DTPMOD64, 34, 35, 36, 37, 38,
                                     43, 200, 0xffffffffu};
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
        set_reloc_type(&o, 0, types[i]);
        expect_unknown(e, &o, types[i], "rlunk_sym", "section .data offset 0x8", "rlunk_marker");
    }
    obj_free(&o);

    o = obj_read("relocs_unknown_TLSDESC");
    CHECK_HAS_RELOC(o, R_X86_64_GOTPC32_TLSDESC);
    expect_unknown(e, &o, R_X86_64_GOTPC32_TLSDESC, "rlunk_sym", "section .data offset 0x8",
                   "rlunk_marker");
    obj_free(&o);
    o = obj_read("relocs_unknown_RELATIVE");
    CHECK_HAS_RELOC(o, R_X86_64_RELATIVE);
    expect_unknown(e, &o, R_X86_64_RELATIVE, "rlunk_sym", "section .data offset 0x8",
                   "rlunk_marker");
    obj_free(&o);

    /* gcc -mtls-dialect=gnu2 output. */
    o = obj_read("relocs_tlsdesc");
    CHECK_HAS_RELOC(o, R_X86_64_GOTPC32_TLSDESC);
    define(e, "rltd_var", 0x2000);
    expect_unknown(e, &o, R_X86_64_GOTPC32_TLSDESC, "rltd_var", "section .text offset 0x",
                   "rltd_get");
    obj_free(&o);
    hj_engine_destroy(e);
}

/* Relocations against symbol 0: the target is the addend alone. */
static void test_symbol0(void)
{
    obj o = obj_read("relocs_sym0");
    CHECK_HAS_RELOC(o, R_X86_64_64);
    hj_engine *e = engine_new();
    if (add_ok(e, &o, NULL)) {
        const uint8_t *v = (const uint8_t *)lookup(e, "rlsym0_vals");
        uint64_t q0, q1;
        uint32_t l;
        memcpy(&q0, v, 8);
        memcpy(&q1, v + 8, 8);
        memcpy(&l, v + 16, 4);
        CHECK(q0 == 0x123456789);
        CHECK(q1 == 0x77);
        CHECK(l == 0x1234);
    }
    obj_free(&o);
    hj_engine_destroy(e);
    e = engine_new();
    o = obj_read("relocs_sym0_far");
    expect_reloc_error(e, &o, "R_X86_64_PC32", NULL, "section .data offset 0x14",
                       "rlsym0_vals", "out of range");
    obj_free(&o);
    hj_engine_destroy(e);
}

int main(void)
{
    test_abs64();
    test_abs32();
    test_abs32_own();
    test_abs32s();
    test_abs16();
    test_abs8();
    test_pc32();
    test_pc32_far_function();
    test_pc64();
    test_pc16_pc8();
    test_plt32();
    test_gotpcrel();
    test_gotpcrelx();
    test_got32_gotpc32();
    test_got64_family();
    test_size();
    test_tls_dynamic();
    test_static_tls_process();
    test_static_tls_own();
    test_static_tls_pool();
    test_out_of_range();
    test_unknown_types();
    test_symbol0();
    return check_report("relocs");
}
