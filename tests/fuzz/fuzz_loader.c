/* libFuzzer target for the object loader: every input is opened, resolved, laid out,
 * placed and relocated by the linker layers (elf + link) as hj_add_objects does, in one
 * long-lived code region, but nothing of it is ever executed: constructors are
 * collected, not run, and no unwind info is registered.
 * Global symbols are resolved without a symbol table, by a hash of their name, to the
 * kinds of targets the engine produces (near, far, undefined weak, static TLS). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "link/link.h"
#include "link/tls.h"
#include "mem/mem.h"

#define REGION_SIZE ((size_t)256 << 20)
#define MAX_UNIT_MEM ((size_t)64 << 20)

static hj_region *region;

static uint32_t name_hash(const char *s)
{
    uint32_t h = 2166136261u;
    while (*s)
        h = (h ^ (uint8_t)*s++) * 16777619u;
    return h;
}

static void resolve(hj_link_unit *unit)
{
    uintptr_t near = hj_region_base(region) + 0x1000;
    for (size_t i = unit->first_global; i && i < unit->elf.nsyms; i++) {
        hj_lsym *s = &unit->syms[i];
        if (!s->name[0] && s->section == SHN_UNDEF)
            continue;
        if (hj_link_defines(unit, i)) {
            s->target.kind = HJ_TARGET_SELF;
            continue;
        }
        if (!strcmp(s->name, "_GLOBAL_OFFSET_TABLE_")) {
            s->target.kind = HJ_TARGET_GOT;
            continue;
        }
        uint32_t h = name_hash(s->name);
        hj_target t = {.kind = HJ_TARGET_ADDR, .size = h % 64};
        switch (h % 4) {
        case 0: t.addr = near + (h & 0xfff0); break;
        case 1: t.addr = (uintptr_t)0x7f0000000000 + (h & 0xfff0); break;
        case 2:
            if (s->bind == STB_WEAK)
                t = (hj_target){.kind = HJ_TARGET_WEAK0};
            else
                t.addr = near;
            break;
        default: t.addr = (uintptr_t)0x400000 + (h & 0xfff0); break;
        }
        if (s->type == STT_TLS) { /* a variable in the process's static TLS block */
            t.is_tls = true;
            t.tls_static = h & 1;
            t.tls_module = 1;
            t.tls_offset = h & 0xff0;
            t.tls_tpoff = -(int64_t)(h & 0xff0) - 0x100;
        }
        s->target = t;
    }
}

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    hj_err err;
    if (hj_region_create(&region, REGION_SIZE, &err) != HJ_OK)
        abort();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    hj_err err;
    hj_link_unit unit;
    if (hj_link_open(&unit, hj_host_arch(), "fuzz.o", data, size, &err) != HJ_OK)
        return 0;
    /* Drop the COMDAT groups with an odd signature hash, as if another module had them. */
    for (size_t g = 0; g < unit.ngroups; g++)
        if (name_hash(unit.groups[g].signature) & 1)
            hj_link_discard_group(&unit, g);
    resolve(&unit);
    if (hj_link_layout(&unit, hj_region_base(region), hj_region_end(region), &err) == HJ_OK) {
        /* One allocation, the segments side by side, as the engine places a batch. */
        size_t seg[HJ_SEG_COUNT], need = 0;
        for (int k = 0; k < HJ_SEG_COUNT; k++)
            need += seg[k] = hj_page_round(unit.seg_size[k]);
        void *mem;
        if (need <= MAX_UNIT_MEM && hj_region_alloc(region, need, &mem, &err) == HJ_OK) {
            uintptr_t at[HJ_SEG_COUNT] = {(uintptr_t)mem};
            for (int k = 1; k < HJ_SEG_COUNT; k++)
                at[k] = at[k - 1] + seg[k - 1];
            hj_link_place(&unit, at);
            if (unit.tls_size)
                unit.tls_module = HJ_TLS_TAG | 1;
            if (hj_link_relocate(&unit, &err) == HJ_OK)
                hj_link_collect_initfns(&unit, &err); /* collected, never run */
            hj_region_free(region, mem, need);
        }
    }
    hj_link_close(&unit);
    return 0;
}
