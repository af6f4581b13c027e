/* internal2hidden — rewrite STV_INTERNAL symbols as STV_HIDDEN in ELF64
 * relocatable objects, in place.
 *
 * usage: internal2hidden FILE.o...
 *
 * Why: Lua marks its internal functions LUAI_FUNC =
 * __attribute__((visibility("internal"))) on gcc/clang + ELF, and
 * llvm-jitlink-14 rejects such objects ("Unrecognized symbol visibility 1").
 * bench/lua_link.sh runs llvm-jitlink a second time on copies of the objects
 * passed through this tool.  Only the two visibility bits of st_other change:
 * code, data and relocations stay byte-identical, and for linking
 * relocatable objects internal and hidden mean the same thing (the symbol is
 * not exported from the linked unit).
 *
 * Prints "FILE: N symbols" per file; exits non-zero on malformed input.
 */
#include <elf.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int fix(const char *path)
{
    FILE *f = fopen(path, "r+b");
    if (!f) {
        perror(path);
        return 1;
    }
    if (fseek(f, 0, SEEK_END) != 0) {
        perror(path);
        fclose(f);
        return 1;
    }
    long len = ftell(f);
    rewind(f);
    if (len < (long)sizeof(Elf64_Ehdr)) {
        fprintf(stderr, "%s: too small for an ELF64 header\n", path);
        fclose(f);
        return 1;
    }
    unsigned char *b = malloc((size_t)len);
    if (!b || fread(b, 1, (size_t)len, f) != (size_t)len) {
        fprintf(stderr, "%s: cannot read\n", path);
        free(b);
        fclose(f);
        return 1;
    }
    Elf64_Ehdr eh;
    memcpy(&eh, b, sizeof eh);
    if (memcmp(eh.e_ident, ELFMAG, SELFMAG) != 0 || eh.e_ident[EI_CLASS] != ELFCLASS64 ||
        eh.e_ident[EI_DATA] != ELFDATA2LSB || eh.e_type != ET_REL ||
        eh.e_shentsize != sizeof(Elf64_Shdr) || eh.e_shoff > (Elf64_Off)len ||
        (Elf64_Off)eh.e_shnum * sizeof(Elf64_Shdr) > (Elf64_Off)len - eh.e_shoff) {
        fprintf(stderr, "%s: not a little-endian ELF64 relocatable object\n", path);
        free(b);
        fclose(f);
        return 1;
    }
    unsigned n = 0;
    for (unsigned i = 0; i < eh.e_shnum; i++) {
        Elf64_Shdr sh;
        memcpy(&sh, b + eh.e_shoff + (Elf64_Off)i * sizeof sh, sizeof sh);
        if (sh.sh_type != SHT_SYMTAB)
            continue;
        if (sh.sh_entsize != sizeof(Elf64_Sym) || sh.sh_offset > (Elf64_Off)len ||
            sh.sh_size > (Elf64_Off)len - sh.sh_offset) {
            fprintf(stderr, "%s: bad symbol table in section %u\n", path, i);
            free(b);
            fclose(f);
            return 1;
        }
        for (Elf64_Off o = sh.sh_offset; o + sizeof(Elf64_Sym) <= sh.sh_offset + sh.sh_size;
             o += sizeof(Elf64_Sym)) {
            unsigned char *other = b + o + offsetof(Elf64_Sym, st_other);
            if (ELF64_ST_VISIBILITY(*other) == STV_INTERNAL) {
                *other = (unsigned char)((*other & ~3u) | STV_HIDDEN);
                n++;
            }
        }
    }
    int rc = 0;
    if (n) {
        rewind(f);
        if (fwrite(b, 1, (size_t)len, f) != (size_t)len) {
            fprintf(stderr, "%s: cannot write\n", path);
            rc = 1;
        }
    }
    if (fclose(f) != 0)
        rc = 1;
    free(b);
    if (!rc)
        printf("%s: %u symbols\n", path, n);
    return rc;
}

int main(int argc, char **argv)
{
    int rc = 0;
    for (int i = 1; i < argc; i++)
        rc |= fix(argv[i]);
    return rc;
}
