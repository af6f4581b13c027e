/* Opening a unit: sections classified by permission, symbols read and checked, COMDAT
 * groups listed; and, after relocation, protection and the constructor lists. */
#include "link/link.h"

#include <stdlib.h>
#include <string.h>


#ifndef SHF_EXCLUDE
#define SHF_EXCLUDE 0x80000000u
#endif
#define HJ_DEFAULT_PRIORITY 65536u

enum hj_init_kind { HJ_INIT_NONE, HJ_INIT_FORWARD, HJ_INIT_REVERSED, HJ_FINI_FORWARD, HJ_FINI_REVERSED };

/* ------------------------------------------------------------------------------------
 * Sections
 * ------------------------------------------------------------------------------------ */

static bool has_prefix(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* ".init_array.00101" -> 101; an unnumbered array runs after every numbered one. */
static uint32_t name_priority(const char *name, const char *base, bool inverted)
{
    if (!has_prefix(name, base)) /* typed as an array but named otherwise */
        return HJ_DEFAULT_PRIORITY;
    const char *suffix = name + strlen(base);
    if (*suffix != '.')
        return HJ_DEFAULT_PRIORITY;
    uint32_t n = (uint32_t)strtoul(suffix + 1, NULL, 10);
    if (n > 65535)
        n = 65535;
    return inverted ? 65535 - n : n; /* .ctors.N is numbered from the other end */
}

static void classify_init(hj_lsec *sec, const Elf64_Shdr *sh, const char *name)
{
    if (sh->sh_type == SHT_INIT_ARRAY || sh->sh_type == SHT_PREINIT_ARRAY) {
        sec->init_kind = HJ_INIT_FORWARD;
        sec->priority = sh->sh_type == SHT_PREINIT_ARRAY ? 0 : name_priority(name, ".init_array", false);
    } else if (sh->sh_type == SHT_FINI_ARRAY) {
        sec->init_kind = HJ_FINI_FORWARD;
        sec->priority = name_priority(name, ".fini_array", false);
    } else if (has_prefix(name, ".ctors") && (name[6] == '\0' || name[6] == '.')) {
        sec->init_kind = HJ_INIT_REVERSED;
        sec->priority = name_priority(name, ".ctors", true);
    } else if (has_prefix(name, ".dtors") && (name[6] == '\0' || name[6] == '.')) {
        sec->init_kind = HJ_FINI_REVERSED;
        sec->priority = name_priority(name, ".dtors", true);
    }
}

static int segment_of(const Elf64_Shdr *sh, const hj_lsec *sec, const char *name)
{
    if (!(sh->sh_flags & SHF_ALLOC) || (sh->sh_flags & SHF_EXCLUDE))
        return -1;
    if (sh->sh_flags & SHF_TLS)
        return HJ_SEG_TLS_BLOCK;
    if (sh->sh_flags & SHF_EXECINSTR)
        return HJ_SEG_TEXT;
    if (!(sh->sh_flags & SHF_WRITE))
        return HJ_SEG_RO;
    /* Written only by relocation: read-only once linked (RELRO). */
    if (sec->init_kind != HJ_INIT_NONE || has_prefix(name, ".data.rel.ro"))
        return sh->sh_type == SHT_NOBITS ? HJ_SEG_DATA : HJ_SEG_RO;
    return HJ_SEG_DATA;
}

static hj_status classify_sections(hj_link_unit *unit, hj_err *err)
{
    const hj_elf *elf = &unit->elf;
    unit->secs = calloc(elf->shnum, sizeof *unit->secs);
    if (!unit->secs)
        return hj_fail(err, HJ_ERR_NOMEM, "%s: out of memory", elf->name);
    for (size_t i = 0; i < elf->shnum; i++) {
        const Elf64_Shdr *sh = &elf->shdrs[i];
        const char *name = hj_elf_section_name(elf, i);
        hj_lsec *sec = &unit->secs[i];
        classify_init(sec, sh, name);
        sec->seg = i == 0 ? -1 : segment_of(sh, sec, name);
        if (sec->seg >= 0 && !strcmp(name, ".eh_frame"))
            unit->eh_frame_section = i;
        bool table = sec->init_kind != HJ_INIT_NONE && sec->seg >= 0;
        if (table && sh->sh_size % sizeof(void *))
            return hj_fail(err, HJ_ERR_FORMAT, "%s: section %s: size %llu is not a multiple of 8",
                           elf->name, name, (unsigned long long)sh->sh_size);
        if (table && (sh->sh_type == SHT_NOBITS || sec->seg == HJ_SEG_TLS_BLOCK))
            return hj_fail(err, HJ_ERR_FORMAT, "%s: section %s: a constructor or destructor table "
                           "cannot be thread-local or without contents", elf->name, name);
    }
    return HJ_OK;
}

/* ------------------------------------------------------------------------------------
 * Symbols and groups
 * ------------------------------------------------------------------------------------ */

static hj_status read_symbol(hj_link_unit *unit, size_t i, hj_err *err)
{
    const hj_elf *elf = &unit->elf;
    const Elf64_Sym *s;
    const char *name;
    HJ_TRY(hj_elf_symbol(elf, i, &s, &name, err));
    hj_lsym *sym = &unit->syms[i];
    *sym = (hj_lsym){.name = name, .value = s->st_value, .size = s->st_size,
                     .section = hj_elf_symbol_section(elf, i),
                     .bind = ELF64_ST_BIND(s->st_info), .type = ELF64_ST_TYPE(s->st_info)};
    if (sym->section == SHN_COMMON && (sym->value & (sym->value - 1)))
        return hj_fail(err, HJ_ERR_FORMAT, "%s: common symbol '%s': alignment %llu is not a power of two",
                       elf->name, name, (unsigned long long)sym->value);
    if (sym->section != SHN_UNDEF && sym->section < SHN_LORESERVE) {
        const Elf64_Shdr *sh = &elf->shdrs[sym->section];
        if (sym->type != STT_SECTION && sym->value > sh->sh_size)
            return hj_fail(err, HJ_ERR_FORMAT, "%s: symbol '%s': value 0x%llx lies beyond the end "
                           "of section %s", elf->name, name, (unsigned long long)sym->value,
                           hj_elf_section_name(elf, sym->section));
    }
    if (sym->bind != STB_LOCAL && !unit->first_global)
        unit->first_global = i;
    if (sym->type == STT_GNU_IFUNC)
        return hj_fail(err, HJ_ERR_FORMAT, "%s: symbol '%s': IFUNC definitions are not supported",
                       elf->name, name);
    return HJ_OK;
}

static hj_status read_groups(hj_link_unit *unit, hj_err *err)
{
    const hj_elf *elf = &unit->elf;
    for (size_t i = 1; i < elf->shnum; i++) {
        if (elf->shdrs[i].sh_type != SHT_GROUP)
            continue;
        const uint32_t *members;
        size_t count;
        uint32_t flags;
        HJ_TRY(hj_elf_group(elf, i, &members, &count, &flags, err));
        size_t sig = elf->shdrs[i].sh_info;
        if (!(flags & GRP_COMDAT))
            continue;
        if (sig == 0 || sig >= elf->nsyms)
            return hj_fail(err, HJ_ERR_FORMAT, "%s: group %s: signature symbol %zu does not exist",
                           elf->name, hj_elf_section_name(elf, i), sig);
        hj_group *groups = realloc(unit->groups, (unit->ngroups + 1) * sizeof *groups);
        if (!groups)
            return hj_fail(err, HJ_ERR_NOMEM, "%s: out of memory", elf->name);
        unit->groups = groups;
        groups[unit->ngroups++] = (hj_group){unit->syms[sig].name, i, true};
    }
    return HJ_OK;
}

static hj_status read_symbols(hj_link_unit *unit, hj_err *err)
{
    const hj_elf *elf = &unit->elf;
    unit->syms = calloc(elf->nsyms ? elf->nsyms : 1, sizeof *unit->syms);
    if (!unit->syms)
        return hj_fail(err, HJ_ERR_NOMEM, "%s: out of memory", elf->name);
    unit->syms[0].name = ""; /* the null symbol: relocations without one use value 0 */
    for (size_t i = 1; i < elf->nsyms; i++)
        HJ_TRY(read_symbol(unit, i, err));
    return read_groups(unit, err);
}

static hj_status check_eh_frame(const hj_link_unit *unit, hj_err *err)
{
    size_t s = unit->eh_frame_section, bad;
    const uint8_t *data = s ? hj_elf_section_data(&unit->elf, s) : NULL;
    if (data && !hj_eh_check(data, unit->elf.shdrs[s].sh_size, &bad))
        return hj_fail(err, HJ_ERR_FORMAT, "%s: section .eh_frame offset 0x%zx: malformed record "
                       "(length outside the section, or an FDE without its CIE)",
                       unit->elf.name, bad);
    return HJ_OK;
}

hj_status hj_link_open(hj_link_unit *unit, const hj_arch *arch, const char *name,
                       const void *data, size_t size, hj_err *err)
{
    *unit = (hj_link_unit){.arch = arch};
    if ((uintptr_t)data & 7) { /* the reader wants aligned headers: copy only then */
        unit->bytes = malloc(size ? size : 1);
        if (!unit->bytes)
            return hj_fail(err, HJ_ERR_NOMEM, "%s: out of memory for %zu bytes", name, size);
        memcpy(unit->bytes, data, size);
        data = unit->bytes;
    }
    hj_status st = hj_elf_open(&unit->elf, name, data, size, arch->machine, err);
    if (st == HJ_OK)
        st = classify_sections(unit, err);
    if (st == HJ_OK)
        st = read_symbols(unit, err);
    if (st == HJ_OK)
        st = check_eh_frame(unit, err);
    if (st != HJ_OK)
        hj_link_close(unit);
    return st;
}

void hj_link_close(hj_link_unit *unit)
{
    free(unit->bytes);
    free(unit->secs);
    free(unit->syms);
    free(unit->groups);
    free(unit->inits);
    free(unit->finis);
    free(unit->got_keys);
    free(unit->remaps);
    *unit = (hj_link_unit){0};
}

void hj_link_discard_group(hj_link_unit *unit, size_t g)
{
    const uint32_t *members;
    size_t count;
    uint32_t flags;
    hj_group *group = &unit->groups[g];
    group->keep = false;
    if (hj_elf_group(&unit->elf, group->section, &members, &count, &flags, NULL) != HJ_OK)
        return;
    for (size_t i = 0; i < count; i++)
        unit->secs[members[i]].discarded = true;
    for (size_t i = 1; i < unit->elf.nsyms; i++) {
        size_t s = unit->syms[i].section;
        if (s != SHN_UNDEF && s < unit->elf.shnum && unit->secs[s].discarded)
            unit->syms[i].discarded = true;
    }
}

bool hj_link_defines(const hj_link_unit *unit, size_t sym)
{
    const hj_lsym *s = &unit->syms[sym];
    return s->bind != STB_LOCAL && s->section != SHN_UNDEF && !s->discarded;
}

bool hj_lsym_is_func(const hj_lsym *sym) { return sym->type == STT_FUNC || sym->type == STT_GNU_IFUNC; }
bool hj_lsym_is_tls(const hj_lsym *sym) { return sym->type == STT_TLS; }

/* ------------------------------------------------------------------------------------
 * Protection and constructor lists
 * ------------------------------------------------------------------------------------ */

static hj_status append_fns(hj_link_unit *unit, const hj_lsec *sec, size_t size)
{
    bool is_init = sec->init_kind == HJ_INIT_FORWARD || sec->init_kind == HJ_INIT_REVERSED;
    bool reversed = sec->init_kind == HJ_INIT_REVERSED || sec->init_kind == HJ_FINI_REVERSED;
    hj_initfn **list = is_init ? &unit->inits : &unit->finis;
    size_t *n = is_init ? &unit->ninits : &unit->nfinis;
    size_t count = size / sizeof(void *);
    hj_initfn *grown = realloc(*list, (*n + count + 1) * sizeof **list);
    if (!grown)
        return hj_fail(NULL, HJ_ERR_NOMEM, "out of memory");
    *list = grown;
    for (size_t i = 0; i < count; i++) {
        uintptr_t fn; /* the table may be less aligned than its entries */
        memcpy(&fn, (const uint8_t *)sec->addr + (reversed ? count - 1 - i : i) * sizeof fn, sizeof fn);
        if (fn == 0 || fn == UINTPTR_MAX) /* .ctors list markers */
            continue;
        grown[(*n)] = (hj_initfn){sec->priority, (uint32_t)*n, (void (*)(void))fn};
        (*n)++;
    }
    return HJ_OK;
}

static int compare_initfn(const void *a, const void *b)
{
    const hj_initfn *x = a, *y = b;
    if (x->priority != y->priority)
        return x->priority < y->priority ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static hj_status collect_initfns(hj_link_unit *unit, hj_err *err)
{
    for (size_t i = 1; i < unit->elf.shnum; i++) {
        const hj_lsec *sec = &unit->secs[i];
        if (sec->init_kind == HJ_INIT_NONE || sec->seg < 0 || sec->discarded)
            continue;
        if (append_fns(unit, sec, unit->elf.shdrs[i].sh_size) != HJ_OK)
            return hj_fail(err, HJ_ERR_NOMEM, "%s: out of memory", unit->elf.name);
    }
    if (unit->ninits)
        qsort(unit->inits, unit->ninits, sizeof *unit->inits, compare_initfn);
    if (unit->nfinis)
        qsort(unit->finis, unit->nfinis, sizeof *unit->finis, compare_initfn);
    return HJ_OK;
}

hj_status hj_link_collect_initfns(hj_link_unit *unit, hj_err *err)
{
    return collect_initfns(unit, err);
}
