/* Copying and relocating: section contents, GOT entries, call stubs, then every
 * relocation computed by its generic operation and written by the backend, with the
 * range check on. */
#include "link/link.h"

#include <stdlib.h>
#include <string.h>

#define HJ_TLS_HINT "compile with -fPIC, or give the engine a static TLS pool (hj_engine_options)"

/* What a relocation's symbol stands for, whatever way it was resolved. */
typedef struct hj_value {
    uintptr_t addr;      /* body or data; TLS: offset in its module's block */
    uintptr_t canonical; /* when the address is taken */
    uintptr_t stub;      /* this unit's call stub, or 0 */
    uint64_t size;
    bool direct, is_tls, tls_static, in_process, is_section;
    uint64_t tls_module;
    int64_t tpoff;
} hj_value;

static void value_of_unit_symbol(const hj_link_unit *owner, const hj_lsym *s, hj_value *v)
{
    v->addr = s->addr;
    v->canonical = s->canonical;
    v->size = s->size;
    v->tls_module = owner->tls_module;
    v->tls_static = owner->tls_static;
    v->tpoff = owner->tls_tpoff + (int64_t)s->addr;
    bool in_tls_section = s->section < owner->elf.shnum && owner->secs[s->section].seg == HJ_SEG_TLS_BLOCK;
    v->is_tls = s->type == STT_TLS || in_tls_section;
}

static void symbol_value(const hj_link_unit *unit, size_t i, hj_value *v)
{
    const hj_lsym *s = &unit->syms[i];
    const hj_target *t = &s->target;
    *v = (hj_value){0};
    if (s->bind == STB_LOCAL || t->kind == HJ_TARGET_SELF) {
        value_of_unit_symbol(unit, s, v);
        v->is_section = s->type == STT_SECTION;
        v->direct = s->direct_call || s->bind == STB_LOCAL;
    } else if (t->kind == HJ_TARGET_UNIT) {
        value_of_unit_symbol(t->unit, &t->unit->syms[t->sym], v);
    } else if (t->kind == HJ_TARGET_ADDR) {
        v->addr = v->canonical = t->addr;
        v->size = t->size;
        v->is_tls = t->is_tls;
        v->tls_static = t->tls_static;
        v->tls_module = t->tls_module;
        v->tpoff = t->tls_tpoff;
        v->in_process = !t->body;
        if (t->body) {
            v->addr = t->body;
            v->direct = true;
        }
        if (t->is_tls)
            v->addr = t->tls_offset;
    } else if (t->kind == HJ_TARGET_GOT) {
        v->addr = v->canonical = unit->seg_addr[HJ_SEG_RO] + unit->got_offset;
    } else if (t->kind == HJ_TARGET_DSO) {
        v->addr = v->canonical = unit->seg_addr[HJ_SEG_DATA] + unit->dso_offset;
    }
    if (s->call_stub)
        v->stub = unit->seg_addr[HJ_SEG_TEXT] + unit->stubs_offset +
                  (s->call_stub - 1) * unit->arch->call_stub_size;
}

static const char *section_name(const hj_link_unit *unit, size_t sec)
{
    return hj_elf_section_name(&unit->elf, sec);
}

static hj_status static_tls_error(const hj_link_unit *unit, size_t sec, uint64_t off, const char *rel,
                                  const char *sym, hj_err *err)
{
    return hj_fail(err, HJ_ERR_RELOC, "%s: section %s offset 0x%llx: %s against thread-local '%s' "
                   "needs the static TLS model, and its block is not in a static TLS pool (none "
                   "configured, pool full, or the defining module was added earlier with dynamic "
                   "TLS); " HJ_TLS_HINT, unit->elf.name, section_name(unit, sec),
                   (unsigned long long)off, rel, sym);
}

/* ------------------------------------------------------------------------------------
 * GOT and call stubs
 * ------------------------------------------------------------------------------------ */

enum { GOT_PLAIN, GOT_TLSGD, GOT_TPOFF, GOT_TLSLD };

static void fill_got(hj_link_unit *unit)
{
    uint64_t *got = (uint64_t *)(unit->seg_addr[HJ_SEG_RO] + unit->got_offset);
    for (size_t i = 0; i < unit->ngot; i++) {
        uint64_t key = unit->got_keys[i];
        size_t symi = (size_t)((key & ~(3ull << 62)) >> 2);
        int kind = (int)(key & 3), word = (int)(key >> 62);
        hj_value v;
        symbol_value(unit, symi, &v);
        if (kind == GOT_PLAIN)
            got[i] = v.canonical;
        else if (kind == GOT_TLSLD)
            got[i] = word == 0 ? unit->tls_module : 0;
        else if (kind == GOT_TLSGD)
            got[i] = word == 0 ? v.tls_module : v.addr;
        else /* GOT_TPOFF: a JIT-defined variable has none; its relocation reports it */
            got[i] = v.tls_static ? (uint64_t)v.tpoff : 0;
    }
}

static void write_call_stubs(hj_link_unit *unit)
{
    uintptr_t got = unit->seg_addr[HJ_SEG_RO] + unit->got_offset;
    for (size_t i = 1; i < unit->elf.nsyms; i++) {
        const hj_lsym *s = &unit->syms[i];
        if (!s->call_stub)
            continue;
        uint8_t *stub = (uint8_t *)(unit->seg_addr[HJ_SEG_TEXT] + unit->stubs_offset +
                                    (s->call_stub - 1) * unit->arch->call_stub_size);
        unit->arch->write_call_stub(stub, got + (s->got - 1) * 8);
    }
}

static void copy_sections(hj_link_unit *unit)
{
    for (size_t i = 1; i < unit->elf.shnum; i++) {
        const hj_lsec *sec = &unit->secs[i];
        const uint8_t *data = hj_elf_section_data(&unit->elf, i);
        if (sec->seg >= 0 && !sec->discarded && data && unit->elf.shdrs[i].sh_size)
            memcpy((void *)sec->addr, data, unit->elf.shdrs[i].sh_size);
    }
}

/* ------------------------------------------------------------------------------------
 * One relocation
 * ------------------------------------------------------------------------------------ */

typedef struct hj_place {
    size_t section;
    uint64_t offset;
    uintptr_t p;
    const char *sym;
    const hj_reloc_desc *desc;
} hj_place;

hj_status hj_link_move_symbol(hj_link_unit *unit, size_t sym, uintptr_t to, hj_err *err)
{
    hj_lsym *s = &unit->syms[sym];
    hj_remap *grown = realloc(unit->remaps, (unit->nremaps + 1) * sizeof *grown);
    if (!grown)
        return hj_fail(err, HJ_ERR_NOMEM, "out of memory");
    unit->remaps = grown;
    grown[unit->nremaps++] = (hj_remap){s->addr, s->size ? s->size : 1, to};
    s->addr = s->canonical = to;
    return HJ_OK;
}

/* A section symbol plus an offset that lands in moved data follows it. */
static uintptr_t remapped(const hj_link_unit *unit, uintptr_t target)
{
    for (size_t i = 0; i < unit->nremaps; i++) {
        const hj_remap *r = &unit->remaps[i];
        if (target - r->from < r->size)
            return r->to + (target - r->from);
    }
    return target;
}

static hj_status compute(const hj_link_unit *unit, const hj_place *at, const hj_value *v,
                         int64_t a, uint64_t *out, hj_err *err)
{
    uintptr_t got = unit->seg_addr[HJ_SEG_RO] + unit->got_offset;
    switch (at->desc->op) {
    case HJ_OP_NONE: return HJ_OK;
    case HJ_OP_ABS:
    case HJ_OP_PCREL: {
        uintptr_t target = v->canonical + (uint64_t)a;
        if (v->is_section && unit->nremaps)
            target = remapped(unit, target);
        *out = target - (at->desc->op == HJ_OP_PCREL ? at->p : 0);
        return HJ_OK;
    }
    case HJ_OP_CALL: {
        uintptr_t L = v->stub ? v->stub : v->direct ? v->addr : v->canonical;
        *out = L + (uint64_t)a - at->p;
        return HJ_OK;
    }
    case HJ_OP_GOTBASE_PCREL: *out = got + (uint64_t)a - at->p; return HJ_OK;
    case HJ_OP_GOTBASE_OFF: *out = v->canonical + (uint64_t)a - got; return HJ_OK;
    case HJ_OP_PLT_GOTOFF: *out = (v->direct ? v->addr : v->canonical) + (uint64_t)a - got; return HJ_OK;
    case HJ_OP_SIZE: *out = v->size + (uint64_t)a; return HJ_OK;
    case HJ_OP_DTPOFF: *out = v->addr + (uint64_t)a; return HJ_OK;
    case HJ_OP_TPOFF:
        if (!v->tls_static)
            return static_tls_error(unit, at->section, at->offset, at->desc->name, at->sym, err);
        *out = (uint64_t)v->tpoff + (uint64_t)a;
        return HJ_OK;
    default: break;
    }
    return hj_fail(err, HJ_ERR_RELOC, "internal: operation %d reached compute", at->desc->op);
}

static uint64_t got_slot(const hj_link_unit *unit, const hj_reloc_desc *d, const hj_lsym *s)
{
    uint32_t idx = d->op == HJ_OP_TLSGD_PCREL ? s->gd_got
                 : d->op == HJ_OP_TLSLD_PCREL ? unit->syms[0].gd_got
                 : d->op == HJ_OP_GOTTPOFF_PCREL ? s->tpoff_got : s->got;
    return (uint64_t)(idx - 1) * 8;
}

static hj_status value_for(const hj_link_unit *unit, const hj_place *at, const hj_lsym *s,
                           const hj_value *v, int64_t a, uint64_t *out, hj_err *err)
{
    uintptr_t got = unit->seg_addr[HJ_SEG_RO] + unit->got_offset;
    switch (at->desc->op) {
    case HJ_OP_GOT_PCREL:
    case HJ_OP_TLSGD_PCREL:
    case HJ_OP_TLSLD_PCREL:
        *out = got + got_slot(unit, at->desc, s) + (uint64_t)a - at->p;
        return HJ_OK;
    case HJ_OP_GOTTPOFF_PCREL:
        if (!v->tls_static)
            return static_tls_error(unit, at->section, at->offset, at->desc->name, at->sym, err);
        *out = got + got_slot(unit, at->desc, s) + (uint64_t)a - at->p;
        return HJ_OK;
    case HJ_OP_GOT_OFF:
        *out = got_slot(unit, at->desc, s) + (uint64_t)a;
        return HJ_OK;
    default:
        return compute(unit, at, v, a, out, err);
    }
}

static hj_status range_error(const hj_link_unit *unit, const hj_place *at, const hj_value *v,
                             uint64_t value, hj_err *err)
{
    const char *hint = v->in_process
        ? "; the symbol is writable data of the process, beyond the reach of this 32-bit "
          "reference: compile with -fPIC so it goes through the GOT"
        : "";
    return hj_fail(err, HJ_ERR_RELOC, "%s: section %s offset 0x%llx: %s against '%s' out of range "
                   "(value 0x%llx at 0x%llx)%s", unit->elf.name, section_name(unit, at->section),
                   (unsigned long long)at->offset, at->desc->name, at->sym,
                   (unsigned long long)value, (unsigned long long)at->p, hint);
}

static hj_status discarded_reference(hj_link_unit *unit, const hj_place *at, hj_err *err)
{
    if (at->section == unit->eh_frame_section) { /* the FDE of a dropped COMDAT function */
        const hj_lsec *eh = &unit->secs[at->section];
        hj_eh_drop_record((uint8_t *)eh->addr, unit->elf.shdrs[at->section].sh_size, at->offset);
        return HJ_OK;
    }
    return hj_fail(err, HJ_ERR_RELOC, "%s: section %s offset 0x%llx: %s refers to '%s' in a "
                   "discarded COMDAT section", unit->elf.name, section_name(unit, at->section),
                   (unsigned long long)at->offset, at->desc->name, at->sym);
}

static hj_status apply_one(hj_link_unit *unit, size_t rela_sec, const Elf64_Rela *r,
                           const hj_reloc_desc *d, void *ctx, hj_err *err)
{
    const hj_reloc_desc desc = *d;
    size_t sec = unit->elf.shdrs[rela_sec].sh_info;
    const Elf64_Shdr *target = &unit->elf.shdrs[sec];
    const hj_lsym *s = &unit->syms[ELF64_R_SYM(r->r_info)];
    const char *sym_name = s->name[0] || s->section >= unit->elf.shnum
                               ? s->name : section_name(unit, s->section); /* section symbols */
    hj_place at = {sec, r->r_offset, unit->secs[sec].addr + r->r_offset, sym_name, &desc};
    if (target->sh_type == SHT_NOBITS || r->r_offset > target->sh_size ||
        desc.size > target->sh_size - r->r_offset)
        return hj_fail(err, HJ_ERR_FORMAT, "%s: section %s offset 0x%llx: %s patches %u bytes outside "
                       "the section (size 0x%llx)", unit->elf.name, section_name(unit, sec),
                       (unsigned long long)r->r_offset, desc.name, desc.size,
                       (unsigned long long)target->sh_size);
    if (desc.op == HJ_OP_NONE)
        return HJ_OK;
    if (s->bind == STB_LOCAL && s->discarded)
        return discarded_reference(unit, &at, err);
    hj_value v;
    symbol_value(unit, ELF64_R_SYM(r->r_info), &v);
    uint64_t value = 0;
    HJ_TRY(value_for(unit, &at, s, &v, r->r_addend, &value, err));
    if (!unit->arch->apply(&desc, (uint8_t *)at.p, value))
        return range_error(unit, &at, &v, value, err);
    return HJ_OK;
}

hj_status hj_link_relocate(hj_link_unit *unit, hj_err *err)
{
    copy_sections(unit);
    fill_got(unit);
    write_call_stubs(unit);
    return hj_link_each_relocation(unit, apply_one, NULL, err);
}
