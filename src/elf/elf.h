/* The one reader of untrusted object bytes. hj_elf_open validates the header, the
 * section table, the string tables and the symbol table once; every accessor below then
 * checks its index, offset and size before it touches a byte. Bad input yields an error
 * naming the module, section and offset, never a crash. */
#ifndef HJ_ELF_ELF_H
#define HJ_ELF_ELF_H

#include <elf.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "common/err.h"

typedef struct hj_elf {
    const char *name; /* module name for messages */
    const uint8_t *data;
    size_t size;
    const Elf64_Ehdr *ehdr;
    const Elf64_Shdr *shdrs;
    size_t shnum;
    const char *shstrtab;
    size_t shstrtab_size;
    size_t symtab_index; /* 0 when the object has no symbol table */
    const Elf64_Sym *syms;
    size_t nsyms;
    const char *strtab;
    size_t strtab_size;
    const uint32_t *symtab_shndx; /* SHT_SYMTAB_SHNDX contents, or NULL */
} hj_elf;

/* Validates `data` as an ELF64 little-endian relocatable object for `machine`. The bytes
 * must stay alive and unchanged while elf is used. */
hj_status hj_elf_open(hj_elf *elf, const char *name, const void *data, size_t size,
                      uint16_t machine, hj_err *err);

/* Sections. Indices were validated by hj_elf_open for the header fields it checks;
 * these accessors take any index and fail cleanly. */
const Elf64_Shdr *hj_elf_shdr(const hj_elf *elf, size_t index);
const char *hj_elf_section_name(const hj_elf *elf, size_t index); /* "?" if unnamed */
/* Contents of a section that has bytes in the file (not SHT_NOBITS); NULL otherwise. */
const uint8_t *hj_elf_section_data(const hj_elf *elf, size_t index);

/* Symbols: index 0 is the null symbol. The name is "" for unnamed symbols. */
hj_status hj_elf_symbol(const hj_elf *elf, size_t index, const Elf64_Sym **sym,
                        const char **name, hj_err *err);
/* The section a symbol is defined in, resolving SHN_XINDEX; SHN_UNDEF, SHN_ABS and
 * SHN_COMMON are returned as they are. */
size_t hj_elf_symbol_section(const hj_elf *elf, size_t index);

/* Relocations of a SHT_RELA section: count and entry i, with the symbol index checked. */
size_t hj_elf_rela_count(const hj_elf *elf, size_t rela_section);
hj_status hj_elf_rela(const hj_elf *elf, size_t rela_section, size_t i, Elf64_Rela *out,
                      hj_err *err);

/* Group sections: the member section indices of SHT_GROUP section `index`. */
hj_status hj_elf_group(const hj_elf *elf, size_t index, const uint32_t **members,
                       size_t *count, uint32_t *flags, hj_err *err);

#endif
