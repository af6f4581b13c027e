/* Bad input for the object loader, through hj_add_object: a valid gcc-compiled object
 * (inputs/elfbad_input.c) is truncated and mutated field by field. Every mutation must
 * fail cleanly (an error status, no crash, no sanitizer report) with a message that
 * names the module and the problem, and leave the engine usable: the pristine object
 * still loads and runs afterwards. A deterministic random-mutation loop closes. */
#include <elf.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdarg.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "hotjit.h"
#include "check.h"

/* ------------------------------------------------------------------------------------
 * Objects and views of them
 * ------------------------------------------------------------------------------------ */

typedef struct obj {
    uint8_t *data;
    size_t size;
} obj;

static obj obj_read(const char *name)
{
    obj o = {0};
    char path[512];
    snprintf(path, sizeof path, "%s/%s.o", HJ_INPUTS, name);
    o.data = check_read_file(path, &o.size);
    CHECK_MSG(o.data != NULL, "cannot read %s", path);
    return o;
}

static obj obj_dup(const obj *o)
{
    obj c = {malloc(o->size ? o->size : 1), o->size};
    memcpy(c.data, o->data, o->size);
    return c;
}

/* Views into a copy of a pristine object (valid by construction). */
static Elf64_Ehdr *ehdr(const obj *o) { return (Elf64_Ehdr *)o->data; }
static Elf64_Shdr *shdr(const obj *o, size_t i)
{
    return (Elf64_Shdr *)(o->data + ehdr(o)->e_shoff) + i;
}
static size_t shnum(const obj *o) { return ehdr(o)->e_shnum; }

static const char *sec_name(const obj *o, size_t i)
{
    const Elf64_Shdr *strs = shdr(o, ehdr(o)->e_shstrndx);
    return (const char *)o->data + strs->sh_offset + shdr(o, i)->sh_name;
}

/* A copy of o whose section i is moved to the end of the file, `misalign` bytes past an
 * 8-byte boundary: misaligned without overlapping anything. */
static obj move_to_end(const obj *o, size_t i, size_t misalign)
{
    size_t at = ((o->size + 7) & ~(size_t)7) + misalign;
    const Elf64_Shdr *sh = shdr(o, i);
    obj c = {calloc(1, at + sh->sh_size), at + sh->sh_size};
    memcpy(c.data, o->data, o->size);
    memcpy(c.data + at, o->data + sh->sh_offset, sh->sh_size);
    shdr(&c, i)->sh_offset = at;
    return c;
}

static size_t find_section(const obj *o, const char *name)
{
    for (size_t i = 1; i < shnum(o); i++)
        if (!strcmp(sec_name(o, i), name))
            return i;
    CHECK_MSG(0, "no section %s", name);
    return 0;
}

static size_t find_type(const obj *o, uint32_t type)
{
    for (size_t i = 1; i < shnum(o); i++)
        if (shdr(o, i)->sh_type == type)
            return i;
    CHECK_MSG(0, "no section of type %u", type);
    return 0;
}

static Elf64_Sym *sym(const obj *o, size_t i)
{
    return (Elf64_Sym *)(o->data + shdr(o, find_type(o, SHT_SYMTAB))->sh_offset) + i;
}
static size_t nsyms(const obj *o)
{
    return shdr(o, find_type(o, SHT_SYMTAB))->sh_size / sizeof(Elf64_Sym);
}

static size_t find_symbol(const obj *o, const char *name)
{
    const Elf64_Shdr *st = shdr(o, find_type(o, SHT_SYMTAB));
    const char *strtab = (const char *)o->data + shdr(o, st->sh_link)->sh_offset;
    for (size_t i = 1; i < nsyms(o); i++)
        if (!strcmp(strtab + sym(o, i)->st_name, name))
            return i;
    CHECK_MSG(0, "no symbol %s", name);
    return 0;
}

/* ------------------------------------------------------------------------------------
 * The engine and the two outcomes
 * ------------------------------------------------------------------------------------ */

static hj_engine *engine;
static obj pristine, group_obj;

static int call_int(const char *name, int arg)
{
    void *p = NULL;
    if (hj_lookup(engine, name, &p) != HJ_OK || !p)
        return -1;
    int (*fn)(int);
    memcpy(&fn, &p, sizeof fn);
    return fn(arg);
}

/* The pristine object loads, runs and goes again. */
static void engine_usable(const char *after)
{
    hj_module *m = NULL;
    hj_status st = hj_add_object(engine, "pristine.o", pristine.data, pristine.size, &m);
    CHECK_MSG(st == HJ_OK, "after %s: pristine object: %s", after, hj_errmsg(engine));
    if (st != HJ_OK)
        return;
    CHECK_MSG(call_int("eb_compute", 3) == 21, "after %s", after);
    CHECK(hj_remove(engine, m) == HJ_OK);
}

static unsigned cases_run;

/* Adding the bytes must fail; the message names the module and contains `keyword`
 * (NULL: any problem). The engine must stay usable (checked every `every` cases). */
static void expect_bad_n(const char *what, const void *data, size_t size, const char *keyword,
                         unsigned every)
{
    char name[128];
    snprintf(name, sizeof name, "bad[%s]", what);
    hj_module *m = NULL;
    hj_status st = hj_add_object(engine, name, data, size, &m);
    const char *msg = hj_errmsg(engine);
    CHECK_MSG(st != HJ_OK, "%s: a malformed object was accepted", what);
    if (st == HJ_OK) {
        hj_remove(engine, m);
        return;
    }
    CHECK_MSG(strstr(msg, name) != NULL, "%s: message '%s' does not name the module", what, msg);
    if (keyword)
        CHECK_MSG(strstr(msg, keyword) != NULL, "%s: message '%s' does not contain '%s'", what,
                  msg, keyword);
    if (++cases_run % every == 0)
        engine_usable(what);
}

/* Runs one named case in a child process: a crash (or a sanitizer report, which ends
 * the child) becomes a failed check naming the case, and the remaining cases still run. */
static void in_child(const char *what, void (*fn)(const char *, const obj *, const char *),
                     const obj *o, const char *keyword)
{
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
        check_failures = 0;
        fn(what, o, keyword);
        fflush(NULL);
        _exit(check_failures ? 3 : 0);
    }
    int wstatus = 0;
    check_count++;
    if (pid < 0 || waitpid(pid, &wstatus, 0) != pid) {
        check_failures++;
        fprintf(stderr, "%s: fork failed\n", what);
    } else if (WIFSIGNALED(wstatus)) {
        check_failures++;
        fprintf(stderr, "%s:%d: check failed: %s: CRASHED (%s)\n", __FILE__, __LINE__, what,
                strsignal(WTERMSIG(wstatus)));
    } else if (!WIFEXITED(wstatus) || WEXITSTATUS(wstatus) != 0) {
        check_failures++; /* the child printed which check failed, or a sanitizer report */
        if (WEXITSTATUS(wstatus) != 3)
            fprintf(stderr, "%s:%d: check failed: %s: child exited with status %d (sanitizer "
                    "report?)\n", __FILE__, __LINE__, what, WEXITSTATUS(wstatus));
    }
}

static void bad_case(const char *what, const obj *o, const char *keyword)
{
    expect_bad_n(what, o->data, o->size, keyword, 1);
}

/* The object is malformed: see expect_bad_n. The child also checks that the engine stays
 * usable. */
static void expect_bad(const char *what, const obj *o, const char *keyword)
{
    in_child(what, bad_case, o, keyword);
}

static void good_case(const char *what, const obj *o, const char *entry)
{
    char name[128];
    snprintf(name, sizeof name, "good[%s]", what);
    hj_module *m = NULL;
    hj_status st = hj_add_object(engine, name, o->data, o->size, &m);
    CHECK_MSG(st == HJ_OK, "%s: %s", what, hj_errmsg(engine));
    if (st == HJ_OK && entry)
        CHECK_MSG(call_int(entry, 3) == 21, "%s: %s does not run", what, entry);
    if (st == HJ_OK)
        CHECK(hj_remove(engine, m) == HJ_OK);
    engine_usable(what);
}

/* The object is unusual but well formed: it loads (and `entry`, when not NULL, runs). */
static void expect_loads(const char *what, const obj *o, const char *entry)
{
    in_child(what, good_case, o, entry);
}

/* ------------------------------------------------------------------------------------
 * Truncation
 * ------------------------------------------------------------------------------------ */

/* The same object with the section header table right after the ELF header, contents
 * after it and nothing after the last section: every truncation cuts a section. */
static obj relayout_front(const obj *o)
{
    size_t n = shnum(o);
    size_t at = sizeof(Elf64_Ehdr) + n * sizeof(Elf64_Shdr);
    obj r = {calloc(1, o->size + n * 16 + at), 0};
    memcpy(r.data, o->data, sizeof(Elf64_Ehdr));
    ehdr(&r)->e_shoff = sizeof(Elf64_Ehdr);
    size_t end = at;
    for (size_t i = 0; i < n; i++) {
        Elf64_Shdr sh = *shdr(o, i);
        if (i && sh.sh_type != SHT_NOBITS) {
            at = (at + 7) & ~(size_t)7;
            memcpy(r.data + at, o->data + sh.sh_offset, sh.sh_size);
            sh.sh_offset = at;
            at += sh.sh_size;
            if (sh.sh_size)
                end = at;
        }
        *shdr(&r, i) = sh;
    }
    r.size = end;
    return r;
}

static void test_truncation(void)
{
    uint64_t shoff = ehdr(&pristine)->e_shoff;
    for (size_t len = 0; len < pristine.size; len++) {
        uint8_t *buf = malloc(len ? len : 1);
        memcpy(buf, pristine.data, len);
        char what[64];
        snprintf(what, sizeof what, "truncated to %zu", len);
        const char *keyword = len < sizeof(Elf64_Ehdr) ? "truncated ELF header"
                            : len < shoff + sizeof(Elf64_Shdr) ? "outside the file"
                            : "do not fit in the file";
        expect_bad_n(what, buf, len, keyword, 61);
        free(buf);
    }
    engine_usable("truncations");

    obj front = relayout_front(&pristine);
    hj_module *m = NULL;
    CHECK_MSG(hj_add_object(engine, "front.o", front.data, front.size, &m) == HJ_OK,
              "relaid-out object: %s", hj_errmsg(engine));
    if (m) {
        CHECK(call_int("eb_compute", 3) == 21);
        hj_remove(engine, m);
    }
    size_t table_end = sizeof(Elf64_Ehdr) + shnum(&front) * sizeof(Elf64_Shdr);
    for (size_t len = 0; len < front.size; len++) {
        uint8_t *buf = malloc(len ? len : 1);
        memcpy(buf, front.data, len);
        char what[64];
        snprintf(what, sizeof what, "front layout truncated to %zu", len);
        const char *keyword = len < sizeof(Elf64_Ehdr) ? "truncated ELF header"
                            : len < sizeof(Elf64_Ehdr) + sizeof(Elf64_Shdr) ? "outside the file"
                            : len < table_end ? "do not fit in the file"
                            : "outside the file";
        expect_bad_n(what, buf, len, keyword, 61);
        free(buf);
    }
    free(front.data);
    engine_usable("front truncations");
}

/* ------------------------------------------------------------------------------------
 * ELF header
 * ------------------------------------------------------------------------------------ */

static void mutate_header(const char *what, size_t offset, const void *value, size_t n,
                          const char *keyword)
{
    obj c = obj_dup(&pristine);
    memcpy(c.data + offset, value, n);
    expect_bad(what, &c, keyword);
    free(c.data);
}

#define HDR(what, field, value, keyword)                                                  \
    do {                                                                                \
        __typeof__(((Elf64_Ehdr *)0)->field) v_ = (value);                              \
        mutate_header(what, offsetof(Elf64_Ehdr, field), &v_, sizeof v_, keyword);      \
    } while (0)

static void test_header(void)
{
    for (size_t i = 0; i < SELFMAG; i++) {
        char what[32];
        snprintf(what, sizeof what, "magic byte %zu", i);
        uint8_t b = pristine.data[i] ^ 0x20;
        mutate_header(what, i, &b, 1, "not an ELF file");
    }
    static const uint8_t classes[] = {ELFCLASSNONE, ELFCLASS32, 3, 0xff};
    for (size_t i = 0; i < sizeof classes; i++)
        mutate_header("class", EI_CLASS, &classes[i], 1, "64-bit little-endian");
    static const uint8_t datas[] = {ELFDATANONE, ELFDATA2MSB, 3};
    for (size_t i = 0; i < sizeof datas; i++)
        mutate_header("endianness", EI_DATA, &datas[i], 1, "64-bit little-endian");
    HDR("type EXEC", e_type, ET_EXEC, "not a relocatable object");
    HDR("type DYN", e_type, ET_DYN, "not a relocatable object");
    HDR("type CORE", e_type, ET_CORE, "not a relocatable object");
    HDR("type NONE", e_type, ET_NONE, "not a relocatable object");
    HDR("type 0xffff", e_type, 0xffff, "not a relocatable object");
    HDR("machine 386", e_machine, EM_386, "machine");
    HDR("machine AArch64", e_machine, EM_AARCH64, "machine");
    HDR("machine none", e_machine, EM_NONE, "machine");
    HDR("shentsize 0", e_shentsize, 0, "section header size");
    HDR("shentsize 40", e_shentsize, 40, "section header size");
    HDR("shentsize 128", e_shentsize, 128, "section header size");

    uint64_t shoff = ehdr(&pristine)->e_shoff;
    HDR("shoff 0", e_shoff, 0, "outside the file");
    HDR("shoff at end", e_shoff, (pristine.size + 7) & ~(size_t)7, "outside the file");
    HDR("shoff 8 before end", e_shoff, (pristine.size - 8) & ~(size_t)7, "outside the file");
    HDR("shoff huge", e_shoff, 0xfffffffffffffff8ull, "outside the file");
    HDR("shoff 2^63", e_shoff, 0x8000000000000000ull, "outside the file");
    HDR("shoff misaligned +1", e_shoff, shoff + 1, "alignment");
    HDR("shoff misaligned +4", e_shoff, shoff + 4, "alignment");
    HDR("shoff -1", e_shoff, UINT64_MAX, "alignment");
    HDR("shoff one header late", e_shoff, shoff + sizeof(Elf64_Shdr), "do not fit");

    HDR("shnum 0xffff", e_shnum, 0xffff, "do not fit");
    HDR("shnum +1", e_shnum, (Elf64_Half)(shnum(&pristine) + 1), "do not fit");
    HDR("shnum 1", e_shnum, 1, "section name table");
    {   /* e_shnum 0: the count is in section 0's sh_size (extended numbering) */
        obj c = obj_dup(&pristine);
        ehdr(&c)->e_shnum = 0;
        expect_bad("shnum 0, sh_size 0", &c, "do not fit");
        shdr(&c, 0)->sh_size = UINT64_MAX;
        expect_bad("shnum 0, sh_size huge", &c, "do not fit");
        shdr(&c, 0)->sh_size = 0x100000000ull;
        expect_bad("shnum 0, sh_size 2^32", &c, "do not fit");
        free(c.data);
    }

    size_t n = shnum(&pristine);
    HDR("shstrndx = shnum", e_shstrndx, (Elf64_Half)n, "section name table");
    HDR("shstrndx 0xfeff", e_shstrndx, 0xfeff, "section name table");
    HDR("shstrndx -> .text", e_shstrndx, (Elf64_Half)find_section(&pristine, ".text"),
        "section name table");
    HDR("shstrndx -> .symtab", e_shstrndx, (Elf64_Half)find_type(&pristine, SHT_SYMTAB),
        "section name table");
    {   /* SHN_XINDEX: the index is in section 0's sh_link */
        obj c = obj_dup(&pristine);
        ehdr(&c)->e_shstrndx = SHN_XINDEX;
        shdr(&c, 0)->sh_link = 0x7fffffff;
        expect_bad("shstrndx XINDEX, link huge", &c, "section name table");
        shdr(&c, 0)->sh_link = (Elf64_Word)n;
        expect_bad("shstrndx XINDEX, link = shnum", &c, "section name table");
        free(c.data);
    }
}

/* ------------------------------------------------------------------------------------
 * Section headers
 * ------------------------------------------------------------------------------------ */

#define SEC(what, index, field, value, keyword)                                           \
    do {                                                                                \
        obj c_ = obj_dup(&pristine);                                                     \
        shdr(&c_, (index))->field = (value);                                            \
        char w_[96];                                                                    \
        snprintf(w_, sizeof w_, "%s: section %zu (%s)", what, (size_t)(index),           \
                 sec_name(&pristine, (index)));                                         \
        expect_bad(w_, &c_, keyword);                                                   \
        free(c_.data);                                                                  \
    } while (0)

static void test_section_bounds(void)
{
    size_t n = shnum(&pristine);
    for (size_t i = 1; i < n; i++) {
        if (shdr(&pristine, i)->sh_type == SHT_NOBITS)
            continue;
        uint64_t size = shdr(&pristine, i)->sh_size;
        SEC("offset = file size + 1", i, sh_offset, pristine.size + 1, "lies outside the file");
        SEC("offset huge", i, sh_offset, UINT64_MAX - 3, "lies outside the file");
        SEC("offset -1", i, sh_offset, UINT64_MAX, "lies outside the file");
        SEC("size = file size + 1", i, sh_size, pristine.size + 1, "lies outside the file");
        SEC("size huge", i, sh_size, UINT64_MAX, "lies outside the file");
        SEC("size 2^63", i, sh_size, 0x8000000000000000ull, "lies outside the file");
        SEC("end one past the file", i, sh_offset, pristine.size - size + 1,
            "lies outside the file");
        /* Alignment must be a power of two. */
        SEC("alignment 3", i, sh_addralign, 3, "not a power of two");
        SEC("alignment 24", i, sh_addralign, 24, "not a power of two");
        SEC("alignment -1", i, sh_addralign, UINT64_MAX, "not a power of two");
    }
    /* A loaded section aligned beyond the page size cannot be placed. */
    size_t text = find_section(&pristine, ".text"), data = find_section(&pristine, ".data");
    SEC("alignment 2^20", text, sh_addralign, 1u << 20, "alignment");
    SEC("alignment 2^63", data, sh_addralign, 0x8000000000000000ull, "alignment");
    size_t bss = find_type(&pristine, SHT_NOBITS);
    SEC("alignment 2^40", bss, sh_addralign, 1ull << 40, "alignment");
}

/* .bss (no bytes in the file) with a size the engine cannot provide. */
static void test_huge_nobits(void)
{
    size_t bss = find_type(&pristine, SHT_NOBITS);
    SEC("bss size 2^40", bss, sh_size, 1ull << 40, NULL);
    SEC("bss size 2^62", bss, sh_size, 1ull << 62, NULL);
    SEC("bss size -1", bss, sh_size, UINT64_MAX, NULL);
    SEC("bss size -4096", bss, sh_size, UINT64_MAX - 4095, NULL);
}

/* A common symbol whose size does not fit the address space, beside more than a page
 * of initialised data in the same segment. */
static void test_huge_common(void)
{
    obj o = obj_read("elfbad_common");
    if (!o.data)
        return;
    hj_module *m = NULL;
    CHECK_MSG(hj_add_object(engine, "common.o", o.data, o.size, &m) == HJ_OK, "%s",
              hj_errmsg(engine));
    if (m) {
        CHECK(call_int("ebc_get", 0) == 42);
        hj_remove(engine, m);
    }
    size_t i = find_symbol(&o, "ebc_common");
    CHECK(sym(&o, i)->st_shndx == SHN_COMMON);
    static const uint64_t sizes[] = {1ull << 40, UINT64_MAX, UINT64_MAX - 4095,
                                     UINT64_MAX - 0x4000, 0x8000000000000000ull};
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        obj c = obj_dup(&o);
        sym(&c, i)->st_size = sizes[k];
        char what[64];
        snprintf(what, sizeof what, "common size 0x%" PRIx64, sizes[k]);
        expect_bad(what, &c, NULL);
        free(c.data);
    }
    free(o.data);
}

/* Sections whose bytes overlap the ELF header, the section table or each other: no
 * well-formed object has them (any error will do, the message is not checked). */
static void test_overlap(void)
{
    size_t text = find_section(&pristine, ".text"), data = find_section(&pristine, ".data");
    size_t symtab = find_type(&pristine, SHT_SYMTAB), rela = find_section(&pristine, ".rela.text");
    SEC("text over the ELF header", text, sh_offset, 0, NULL);
    SEC("data over text", data, sh_offset, shdr(&pristine, text)->sh_offset, NULL);
    SEC("relocations over the section table", rela, sh_offset, ehdr(&pristine)->e_shoff, NULL);
    SEC("symbols over the relocations", symtab, sh_offset, shdr(&pristine, rela)->sh_offset,
        NULL);
}

static void test_links(void)
{
    size_t n = shnum(&pristine);
    size_t symtab = find_type(&pristine, SHT_SYMTAB);
    size_t text = find_section(&pristine, ".text");
    size_t rela = find_section(&pristine, ".rela.text");
    size_t strtab = shdr(&pristine, symtab)->sh_link;
    size_t shstrtab = ehdr(&pristine)->e_shstrndx;

    SEC("symtab link = shnum", symtab, sh_link, (Elf64_Word)n, "string table");
    SEC("symtab link huge", symtab, sh_link, 0xffffffffu, "string table");
    SEC("symtab link 0", symtab, sh_link, 0, "string table");
    SEC("symtab link -> .text", symtab, sh_link, (Elf64_Word)text, "string table");
    SEC("symtab entsize 0", symtab, sh_entsize, 0, "entry size");
    SEC("symtab entsize 16", symtab, sh_entsize, 16, "entry size");
    SEC("symtab size not a multiple", symtab, sh_size, shdr(&pristine, symtab)->sh_size - 5,
        "entry size");
    {
        obj c = move_to_end(&pristine, symtab, 4);
        expect_bad("symtab misaligned", &c, "alignment");
        free(c.data);
    }
    SEC("second symbol table", strtab, sh_type, SHT_SYMTAB, NULL);

    SEC("rela link = shnum", rela, sh_link, (Elf64_Word)n, "symbol table");
    SEC("rela link huge", rela, sh_link, 0xffffffffu, "symbol table");
    SEC("rela link -> .text", rela, sh_link, (Elf64_Word)text, "symbol table");
    SEC("rela info = shnum", rela, sh_info, (Elf64_Word)n, "target section");
    SEC("rela info huge", rela, sh_info, 0xffffffffu, "target section");
    SEC("rela info 0", rela, sh_info, 0, "target section");
    SEC("rela entsize 16", rela, sh_entsize, 16, "relocation entry size");
    SEC("rela size not a multiple", rela, sh_size, shdr(&pristine, rela)->sh_size - 8,
        "relocation entry size");
    {
        obj c = move_to_end(&pristine, rela, 4);
        expect_bad("rela misaligned", &c, "relocation entry size");
        free(c.data);
    }
    SEC("REL instead of RELA", rela, sh_type, SHT_REL, "REL relocations");

    SEC("symtab_shndx too small", find_section(&pristine, ".comment"), sh_type,
        SHT_SYMTAB_SHNDX, "extended section index");

    /* String tables without their terminating NUL. */
    {
        obj c = obj_dup(&pristine);
        const Elf64_Shdr *s = shdr(&c, strtab);
        c.data[s->sh_offset + s->sh_size - 1] = 'x';
        expect_bad("strtab without NUL", &c, "string table");
        free(c.data);
        c = obj_dup(&pristine);
        s = shdr(&c, shstrtab);
        c.data[s->sh_offset + s->sh_size - 1] = 'x';
        expect_bad("shstrtab without NUL", &c, "section name table");
        free(c.data);
    }
    SEC("strtab size 0", strtab, sh_size, 0, "string table");
    SEC("shstrtab size 0", shstrtab, sh_size, 0, "section name table");
    SEC("strtab not a STRTAB", strtab, sh_type, SHT_PROGBITS, "string table");
    SEC("shstrtab not a STRTAB", shstrtab, sh_type, SHT_PROGBITS, "section name table");
    /* Section name offsets beyond the name table fall back to "?" (never read out of
     * bounds); the object itself is still usable, so this one loads. */
    {
        obj c = obj_dup(&pristine);
        shdr(&c, find_section(&pristine, ".comment"))->sh_name = 0xfffffff0u;
        expect_loads("comment name outside the name table", &c, "eb_compute");
        free(c.data);
    }
    /* No symbol table and no relocations at all: an empty but valid module. */
    {
        obj c = obj_dup(&pristine);
        for (size_t i = 1; i < n; i++)
            if (shdr(&c, i)->sh_type == SHT_SYMTAB || shdr(&c, i)->sh_type == SHT_RELA)
                shdr(&c, i)->sh_type = SHT_PROGBITS;
        expect_loads("no symbol table", &c, NULL);
        free(c.data);
    }
}

/* ------------------------------------------------------------------------------------
 * Constructor tables
 * ------------------------------------------------------------------------------------ */

static void test_init_arrays(void)
{
    /* Constructor tables whose size is not a whole number of pointers, one of them
     * without a name (its priority comes from the name). */
    size_t data = find_section(&pristine, ".data");
    SEC("init array of 4 bytes", data, sh_type, SHT_INIT_ARRAY, "multiple of 8");
    SEC("fini array of 4 bytes", data, sh_type, SHT_FINI_ARRAY, "multiple of 8");
    SEC("preinit array of 4 bytes", data, sh_type, SHT_PREINIT_ARRAY, "multiple of 8");
    {
        obj c = obj_dup(&pristine);
        shdr(&c, data)->sh_type = SHT_INIT_ARRAY;
        shdr(&c, data)->sh_name = 0xffffff00u;
        expect_bad("unnamed init array of 4 bytes", &c, "multiple of 8");
        shdr(&c, data)->sh_type = SHT_FINI_ARRAY;
        expect_bad("unnamed fini array of 4 bytes", &c, "multiple of 8");
        free(c.data);
    }
    /* A thread-local .ctors without bytes: the assembler accepts it. */
    obj o = obj_read("elfbad_tlsctors");
    if (o.data)
        expect_bad("thread-local .ctors", &o, NULL);
    free(o.data);
}

/* ------------------------------------------------------------------------------------
 * Symbols
 * ------------------------------------------------------------------------------------ */

#define SYM(what, index, field, value, keyword)                                           \
    do {                                                                                \
        obj c_ = obj_dup(&pristine);                                                     \
        sym(&c_, (index))->field = (value);                                             \
        char w_[96];                                                                    \
        snprintf(w_, sizeof w_, "%s: symbol %zu", what, (size_t)(index));               \
        expect_bad(w_, &c_, keyword);                                                   \
        free(c_.data);                                                                  \
    } while (0)

static void test_symbols(void)
{
    size_t symtab = find_type(&pristine, SHT_SYMTAB);
    size_t strsize = shdr(&pristine, shdr(&pristine, symtab)->sh_link)->sh_size;
    size_t n = shnum(&pristine);
    for (size_t i = 1; i < nsyms(&pristine); i++) {
        SYM("st_name = strtab size", i, st_name, (Elf64_Word)strsize, "outside the string table");
        SYM("st_name huge", i, st_name, 0xffffffffu, "outside the string table");
        SYM("st_shndx = shnum", i, st_shndx, (Elf64_Half)n, "section index");
        SYM("st_shndx 0xfeff", i, st_shndx, 0xfeff, "section index");
        SYM("st_shndx LOPROC", i, st_shndx, SHN_LOPROC, "section index");
        SYM("st_shndx XINDEX without table", i, st_shndx, SHN_XINDEX, "section index");
    }
    size_t compute = find_symbol(&pristine, "eb_compute");
    size_t counter = find_symbol(&pristine, "eb_counter");
    size_t text = find_section(&pristine, ".text");
    SYM("value beyond its section", compute, st_value, shdr(&pristine, text)->sh_size + 1,
        "beyond the end");
    SYM("value huge", counter, st_value, UINT64_MAX, "beyond the end");
    {
        obj c = obj_dup(&pristine);
        sym(&c, counter)->st_shndx = SHN_COMMON;
        sym(&c, counter)->st_value = 12; /* a common symbol's value is its alignment */
        expect_bad("common alignment 12", &c, "power of two");
        free(c.data);
    }
    SYM("IFUNC definition", compute, st_info, ELF64_ST_INFO(STB_GLOBAL, STT_GNU_IFUNC), "IFUNC");
}

/* ------------------------------------------------------------------------------------
 * Relocations
 * ------------------------------------------------------------------------------------ */

static Elf64_Rela *rela_at(const obj *o, size_t sec, size_t i)
{
    return (Elf64_Rela *)(o->data + shdr(o, sec)->sh_offset) + i;
}

static void test_relocations(void)
{
    size_t n = shnum(&pristine);
    size_t ns = nsyms(&pristine);
    for (size_t s = 1; s < n; s++) {
        const Elf64_Shdr *rs = shdr(&pristine, s);
        if (rs->sh_type != SHT_RELA)
            continue;
        uint64_t target_size = shdr(&pristine, rs->sh_info)->sh_size;
        for (size_t i = 0; i < rs->sh_size / sizeof(Elf64_Rela); i++) {
            static const uint64_t offsets[] = {0, 1, 3, 4, 7, 8};
            char what[96];
            for (size_t k = 0; k < sizeof offsets / sizeof offsets[0]; k++) {
                obj c = obj_dup(&pristine);
                /* Every field is at least 4 bytes: size - 3 already sticks out. */
                rela_at(&c, s, i)->r_offset = target_size - 3 + offsets[k];
                snprintf(what, sizeof what, "%s[%zu]: r_offset size-3+%" PRIu64,
                         sec_name(&pristine, s), i, offsets[k]);
                expect_bad(what, &c, "outside the section");
                free(c.data);
            }
            obj c = obj_dup(&pristine);
            rela_at(&c, s, i)->r_offset = UINT64_MAX - 1;
            snprintf(what, sizeof what, "%s[%zu]: r_offset huge", sec_name(&pristine, s), i);
            expect_bad(what, &c, "outside the section");
            Elf64_Rela *r = rela_at(&c, s, i);
            r->r_offset = rela_at(&pristine, s, i)->r_offset;
            uint32_t type = (uint32_t)ELF64_R_TYPE(r->r_info);
            static const uint64_t syms_bad[] = {0, 1, 0x7fffffff, 0xffffffff};
            for (size_t k = 0; k < sizeof syms_bad / sizeof syms_bad[0]; k++) {
                uint64_t symi = k == 0 ? ns : k == 1 ? ns + 1 : syms_bad[k];
                r->r_info = ELF64_R_INFO(symi, type);
                snprintf(what, sizeof what, "%s[%zu]: symbol %" PRIu64, sec_name(&pristine, s),
                         i, symi);
                expect_bad(what, &c, "names symbol");
            }
            free(c.data);
        }
    }
}

/* ------------------------------------------------------------------------------------
 * Groups
 * ------------------------------------------------------------------------------------ */

static void test_groups(void)
{
    hj_module *m = NULL;
    CHECK_MSG(hj_add_object(engine, "group.o", group_obj.data, group_obj.size, &m) == HJ_OK,
              "pristine group object: %s", hj_errmsg(engine));
    if (m) {
        CHECK(call_int("eb_group_user", 0) == 11);
        hj_remove(engine, m);
    }
    size_t g = find_type(&group_obj, SHT_GROUP);
    size_t n = shnum(&group_obj);
    static const uint32_t members[] = {0, 0xffffffffu, 0x10000, 0};
    for (size_t k = 0; k < sizeof members / sizeof members[0]; k++) {
        obj c = obj_dup(&group_obj);
        uint32_t *words = (uint32_t *)(c.data + shdr(&c, g)->sh_offset);
        words[1] = k == 3 ? (uint32_t)n : members[k];
        char what[64];
        snprintf(what, sizeof what, "group member %u", words[1]);
        expect_bad(what, &c, "member section");
        free(c.data);
    }
    obj c = obj_dup(&group_obj);
    shdr(&c, g)->sh_size = 6;
    expect_bad("group size 6", &c, "not a valid group");
    shdr(&c, g)->sh_size = 0;
    expect_bad("group size 0", &c, "not a valid group");
    free(c.data);
    c = move_to_end(&group_obj, g, 2);
    expect_bad("group misaligned", &c, "not a valid group");
    free(c.data);
    c = obj_dup(&group_obj);
    shdr(&c, g)->sh_link = (Elf64_Word)n;
    expect_bad("group link = shnum", &c, "symbol table");
    shdr(&c, g)->sh_link = 0;
    expect_bad("group link 0", &c, "symbol table");
    free(c.data);
    c = obj_dup(&group_obj);
    size_t ns = shdr(&c, find_type(&c, SHT_SYMTAB))->sh_size / sizeof(Elf64_Sym);
    shdr(&c, g)->sh_info = (Elf64_Word)ns;
    expect_bad("group signature = nsyms", &c, "signature symbol");
    shdr(&c, g)->sh_info = 0;
    expect_bad("group signature 0", &c, "signature symbol");
    shdr(&c, g)->sh_info = 0xffffffffu;
    expect_bad("group signature huge", &c, "signature symbol");
    free(c.data);
}

/* ------------------------------------------------------------------------------------
 * Deterministic random mutations
 * ------------------------------------------------------------------------------------ */

static uint64_t rng_state = 0x9e3779b97f4a7c15ull;

static uint64_t rng(void)
{
    uint64_t x = rng_state;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return rng_state = x;
}

static uint64_t interesting(size_t file_size)
{
    switch (rng() % 12) {
    case 0: return 0;
    case 1: return 1;
    case 2: return UINT64_MAX;
    case 3: return file_size;
    case 4: return file_size + 1 + rng() % 64;
    case 5: return rng() % 64;
    case 6: return (uint64_t)1 << (rng() % 64);
    case 7: return 0x7fffffff;
    case 8: return 0xffffffff;
    case 9: return 0x8000000000000000ull;
    case 10: return rng() & 0xffffffff;
    default: return rng();
    }
}

/* What the current mutation did, for the report of an iteration that crashed. */
static char mutation_log[400];

static void log_mutation(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void log_mutation(const char *fmt, ...)
{
    size_t used = strlen(mutation_log);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(mutation_log + used, sizeof mutation_log - used, fmt, ap);
    va_end(ap);
}

/* Writes `width` bytes of `value` (or flips a random bit of the field). */
static void poke(uint8_t *at, size_t width, uint64_t value, const char *what, size_t index)
{
    if (rng() % 4 == 0) {
        size_t byte = rng() % width, bit = rng() % 8;
        at[byte] ^= (uint8_t)(1u << bit);
        log_mutation("%s[%zu] bit %zu flipped; ", what, index, byte * 8 + bit);
        return;
    }
    memcpy(at, &value, width);
    log_mutation("%s[%zu] = 0x%" PRIx64 "; ", what, index, value);
}

/* True when the (mutated) object might make the engine run code: constructors or
 * destructors by type or by name. Checked conservatively, with bounds. */
static bool may_run_code(const obj *o)
{
    if (o->size < sizeof(Elf64_Ehdr))
        return false;
    Elf64_Ehdr eh;
    memcpy(&eh, o->data, sizeof eh);
    if (eh.e_shoff > o->size || o->size - eh.e_shoff < sizeof(Elf64_Shdr))
        return false;
    /* The mutated table may be misaligned: read each header with memcpy. */
    const uint8_t *table = o->data + eh.e_shoff;
    Elf64_Shdr first, names, sh;
    memcpy(&first, table, sizeof first);
    uint64_t count = eh.e_shnum ? eh.e_shnum : first.sh_size;
    uint64_t room = (o->size - eh.e_shoff) / sizeof(Elf64_Shdr);
    if (count > room)
        count = room;
    size_t strndx = eh.e_shstrndx == SHN_XINDEX ? first.sh_link : eh.e_shstrndx;
    bool have_names = strndx < count;
    if (have_names)
        memcpy(&names, table + strndx * sizeof(Elf64_Shdr), sizeof names);
    for (uint64_t i = 0; i < count; i++) {
        memcpy(&sh, table + i * sizeof(Elf64_Shdr), sizeof sh);
        uint32_t t = sh.sh_type;
        if (t == SHT_INIT_ARRAY || t == SHT_FINI_ARRAY || t == SHT_PREINIT_ARRAY)
            return true;
        if (!have_names || names.sh_offset > o->size || sh.sh_name >= o->size - names.sh_offset)
            continue;
        const char *name = (const char *)o->data + names.sh_offset + sh.sh_name;
        size_t left = o->size - names.sh_offset - sh.sh_name;
        static const char *const prefixes[] = {".ctors", ".dtors", ".init_array",
                                               ".fini_array", ".preinit_array"};
        for (size_t k = 0; k < sizeof prefixes / sizeof prefixes[0]; k++) {
            size_t len = strlen(prefixes[k]);
            if (left >= len && !memcmp(name, prefixes[k], len))
                return true;
        }
    }
    return false;
}

typedef struct field {
    const char *name;
    size_t off, width;
} field;

#define FIELD(type, member) {#member, offsetof(type, member), sizeof(((type *)0)->member)}

static const field ehdr_fields[] = {
    {"e_ident[EI_CLASS]", EI_CLASS, 1}, {"e_ident[EI_DATA]", EI_DATA, 1},
    FIELD(Elf64_Ehdr, e_type), FIELD(Elf64_Ehdr, e_machine), FIELD(Elf64_Ehdr, e_shoff),
    FIELD(Elf64_Ehdr, e_shentsize), FIELD(Elf64_Ehdr, e_shnum), FIELD(Elf64_Ehdr, e_shstrndx)};
static const field shdr_fields[] = {
    FIELD(Elf64_Shdr, sh_name), FIELD(Elf64_Shdr, sh_type), FIELD(Elf64_Shdr, sh_flags),
    FIELD(Elf64_Shdr, sh_offset), FIELD(Elf64_Shdr, sh_size), FIELD(Elf64_Shdr, sh_link),
    FIELD(Elf64_Shdr, sh_info), FIELD(Elf64_Shdr, sh_addralign), FIELD(Elf64_Shdr, sh_entsize)};
static const field sym_fields[] = {
    FIELD(Elf64_Sym, st_name), FIELD(Elf64_Sym, st_info), FIELD(Elf64_Sym, st_shndx),
    FIELD(Elf64_Sym, st_value), FIELD(Elf64_Sym, st_size)};
static const field rela_fields[] = {
    FIELD(Elf64_Rela, r_offset), FIELD(Elf64_Rela, r_info), FIELD(Elf64_Rela, r_addend)};
#define PICK(fields) (&(fields)[rng() % (sizeof(fields) / sizeof(fields)[0])])

/* One to four field mutations of a copy of `p`; offsets come from p's (valid) layout. */
static void mutate_random(const obj *p, obj *c)
{
    mutation_log[0] = '\0';
    size_t fields = 1 + rng() % 4;
    size_t symtab = find_type(p, SHT_SYMTAB);
    for (size_t f = 0; f < fields; f++) {
        uint64_t v = interesting(p->size);
        switch (rng() % 6) {
        case 0: { /* an ELF header field: mostly small values */
            const field *fd = PICK(ehdr_fields);
            poke(c->data + fd->off, fd->width, rng() % 8 ? rng() % 3 : v, fd->name, 0);
            break;
        }
        case 1:
        case 2: { /* a section header field */
            const field *fd = PICK(shdr_fields);
            size_t i = rng() % shnum(p);
            uint64_t small = rng() % (shnum(p) + 3);
            uint8_t *at = c->data + ((uint8_t *)shdr(p, i) - p->data);
            poke(at + fd->off, fd->width, rng() % 3 ? v : small, fd->name, i);
            break;
        }
        case 3: { /* a symbol field */
            const field *fd = PICK(sym_fields);
            size_t i = rng() % nsyms(p);
            uint8_t *at = c->data + shdr(p, symtab)->sh_offset + i * sizeof(Elf64_Sym);
            poke(at + fd->off, fd->width, rng() % 2 ? v : rng() % (shnum(p) + 2), fd->name, i);
            break;
        }
        case 4: { /* a relocation field */
            size_t s;
            do
                s = 1 + rng() % (shnum(p) - 1);
            while (shdr(p, s)->sh_type != SHT_RELA);
            size_t count = shdr(p, s)->sh_size / sizeof(Elf64_Rela), i = rng() % count;
            uint8_t *at = c->data + ((uint8_t *)rela_at(p, s, i) - p->data);
            const field *fd = PICK(rela_fields);
            uint64_t value = fd->off == 8 ? ELF64_R_INFO(rng() % (nsyms(p) + 2), rng() % 45) : v;
            poke(at + fd->off, 8, rng() % 2 ? value : rng() % 0x100, fd->name, i);
            break;
        }
        default: { /* any byte */
            size_t at = rng() % c->size;
            uint8_t x = (uint8_t)(1 + rng() % 255);
            c->data[at] ^= x;
            log_mutation("byte 0x%zx ^= 0x%02x; ", at, x);
            break;
        }
        }
    }
}

/* Progress of the loop, shared with the child process that runs it. */
typedef struct loop_state {
    unsigned it;         /* iteration in progress */
    uint64_t rng_before; /* generator state when it started */
    unsigned accepted, skipped, unnamed;
    char log[sizeof mutation_log + 16];
    char unnamed_example[256];
} loop_state;

static obj common_obj;

static const obj *random_base(unsigned it, const char **label)
{
    static const char *const labels[] = {"input", "group", "common"};
    const obj *bases[] = {&pristine, &group_obj, &common_obj};
    unsigned k = it % 5 < 3 ? 0 : it % 5 - 2; /* 3/5 the main input, 1/5 each other one */
    *label = labels[k];
    return bases[k];
}

static void random_loop(loop_state *st, unsigned from, unsigned iterations)
{
    for (unsigned it = from; it < iterations; it++) {
        const char *label;
        const obj *base = random_base(it, &label);
        st->it = it;
        st->rng_before = rng_state;
        obj c = obj_dup(base);
        mutate_random(base, &c);
        snprintf(st->log, sizeof st->log, "%s: %s", label, mutation_log);
        if (may_run_code(&c)) { /* never let a mutated constructor run */
            st->skipped++;
            free(c.data);
            continue;
        }
        char name[48];
        snprintf(name, sizeof name, "random[%u]", it);
        hj_module *m = NULL;
        hj_status status = hj_add_object(engine, name, c.data, c.size, &m);
        if (status == HJ_OK) {
            st->accepted++; /* harmless mutations exist (a flipped bit in .comment) */
            CHECK(hj_remove(engine, m) == HJ_OK);
        } else if (!strstr(hj_errmsg(engine), name) && status != HJ_ERR_UNDEFINED &&
                   status != HJ_ERR_DUPLICATE && st->unnamed++ == 0) {
            snprintf(st->unnamed_example, sizeof st->unnamed_example, "%s: %s", name,
                     hj_errmsg(engine));
        }
        if (it % 500 == 0)
            engine_usable(name);
        free(c.data);
    }
    engine_usable("random mutations");
}

/* The loop runs in a child process; when the child dies (crash or sanitizer report),
 * the iteration and its mutations are reported and a new child goes on after it. */
static void test_random_mutations(void)
{
    const unsigned iterations = 20000;
    loop_state *st = mmap(NULL, sizeof *st, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS,
                          -1, 0);
    CHECK(st != MAP_FAILED);
    if (st == MAP_FAILED)
        return;
    memset(st, 0, sizeof *st);
    unsigned from = 0, crashes = 0;
    while (from < iterations) {
        fflush(NULL);
        pid_t pid = fork();
        if (pid == 0) {
            check_failures = 0;
            random_loop(st, from, iterations);
            fflush(NULL);
            _exit(check_failures ? 3 : 0);
        }
        int wstatus = 0;
        CHECK(pid > 0 && waitpid(pid, &wstatus, 0) == pid);
        if (WIFEXITED(wstatus) && WEXITSTATUS(wstatus) == 0)
            break;
        if (WIFEXITED(wstatus) && WEXITSTATUS(wstatus) == 3) {
            CHECK_MSG(0, "random mutations: a check failed (see above)");
            break;
        }
        crashes++;
        CHECK_MSG(!"random mutation crashed", "random[%u] %s (%s)", st->it,
                  WIFSIGNALED(wstatus) ? strsignal(WTERMSIG(wstatus)) : "sanitizer report",
                  st->log);
        /* Replay the crashing iteration's mutation here to advance the generator. */
        rng_state = st->rng_before;
        const char *label;
        const obj *base = random_base(st->it, &label);
        obj c = obj_dup(base);
        mutate_random(base, &c);
        free(c.data);
        from = st->it + 1;
        if (crashes >= 50) {
            CHECK_MSG(0, "random mutations: stopped after %u crashes", crashes);
            break;
        }
    }
    CHECK_MSG(st->unnamed == 0, "%u messages do not name the module, e.g. '%s'", st->unnamed,
              st->unnamed_example);
    printf("random mutations: %u, accepted %u, skipped (constructors) %u, crashed %u\n",
           iterations, st->accepted, st->skipped, crashes);
    munmap(st, sizeof *st);
}

/* ------------------------------------------------------------------------------------
 * Arguments
 * ------------------------------------------------------------------------------------ */

static void test_arguments(void)
{
    /* Unaligned caller bytes are fine: the engine copies them. */
    uint8_t *buf = malloc(pristine.size + 1);
    memcpy(buf + 1, pristine.data, pristine.size);
    hj_module *m = NULL;
    CHECK_MSG(hj_add_object(engine, "unaligned.o", buf + 1, pristine.size, &m) == HJ_OK, "%s",
              hj_errmsg(engine));
    if (m) {
        CHECK(call_int("eb_compute", 3) == 21);
        hj_remove(engine, m);
    }
    free(buf);
    /* NULL bytes: an argument error. Run in a child so that a crash is reported as a
     * failed check instead of ending the test. */
    static const size_t sizes[] = {0, 100};
    for (size_t i = 0; i < 2; i++) {
        fflush(NULL);
        pid_t pid = fork();
        if (pid == 0) { /* size 0 may also read as an empty (truncated) object */
            hj_status st = hj_add_object(engine, "null.o", NULL, sizes[i], NULL);
            bool ok = (st == HJ_ERR_ARG || (sizes[i] == 0 && st == HJ_ERR_FORMAT)) &&
                      strstr(hj_errmsg(engine), "null.o");
            _exit(ok ? 0 : 3);
        }
        int wstatus = 0;
        CHECK(pid > 0 && waitpid(pid, &wstatus, 0) == pid);
        CHECK_MSG(WIFEXITED(wstatus) && WEXITSTATUS(wstatus) == 0,
                  "hj_add_object(data NULL, size %zu): %s", sizes[i],
                  WIFSIGNALED(wstatus) ? strsignal(WTERMSIG(wstatus))
                                       : "did not fail with HJ_ERR_ARG naming the module");
    }
    engine_usable("arguments");
}

int main(void)
{
    pristine = obj_read("elfbad_input");
    group_obj = obj_read("elfbad_group");
    common_obj = obj_read("elfbad_common");
    CHECK(hj_engine_create(&engine, NULL) == HJ_OK);
    if (!pristine.data || !group_obj.data || !common_obj.data || !engine)
        return check_report("elf_bad");
    engine_usable("start");
    test_arguments();
    test_truncation();
    test_header();
    test_section_bounds();
    test_huge_nobits();
    test_huge_common();
    test_overlap();
    test_links();
    test_init_arrays();
    test_symbols();
    test_relocations();
    test_groups();
    test_random_mutations();
    hj_engine_destroy(engine);
    free(pristine.data);
    free(group_obj.data);
    free(common_obj.data);
    return check_report("elf_bad");
}
