#include "symtab/symtab.h"

#include <dlfcn.h>
#include <elf.h>
#include <link.h>
#include <stdlib.h>
#include <string.h>

void hj_symtab_free(hj_symtab *symtab)
{
    for (size_t i = 0; i < symtab->host.capacity; i++) {
        const char *key = symtab->host.slots[i].key;
        if (key && symtab->host.slots[i].value) /* tombstones carry no value */
            free((char *)key);
    }
    hj_strmap_free(&symtab->jit);
    hj_strmap_free(&symtab->host);
    hj_strmap_free(&symtab->groups);
}

hj_status hj_symtab_define_host(hj_symtab *symtab, const char *name, void *addr, hj_err *err)
{
    if (hj_strmap_get(&symtab->host, name)) { /* keep the existing key, replace the value */
        hj_strmap_put(&symtab->host, name, addr);
        return HJ_OK;
    }
    char *copy = strdup(name);
    if (!copy || !hj_strmap_put(&symtab->host, copy, addr)) {
        free(copy);
        return hj_fail(err, HJ_ERR_NOMEM, "out of memory defining '%s'", name);
    }
    return HJ_OK;
}

bool hj_symtab_host(const hj_symtab *symtab, const char *name, uintptr_t *addr)
{
    void *v = hj_strmap_get(&symtab->host, name);
    if (v)
        *addr = (uintptr_t)v;
    return v != NULL;
}

/* ------------------------------------------------------------------------------------
 * The process
 * ------------------------------------------------------------------------------------ */

typedef struct tls_search {
    uintptr_t addr;
    hj_proc_sym *out;
    bool found;
} tls_search;

/* dlsym gives a TLS variable's address in the calling thread; the object whose block
 * (in this thread) contains it gives the module id and offset. */
static int find_tls_block(struct dl_phdr_info *info, size_t size, void *arg)
{
    tls_search *search = arg;
    for (size_t i = 0; i < info->dlpi_phnum; i++) {
        const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
        uintptr_t block = (uintptr_t)info->dlpi_tls_data;
        if (ph->p_type != PT_TLS || !block || search->addr < block ||
            search->addr >= block + ph->p_memsz)
            continue;
        search->out->tls_module = info->dlpi_tls_modid;
        search->out->tls_offset = search->addr - block;
        search->found = true;
        return 1;
    }
    return 0;
}

bool hj_process_lookup(const char *name, bool want_tls, uintptr_t thread_pointer,
                       hj_proc_sym *out)
{
    dlerror();
    void *addr = dlsym(RTLD_DEFAULT, name);
    if (!addr && dlerror())
        return false;
    *out = (hj_proc_sym){.addr = (uintptr_t)addr};
    if (want_tls) {
        tls_search search = {(uintptr_t)addr, out, false};
        dl_iterate_phdr(find_tls_block, &search);
        out->is_tls = true;
        /* Objects loaded at start-up keep their TLS at a fixed offset from the thread
         * pointer, so the initial-exec model can reach them too. */
        out->tls_static = true;
        out->tls_tpoff = (int64_t)((uintptr_t)addr - thread_pointer);
        return search.found;
    }
    return true;
}

/* ------------------------------------------------------------------------------------
 * What a process address is: asked only for the few symbols that need a proxy, since
 * dladdr scans a library's whole symbol table.
 * ------------------------------------------------------------------------------------ */

typedef struct segment_search {
    uintptr_t addr;
    bool found, read_only;
} segment_search;

/* Read-only: in a load segment without write permission, or in the RELRO part that
 * the dynamic linker made read-only after relocation. */
static int find_segment(struct dl_phdr_info *info, size_t size, void *arg)
{
    segment_search *search = arg;
    bool in_load = false, writable = false, in_relro = false;
    for (size_t i = 0; i < info->dlpi_phnum; i++) {
        const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
        uintptr_t start = info->dlpi_addr + ph->p_vaddr;
        if (search->addr < start || search->addr >= start + ph->p_memsz)
            continue;
        if (ph->p_type == PT_LOAD) {
            in_load = true;
            writable = ph->p_flags & PF_W;
        } else if (ph->p_type == PT_GNU_RELRO) {
            in_relro = true;
        }
    }
    if (!in_load)
        return 0;
    search->found = true;
    search->read_only = !writable || in_relro;
    return 1;
}

bool hj_process_describe(uintptr_t addr, hj_proc_info *out)
{
    Dl_info info;
    const ElfW(Sym) *sym = NULL;
    if (!addr || !dladdr1((void *)addr, &info, (void **)&sym, RTLD_DL_SYMENT) || !sym)
        return false;
    int type = ELF64_ST_TYPE(sym->st_info);
    segment_search search = {addr, false, false};
    dl_iterate_phdr(find_segment, &search);
    *out = (hj_proc_info){.is_func = type == STT_FUNC || type == STT_GNU_IFUNC,
                          .size = sym->st_size, .read_only = search.found && search.read_only};
    return true;
}
