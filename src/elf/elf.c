#include "elf/elf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------------------------
 * Range helpers: every check is written so that it cannot overflow.
 * ------------------------------------------------------------------------------------ */

static bool in_file(const hj_elf *elf, uint64_t offset, uint64_t size)
{
    return offset <= elf->size && size <= elf->size - offset;
}

static bool aligned8(uint64_t value) { return (value & 7) == 0; }

static bool is_strtab(const hj_elf *elf, size_t index)
{
    const Elf64_Shdr *sh = hj_elf_shdr(elf, index);
    return sh && sh->sh_type == SHT_STRTAB && sh->sh_size > 0 &&
           elf->data[sh->sh_offset + sh->sh_size - 1] == '\0';
}

const Elf64_Shdr *hj_elf_shdr(const hj_elf *elf, size_t index)
{
    return index < elf->shnum ? &elf->shdrs[index] : NULL;
}

const char *hj_elf_section_name(const hj_elf *elf, size_t index)
{
    const Elf64_Shdr *sh = hj_elf_shdr(elf, index);
    if (!sh || !elf->shstrtab || sh->sh_name >= elf->shstrtab_size)
        return "?";
    return elf->shstrtab + sh->sh_name;
}

const uint8_t *hj_elf_section_data(const hj_elf *elf, size_t index)
{
    const Elf64_Shdr *sh = hj_elf_shdr(elf, index);
    if (!sh || sh->sh_type == SHT_NOBITS)
        return NULL;
    return elf->data + sh->sh_offset;
}

/* ------------------------------------------------------------------------------------
 * Header and section table
 * ------------------------------------------------------------------------------------ */

static hj_status check_header(hj_elf *elf, uint16_t machine, hj_err *err)
{
    const char *n = elf->name;
    if (elf->size < sizeof(Elf64_Ehdr))
        return hj_fail(err, HJ_ERR_FORMAT, "%s: truncated ELF header (%zu bytes)", n, elf->size);
    const Elf64_Ehdr *eh = elf->ehdr = (const Elf64_Ehdr *)elf->data;
    if (memcmp(eh->e_ident, ELFMAG, SELFMAG) != 0)
        return hj_fail(err, HJ_ERR_FORMAT, "%s: not an ELF file", n);
    if (eh->e_ident[EI_CLASS] != ELFCLASS64 || eh->e_ident[EI_DATA] != ELFDATA2LSB)
        return hj_fail(err, HJ_ERR_FORMAT, "%s: not a 64-bit little-endian ELF file", n);
    if (eh->e_type != ET_REL)
        return hj_fail(err, HJ_ERR_FORMAT,
                       "%s: ELF type %u is not a relocatable object (compile with -c)", n,
                       eh->e_type);
    if (eh->e_machine != machine)
        return hj_fail(err, HJ_ERR_FORMAT, "%s: object is for machine %u, this engine links %u",
                       n, eh->e_machine, machine);
    if (eh->e_shentsize != sizeof(Elf64_Shdr) || !aligned8(eh->e_shoff))
        return hj_fail(err, HJ_ERR_FORMAT, "%s: bad section header size or alignment", n);
    return HJ_OK;
}

typedef struct file_range {
    uint64_t start, end;
    size_t section; /* SIZE_MAX: the ELF header, SIZE_MAX - 1: the section table */
} file_range;

static int compare_ranges(const void *a, const void *b)
{
    const file_range *x = a, *y = b;
    return x->start < y->start ? -1 : x->start > y->start;
}

static const char *range_name(const hj_elf *elf, size_t section, char *buf, size_t size)
{
    if (section == SIZE_MAX)
        return "the ELF header";
    if (section == SIZE_MAX - 1)
        return "the section header table";
    snprintf(buf, size, "section %zu", section);
    return buf;
}

/* No two sections, nor a section and the headers, may share bytes of the file: one
 * byte read as two different things is how malformed objects confuse linkers. */
static hj_status check_overlaps(const hj_elf *elf, hj_err *err)
{
    file_range *r = malloc((elf->shnum + 2) * sizeof *r);
    if (!r)
        return hj_fail(err, HJ_ERR_NOMEM, "%s: out of memory", elf->name);
    size_t n = 0;
    r[n++] = (file_range){0, sizeof(Elf64_Ehdr), SIZE_MAX};
    r[n++] = (file_range){elf->ehdr->e_shoff, elf->ehdr->e_shoff + elf->shnum * sizeof(Elf64_Shdr),
                          SIZE_MAX - 1};
    for (size_t i = 1; i < elf->shnum; i++) {
        const Elf64_Shdr *sh = &elf->shdrs[i];
        if (sh->sh_type != SHT_NOBITS && sh->sh_size)
            r[n++] = (file_range){sh->sh_offset, sh->sh_offset + sh->sh_size, i};
    }
    qsort(r, n, sizeof *r, compare_ranges);
    hj_status st = HJ_OK;
    for (size_t i = 1; i < n && st == HJ_OK; i++)
        if (r[i].start < r[i - 1].end) {
            char a[32], b[32];
            st = hj_fail(err, HJ_ERR_FORMAT, "%s: %s (offset 0x%llx) overlaps %s in the file",
                         elf->name, range_name(elf, r[i].section, a, sizeof a),
                         (unsigned long long)r[i].start, range_name(elf, r[i - 1].section, b, sizeof b));
        }
    free(r);
    return st;
}

static hj_status read_section_table(hj_elf *elf, hj_err *err)
{
    const Elf64_Ehdr *eh = elf->ehdr;
    if (!eh->e_shoff || !in_file(elf, eh->e_shoff, sizeof(Elf64_Shdr)))
        return hj_fail(err, HJ_ERR_FORMAT, "%s: section header table offset 0x%llx is outside the file",
                       elf->name, (unsigned long long)eh->e_shoff);
    elf->shdrs = (const Elf64_Shdr *)(elf->data + eh->e_shoff);
    uint64_t shnum = eh->e_shnum ? eh->e_shnum : elf->shdrs[0].sh_size;
    if (shnum == 0 || shnum > (elf->size - eh->e_shoff) / sizeof(Elf64_Shdr))
        return hj_fail(err, HJ_ERR_FORMAT, "%s: %llu section headers do not fit in the file",
                       elf->name, (unsigned long long)shnum);
    elf->shnum = (size_t)shnum;
    for (size_t i = 1; i < elf->shnum; i++) {
        const Elf64_Shdr *sh = &elf->shdrs[i];
        if (sh->sh_type != SHT_NOBITS && !in_file(elf, sh->sh_offset, sh->sh_size))
            return hj_fail(err, HJ_ERR_FORMAT,
                           "%s: section %zu: offset 0x%llx size 0x%llx lies outside the file",
                           elf->name, i, (unsigned long long)sh->sh_offset,
                           (unsigned long long)sh->sh_size);
        if (sh->sh_addralign & (sh->sh_addralign - 1))
            return hj_fail(err, HJ_ERR_FORMAT, "%s: section %zu: alignment %llu is not a power of two",
                           elf->name, i, (unsigned long long)sh->sh_addralign);
    }
    HJ_TRY(check_overlaps(elf, err));
    size_t shstrndx = eh->e_shstrndx == SHN_XINDEX ? elf->shdrs[0].sh_link : eh->e_shstrndx;
    if (shstrndx != SHN_UNDEF) {
        if (!is_strtab(elf, shstrndx))
            return hj_fail(err, HJ_ERR_FORMAT, "%s: section name table index %zu is invalid",
                           elf->name, shstrndx);
        elf->shstrtab = (const char *)elf->data + elf->shdrs[shstrndx].sh_offset;
        elf->shstrtab_size = elf->shdrs[shstrndx].sh_size;
    }
    return HJ_OK;
}

/* ------------------------------------------------------------------------------------
 * Symbol table and the tables that refer to it
 * ------------------------------------------------------------------------------------ */

static hj_status read_symtab(hj_elf *elf, size_t i, hj_err *err)
{
    const Elf64_Shdr *sh = &elf->shdrs[i];
    if (elf->symtab_index)
        return hj_fail(err, HJ_ERR_FORMAT, "%s: more than one symbol table", elf->name);
    if (sh->sh_entsize != sizeof(Elf64_Sym) || sh->sh_size % sizeof(Elf64_Sym) ||
        !aligned8(sh->sh_offset))
        return hj_fail(err, HJ_ERR_FORMAT, "%s: symbol table %s has a bad entry size or alignment",
                       elf->name, hj_elf_section_name(elf, i));
    if (!is_strtab(elf, sh->sh_link))
        return hj_fail(err, HJ_ERR_FORMAT, "%s: symbol table's string table (section %u) is invalid",
                       elf->name, sh->sh_link);
    elf->symtab_index = i;
    elf->syms = (const Elf64_Sym *)(elf->data + sh->sh_offset);
    elf->nsyms = sh->sh_size / sizeof(Elf64_Sym);
    elf->strtab = (const char *)elf->data + elf->shdrs[sh->sh_link].sh_offset;
    elf->strtab_size = elf->shdrs[sh->sh_link].sh_size;
    return HJ_OK;
}

static hj_status check_linked_tables(hj_elf *elf, hj_err *err)
{
    for (size_t i = 1; i < elf->shnum; i++) {
        const Elf64_Shdr *sh = &elf->shdrs[i];
        const char *sec = hj_elf_section_name(elf, i);
        if (sh->sh_type == SHT_REL)
            return hj_fail(err, HJ_ERR_FORMAT, "%s: section %s: REL relocations are not used on "
                           "this architecture (expected RELA)", elf->name, sec);
        if (sh->sh_type == SHT_RELA) {
            if (sh->sh_entsize != sizeof(Elf64_Rela) || sh->sh_size % sizeof(Elf64_Rela) ||
                !aligned8(sh->sh_offset))
                return hj_fail(err, HJ_ERR_FORMAT, "%s: section %s: bad relocation entry size",
                               elf->name, sec);
            if (sh->sh_link != elf->symtab_index || !elf->symtab_index)
                return hj_fail(err, HJ_ERR_FORMAT, "%s: section %s: does not link to the symbol table",
                               elf->name, sec);
            if (sh->sh_info == 0 || sh->sh_info >= elf->shnum)
                return hj_fail(err, HJ_ERR_FORMAT, "%s: section %s: target section %u does not exist",
                               elf->name, sec, sh->sh_info);
        }
        if (sh->sh_type == SHT_SYMTAB_SHNDX) {
            if (sh->sh_link != elf->symtab_index || !elf->symtab_index ||
                sh->sh_size / 4 < elf->nsyms || (sh->sh_offset & 3))
                return hj_fail(err, HJ_ERR_FORMAT, "%s: section %s: bad extended section index table",
                               elf->name, sec);
            elf->symtab_shndx = (const uint32_t *)(elf->data + sh->sh_offset);
        }
        if (sh->sh_type == SHT_GROUP && (sh->sh_link != elf->symtab_index || !elf->symtab_index))
            return hj_fail(err, HJ_ERR_FORMAT, "%s: group section %s: does not link to the symbol table",
                           elf->name, sec);
    }
    return HJ_OK;
}

hj_status hj_elf_open(hj_elf *elf, const char *name, const void *data, size_t size,
                      uint16_t machine, hj_err *err)
{
    *elf = (hj_elf){.name = name, .data = data, .size = size};
    if (!data || ((uintptr_t)data & 7))
        return hj_fail(err, HJ_ERR_ARG, "%s: object bytes must be 8-byte aligned", name);
    HJ_TRY(check_header(elf, machine, err));
    HJ_TRY(read_section_table(elf, err));
    for (size_t i = 1; i < elf->shnum; i++)
        if (elf->shdrs[i].sh_type == SHT_SYMTAB)
            HJ_TRY(read_symtab(elf, i, err));
    return check_linked_tables(elf, err);
}

#ifndef SHN_X86_64_LCOMMON
#define SHN_X86_64_LCOMMON 0xff02
#endif

size_t hj_elf_symbol_section(const hj_elf *elf, size_t index)
{
    const Elf64_Sym *sym = &elf->syms[index];
    /* -mcmodel=medium's large common symbols are common symbols like any other here:
     * the whole engine region is in reach of 64-bit and 32-bit PC-relative code alike. */
    if (sym->st_shndx == SHN_X86_64_LCOMMON && elf->ehdr->e_machine == EM_X86_64)
        return SHN_COMMON;
    if (sym->st_shndx == SHN_XINDEX)
        return elf->symtab_shndx ? elf->symtab_shndx[index] : SIZE_MAX;
    return sym->st_shndx;
}

hj_status hj_elf_symbol(const hj_elf *elf, size_t index, const Elf64_Sym **sym,
                        const char **name, hj_err *err)
{
    if (index >= elf->nsyms)
        return hj_fail(err, HJ_ERR_FORMAT, "%s: symbol index %zu out of range (%zu symbols)",
                       elf->name, index, elf->nsyms);
    const Elf64_Sym *s = &elf->syms[index];
    if (s->st_name >= elf->strtab_size)
        return hj_fail(err, HJ_ERR_FORMAT, "%s: symbol %zu: name offset 0x%x outside the string table",
                       elf->name, index, s->st_name);
    size_t shndx = hj_elf_symbol_section(elf, index);
    bool special = shndx == SHN_UNDEF || shndx == SHN_ABS || shndx == SHN_COMMON;
    if (!special && shndx >= elf->shnum)
        return hj_fail(err, HJ_ERR_FORMAT, "%s: symbol %zu (%s): section index %zu out of range",
                       elf->name, index, elf->strtab + s->st_name, shndx);
    *sym = s;
    *name = elf->strtab + s->st_name;
    return HJ_OK;
}

size_t hj_elf_rela_count(const hj_elf *elf, size_t rela_section)
{
    const Elf64_Shdr *sh = hj_elf_shdr(elf, rela_section);
    return sh && sh->sh_type == SHT_RELA ? sh->sh_size / sizeof(Elf64_Rela) : 0;
}

hj_status hj_elf_rela(const hj_elf *elf, size_t rela_section, size_t i, Elf64_Rela *out,
                      hj_err *err)
{
    if (i >= hj_elf_rela_count(elf, rela_section))
        return hj_fail(err, HJ_ERR_FORMAT, "%s: relocation %zu of section %zu does not exist",
                       elf->name, i, rela_section);
    const Elf64_Shdr *sh = &elf->shdrs[rela_section];
    memcpy(out, elf->data + sh->sh_offset + i * sizeof *out, sizeof *out);
    size_t sym = ELF64_R_SYM(out->r_info);
    if (sym >= elf->nsyms)
        return hj_fail(err, HJ_ERR_FORMAT, "%s: section %s: relocation at offset 0x%llx names symbol "
                       "%zu, but there are only %zu", elf->name, hj_elf_section_name(elf, sh->sh_info),
                       (unsigned long long)out->r_offset, sym, elf->nsyms);
    return HJ_OK;
}

hj_status hj_elf_group(const hj_elf *elf, size_t index, const uint32_t **members,
                       size_t *count, uint32_t *flags, hj_err *err)
{
    const Elf64_Shdr *sh = hj_elf_shdr(elf, index);
    if (!sh || sh->sh_type != SHT_GROUP || sh->sh_size < 4 || sh->sh_size % 4 || (sh->sh_offset & 3))
        return hj_fail(err, HJ_ERR_FORMAT, "%s: section %zu is not a valid group", elf->name, index);
    const uint32_t *words = (const uint32_t *)(elf->data + sh->sh_offset);
    for (size_t i = 1; i < sh->sh_size / 4; i++)
        if (words[i] == 0 || words[i] >= elf->shnum)
            return hj_fail(err, HJ_ERR_FORMAT, "%s: group %s: member section %u does not exist",
                           elf->name, hj_elf_section_name(elf, index), words[i]);
    *flags = words[0];
    *members = words + 1;
    *count = sh->sh_size / 4 - 1;
    return HJ_OK;
}
