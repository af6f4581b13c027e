#include "stubs/stubs.h"

#include <stdlib.h>
#include <string.h>

#include "common/strmap.h"

/* A chunk is whole pages of stubs followed by one page of slots. Each stub page is
 * written once, completely, before it becomes executable: handing out a stub later
 * writes only its slot. */
typedef struct hj_stub_chunk {
    uint8_t *code;
    uintptr_t *slots;
    size_t bytes;
} hj_stub_chunk;

struct hj_stubs {
    hj_region *region;
    const hj_arch *arch;
    uint8_t *trap;
    hj_trap_record record; /* what the trap calls: the engine's handler */
    size_t per_chunk;
    hj_stub_chunk *chunks;
    size_t nchunks;
    char **names;    /* by index; NULL for a free index */
    uint32_t count;  /* indices handed out so far */
    uint32_t *free;  /* indices returned by hj_stubs_unget */
    size_t nfree;
    hj_strmap by_name;
};

static hj_status make_trap(hj_stubs *s, hj_trap_handler handler, void *ctx, hj_err *err)
{
    size_t page = hj_page_size();
    void *mem;
    HJ_TRY(hj_region_alloc(s->region, page, &mem, err));
    s->record = (hj_trap_record){handler, ctx};
    s->arch->write_trap(mem, (uintptr_t)&s->record);
    s->trap = mem;
    return hj_mem_protect(mem, page, HJ_PROT_RX, err);
}

hj_status hj_stubs_create(hj_stubs **out, hj_region *region, const hj_arch *arch,
                          hj_trap_handler handler, void *ctx, hj_err *err)
{
    hj_stubs *s = calloc(1, sizeof *s);
    if (!s)
        return hj_fail(err, HJ_ERR_NOMEM, "out of memory");
    s->region = region;
    s->arch = arch;
    s->per_chunk = hj_page_size() / sizeof(uintptr_t); /* one page of slots */
    hj_status st = make_trap(s, handler, ctx, err);
    if (st != HJ_OK) {
        free(s);
        return st;
    }
    *out = s;
    return HJ_OK;
}

void hj_stubs_destroy(hj_stubs *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->nchunks; i++)
        hj_region_free(s->region, s->chunks[i].code, s->chunks[i].bytes);
    hj_region_free(s->region, s->trap, hj_page_size());
    for (uint32_t i = 0; i < s->count; i++)
        free(s->names[i]);
    free(s->names);
    free(s->chunks);
    free(s->free);
    hj_strmap_free(&s->by_name);
    free(s);
}

static hj_status add_chunk(hj_stubs *s, hj_err *err)
{
    size_t code_bytes = hj_page_round(s->per_chunk * s->arch->entry_stub_size);
    size_t bytes = code_bytes + hj_page_size();
    hj_stub_chunk *chunks = realloc(s->chunks, (s->nchunks + 1) * sizeof *chunks);
    char **names = realloc(s->names, (s->nchunks + 1) * s->per_chunk * sizeof *names);
    uint32_t *freel = realloc(s->free, (s->nchunks + 1) * s->per_chunk * sizeof *freel);
    if (chunks)
        s->chunks = chunks;
    if (names)
        s->names = names;
    if (freel)
        s->free = freel;
    if (!chunks || !names || !freel)
        return hj_fail(err, HJ_ERR_NOMEM, "out of memory for entry stubs");
    void *mem;
    HJ_TRY(hj_region_alloc(s->region, bytes, &mem, err));
    hj_stub_chunk *c = &s->chunks[s->nchunks];
    *c = (hj_stub_chunk){mem, (uintptr_t *)((uint8_t *)mem + code_bytes), bytes};
    for (size_t i = 0; i < s->per_chunk; i++) {
        uint8_t *stub = c->code + i * s->arch->entry_stub_size;
        uint32_t index = (uint32_t)(s->nchunks * s->per_chunk + i);
        s->arch->write_entry_stub(stub, (uintptr_t)&c->slots[i], (uintptr_t)s->trap, index);
        c->slots[i] = (uintptr_t)stub + s->arch->entry_stub_resume;
    }
    hj_status st = hj_mem_protect(c->code, code_bytes, HJ_PROT_RX, err);
    if (st != HJ_OK) {
        hj_region_free(s->region, mem, bytes);
        return st;
    }
    s->nchunks++;
    return HJ_OK;
}

uint32_t hj_stubs_find(const hj_stubs *s, const char *name)
{
    void *v = hj_strmap_get(&s->by_name, name);
    return v ? (uint32_t)((uintptr_t)v - 1) : UINT32_MAX;
}

hj_status hj_stubs_get(hj_stubs *s, const char *name, uint32_t *index, hj_err *err)
{
    uint32_t found = hj_stubs_find(s, name);
    if (found != UINT32_MAX) {
        *index = found;
        return HJ_OK;
    }
    if (!s->nfree && s->count == s->nchunks * s->per_chunk)
        HJ_TRY(add_chunk(s, err));
    char *copy = strdup(name);
    if (!copy || !hj_strmap_reserve(&s->by_name, 1)) {
        free(copy);
        return hj_fail(err, HJ_ERR_NOMEM, "out of memory for entry stub '%s'", name);
    }
    uint32_t i = s->nfree ? s->free[--s->nfree] : s->count++;
    s->names[i] = copy;
    hj_strmap_put(&s->by_name, copy, (void *)(uintptr_t)(i + 1));
    *index = i;
    return HJ_OK;
}

void hj_stubs_unget(hj_stubs *s, uint32_t index)
{
    hj_strmap_remove(&s->by_name, s->names[index]);
    free(s->names[index]);
    s->names[index] = NULL;
    hj_stubs_set(s, index, 0);
    s->free[s->nfree++] = index;
}

static hj_stub_chunk *chunk_of(const hj_stubs *s, uint32_t index)
{
    return &s->chunks[index / s->per_chunk];
}

uintptr_t hj_stubs_address(const hj_stubs *s, uint32_t index)
{
    return (uintptr_t)chunk_of(s, index)->code + (index % s->per_chunk) * s->arch->entry_stub_size;
}

uint32_t hj_stubs_index_of(const hj_stubs *s, uintptr_t address)
{
    size_t size = s->arch->entry_stub_size;
    for (size_t c = 0; c < s->nchunks; c++) {
        uintptr_t code = (uintptr_t)s->chunks[c].code;
        if (address < code || address >= code + s->per_chunk * size || (address - code) % size)
            continue;
        size_t index = c * s->per_chunk + (address - code) / size;
        return index < s->count ? (uint32_t)index : UINT32_MAX;
    }
    return UINT32_MAX;
}

const char *hj_stubs_name(const hj_stubs *s, uint32_t index)
{
    return index < s->count && s->names[index] ? s->names[index] : "?";
}

void hj_stubs_set(hj_stubs *s, uint32_t index, uintptr_t target)
{
    uintptr_t *slot = &chunk_of(s, index)->slots[index % s->per_chunk];
    if (!target)
        target = hj_stubs_address(s, index) + s->arch->entry_stub_resume;
    __atomic_store_n(slot, target, __ATOMIC_RELEASE);
}

uintptr_t hj_stubs_target(const hj_stubs *s, uint32_t index)
{
    uintptr_t t = __atomic_load_n(&chunk_of(s, index)->slots[index % s->per_chunk], __ATOMIC_ACQUIRE);
    return t == hj_stubs_address(s, index) + s->arch->entry_stub_resume ? 0 : t;
}
