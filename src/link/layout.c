/* Sizing and placement: GOT entries and call stubs are counted from the relocations
 * before memory is allocated (tables before layout), then one allocation holds the
 * unit's text, read-only and read-write segments, each starting on its own page. */
#include "link/link.h"

#include <stdlib.h>
#include <string.h>

#include "mem/mem.h"

static uint64_t align_up(uint64_t value, uint64_t align)
{
    return align > 1 ? (value + align - 1) & ~(align - 1) : value;
}

/* Larger than any region: sizes are clamped to it, so sums of clamped sizes cannot
 * overflow, and hj_link_layout rejects a unit whose segments reach it. */
#define HJ_MAX_SEGMENT ((uint64_t)1 << 40)

static uint64_t place_in(uint64_t *size, uint64_t *max_align, uint64_t bytes, uint64_t align)
{
    if (align < 1 || align > HJ_MAX_SEGMENT)
        align = align < 1 ? 1 : HJ_MAX_SEGMENT;
    if (bytes > HJ_MAX_SEGMENT)
        bytes = HJ_MAX_SEGMENT;
    uint64_t offset = align_up(*size > HJ_MAX_SEGMENT ? HJ_MAX_SEGMENT : *size, align);
    *size = offset + bytes;
    if (align > *max_align)
        *max_align = align;
    return offset;
}

/* ------------------------------------------------------------------------------------
 * Sections and TLS
 * ------------------------------------------------------------------------------------ */

static void layout_sections(hj_link_unit *unit, bool tls_data_pass, bool tls_bss_pass)
{
    const hj_elf *elf = &unit->elf;
    for (size_t i = 1; i < elf->shnum; i++) {
        hj_lsec *sec = &unit->secs[i];
        const Elf64_Shdr *sh = &elf->shdrs[i];
        if (sec->seg < 0 || sec->discarded)
            continue;
        if (sec->seg == HJ_SEG_TLS_BLOCK) {
            bool is_bss = sh->sh_type == SHT_NOBITS;
            if ((is_bss && tls_bss_pass) || (!is_bss && tls_data_pass))
                sec->offset = place_in(&unit->tls_size, &unit->tls_align, sh->sh_size, sh->sh_addralign);
            continue;
        }
        if (tls_data_pass || tls_bss_pass)
            continue;
        sec->offset = place_in(&unit->seg_size[sec->seg], &unit->seg_align[sec->seg], sh->sh_size,
                               sh->sh_addralign);
        /* The unwinder reads .eh_frame up to a zero terminator the object does not carry. */
        if (i == unit->eh_frame_section)
            unit->seg_size[sec->seg] += 8;
    }
}

static void layout_commons(hj_link_unit *unit)
{
    for (size_t i = unit->first_global; i && i < unit->elf.nsyms; i++) {
        hj_lsym *sym = &unit->syms[i];
        if (sym->section == SHN_COMMON && sym->target.kind == HJ_TARGET_SELF)
            sym->addr = place_in(&unit->seg_size[HJ_SEG_DATA], &unit->seg_align[HJ_SEG_DATA],
                                 sym->size, sym->value);
    }
}

/* ------------------------------------------------------------------------------------
 * GOT entries and call stubs
 * ------------------------------------------------------------------------------------ */

enum { GOT_PLAIN, GOT_TLSGD, GOT_TPOFF, GOT_TLSLD };

static hj_status add_got(hj_link_unit *unit, uint32_t *slot, size_t sym, int kind, int words,
                         hj_err *err)
{
    if (*slot)
        return HJ_OK;
    uint64_t *keys = realloc(unit->got_keys, (unit->ngot + 2) * sizeof *keys);
    if (!keys)
        return hj_fail(err, HJ_ERR_NOMEM, "%s: out of memory", unit->elf.name);
    unit->got_keys = keys;
    *slot = (uint32_t)unit->ngot + 1;
    for (int w = 0; w < words; w++)
        keys[unit->ngot++] = ((uint64_t)sym << 2 | (uint64_t)kind) | ((uint64_t)w << 62);
    return HJ_OK;
}

static bool address_is_near(uintptr_t target, uintptr_t base, uintptr_t end, int64_t reach)
{
    /* Every place in the region must reach the target, with a page of margin. */
    int64_t margin = 4096;
    int64_t lo = (int64_t)target - (int64_t)base, hi = (int64_t)target - (int64_t)end;
    return lo < reach - margin && lo > -reach + margin && hi < reach - margin && hi > -reach + margin;
}

static bool is_process_target(const hj_lsym *sym)
{
    return sym->bind != STB_LOCAL &&
           (sym->target.kind == HJ_TARGET_ADDR || sym->target.kind == HJ_TARGET_WEAK0);
}

/* A narrow field that cannot hold a process symbol's address from anywhere in the
 * region: branches get a call stub of this unit, other references a proxy. */
static bool out_of_reach(const hj_link_unit *unit, const hj_reloc_desc *desc, uintptr_t target,
                         uintptr_t base, uintptr_t end)
{
    if (desc->size >= 8)
        return false;
    if (desc->op == HJ_OP_ABS) {
        uint8_t scratch[8];
        return !unit->arch->apply(desc, scratch, target);
    }
    return !address_is_near(target, base, end, unit->arch->pcrel_reach);
}

/* The unit defining a variable reached with a static TLS model needs its block at a
 * fixed offset from the thread pointer. */
static void want_static_tls(hj_link_unit *unit, const hj_lsym *sym)
{
    if (sym->bind == STB_LOCAL || sym->target.kind == HJ_TARGET_SELF)
        unit->tls_wants_static = true;
    else if (sym->target.kind == HJ_TARGET_UNIT)
        sym->target.unit->tls_wants_static = true;
}

static hj_status count_tables(hj_link_unit *unit, const hj_reloc_desc *desc, size_t symi,
                              uintptr_t base, uintptr_t end, hj_err *err)
{
    hj_lsym *sym = &unit->syms[symi];
    switch (desc->op) {
    case HJ_OP_GOT_PCREL:
    case HJ_OP_GOT_OFF:
        return add_got(unit, &sym->got, symi, GOT_PLAIN, 1, err);
    case HJ_OP_TLSGD_PCREL:
        return add_got(unit, &sym->gd_got, symi, GOT_TLSGD, 2, err);
    case HJ_OP_TLSLD_PCREL:
        return add_got(unit, &unit->syms[0].gd_got, 0, GOT_TLSLD, 2, err);
    case HJ_OP_GOTTPOFF_PCREL:
        want_static_tls(unit, sym);
        return add_got(unit, &sym->tpoff_got, symi, GOT_TPOFF, 1, err);
    case HJ_OP_TPOFF:
        want_static_tls(unit, sym);
        return HJ_OK;
    default:
        break;
    }
    if (!is_process_target(sym))
        return HJ_OK;
    if (desc->op == HJ_OP_SIZE)
        sym->wants_size = true;
    bool far = out_of_reach(unit, desc, sym->target.addr, base, end);
    if (far && desc->op == HJ_OP_CALL && !sym->call_stub) {
        HJ_TRY(add_got(unit, &sym->got, symi, GOT_PLAIN, 1, err));
        sym->call_stub = (uint32_t)++unit->nstubs;
    } else if (far && (desc->op == HJ_OP_ABS || desc->op == HJ_OP_PCREL)) {
        sym->wants_proxy = true;
    }
    return HJ_OK;
}

static const char *reloc_section_name(const hj_link_unit *unit, size_t rela_sec)
{
    return hj_elf_section_name(&unit->elf, unit->elf.shdrs[rela_sec].sh_info);
}

/* Relocations that patch nothing we load are skipped: debug info, dropped COMDATs. */
bool hj_link_rela_applies(const hj_link_unit *unit, size_t rela_sec)
{
    const Elf64_Shdr *sh = &unit->elf.shdrs[rela_sec];
    if (sh->sh_type != SHT_RELA)
        return false;
    const hj_lsec *target = &unit->secs[sh->sh_info];
    return target->seg >= 0 && !target->discarded;
}

hj_status hj_link_classify(const hj_link_unit *unit, size_t rela_sec, const Elf64_Rela *r,
                           hj_reloc_desc *desc, hj_err *err)
{
    uint32_t type = (uint32_t)ELF64_R_TYPE(r->r_info);
    if (!unit->arch->classify(type, desc))
        return hj_fail(err, HJ_ERR_RELOC, "%s: section %s offset 0x%llx: unknown %s relocation type %u "
                       "(symbol '%s')", unit->elf.name, reloc_section_name(unit, rela_sec),
                       (unsigned long long)r->r_offset, unit->arch->name, type,
                       unit->syms[ELF64_R_SYM(r->r_info)].name);
    return HJ_OK;
}

hj_status hj_link_each_relocation(hj_link_unit *unit, hj_reloc_visit visit, void *ctx, hj_err *err)
{
    for (size_t s = 1; s < unit->elf.shnum; s++) {
        if (!hj_link_rela_applies(unit, s))
            continue;
        size_t n = hj_elf_rela_count(&unit->elf, s);
        for (size_t i = 0; i < n; i++) {
            Elf64_Rela r;
            hj_reloc_desc desc;
            HJ_TRY(hj_elf_rela(&unit->elf, s, i, &r, err));
            HJ_TRY(hj_link_classify(unit, s, &r, &desc, err));
            HJ_TRY(visit(unit, s, &r, &desc, ctx, err));
        }
    }
    return HJ_OK;
}

static hj_status mark_one(hj_link_unit *unit, size_t rela_sec, const Elf64_Rela *r,
                          const hj_reloc_desc *desc, void *ctx, hj_err *err)
{
    if (desc->op != HJ_OP_CALL && desc->op != HJ_OP_NONE)
        unit->syms[ELF64_R_SYM(r->r_info)].non_call_ref = true;
    return HJ_OK;
}

hj_status hj_link_mark_references(hj_link_unit *unit, hj_err *err)
{
    return hj_link_each_relocation(unit, mark_one, NULL, err);
}

typedef struct region_bounds {
    uintptr_t base, end;
} region_bounds;

static hj_status count_one(hj_link_unit *unit, size_t rela_sec, const Elf64_Rela *r,
                           const hj_reloc_desc *desc, void *ctx, hj_err *err)
{
    const region_bounds *region = ctx;
    unit->nrelocs++;
    return count_tables(unit, desc, ELF64_R_SYM(r->r_info), region->base, region->end, err);
}

static hj_status count_relocations(hj_link_unit *unit, uintptr_t base, uintptr_t end, hj_err *err)
{
    region_bounds region = {base, end};
    return hj_link_each_relocation(unit, count_one, &region, err);
}

hj_status hj_link_layout(hj_link_unit *unit, uintptr_t region_base, uintptr_t region_end,
                         hj_err *err)
{
    for (int s = 0; s < HJ_SEG_COUNT; s++)
        unit->seg_align[s] = 16;
    unit->tls_align = 1;
    layout_sections(unit, false, false);
    layout_sections(unit, true, false);
    unit->tls_image_size = unit->tls_size;
    layout_sections(unit, false, true);
    layout_commons(unit);
    if (!unit->dso_elsewhere)
        unit->dso_offset = place_in(&unit->seg_size[HJ_SEG_DATA], &unit->seg_align[HJ_SEG_DATA], 8, 8);
    HJ_TRY(count_relocations(unit, region_base, region_end, err));
    uint64_t *ro = &unit->seg_size[HJ_SEG_RO];
    unit->got_offset = place_in(ro, &unit->seg_align[HJ_SEG_RO], unit->ngot * 8, 8);
    unit->tls_image_offset = place_in(ro, &unit->seg_align[HJ_SEG_RO], unit->tls_image_size,
                                      unit->tls_align);
    unit->stubs_offset = place_in(&unit->seg_size[HJ_SEG_TEXT], &unit->seg_align[HJ_SEG_TEXT],
                                  unit->nstubs * unit->arch->call_stub_size, 16);
    size_t page = hj_page_size();
    for (int s = 0; s < HJ_SEG_COUNT; s++)
        if (unit->seg_size[s] > HJ_MAX_SEGMENT || unit->tls_size > HJ_MAX_SEGMENT)
            return hj_fail(err, HJ_ERR_FORMAT, "%s: sections and common symbols add up to more than "
                           "%llu bytes", unit->elf.name, (unsigned long long)HJ_MAX_SEGMENT);
    for (int s = 0; s < HJ_SEG_COUNT; s++)
        if (unit->seg_align[s] > page)
            return hj_fail(err, HJ_ERR_FORMAT, "%s: section alignment %llu exceeds the page size",
                           unit->elf.name, (unsigned long long)unit->seg_align[s]);
    return HJ_OK;
}

/* ------------------------------------------------------------------------------------
 * Placement
 * ------------------------------------------------------------------------------------ */

static uintptr_t symbol_address(const hj_link_unit *unit, const hj_lsym *sym)
{
    if (sym->section == SHN_ABS)
        return sym->value;
    if (sym->section == SHN_COMMON)
        return unit->seg_addr[HJ_SEG_DATA] + sym->addr;
    if (sym->section == SHN_UNDEF || sym->section >= unit->elf.shnum || sym->discarded)
        return 0;
    const hj_lsec *sec = &unit->secs[sym->section];
    if (sec->seg == HJ_SEG_TLS_BLOCK)
        return sec->offset + sym->value;
    return sec->seg < 0 ? 0 : sec->addr + sym->value;
}

void hj_link_place(hj_link_unit *unit, const uintptr_t seg_addr[HJ_SEG_COUNT])
{
    for (int s = 0; s < HJ_SEG_COUNT; s++)
        unit->seg_addr[s] = seg_addr[s];
    uintptr_t image = unit->seg_addr[HJ_SEG_RO] + unit->tls_image_offset;
    for (size_t i = 1; i < unit->elf.shnum; i++) {
        hj_lsec *sec = &unit->secs[i];
        if (sec->seg == HJ_SEG_TLS_BLOCK)
            sec->addr = image + sec->offset;
        else if (sec->seg >= 0)
            sec->addr = unit->seg_addr[sec->seg] + sec->offset;
    }
    for (size_t i = 1; i < unit->elf.nsyms; i++) {
        hj_lsym *sym = &unit->syms[i];
        if (sym->bind == STB_LOCAL || hj_link_defines(unit, i))
            sym->canonical = sym->addr = symbol_address(unit, sym);
    }
}
