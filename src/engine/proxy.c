/* Proxies for process symbols out of reach of 32-bit references (see engine.h). */
#include "engine/engine.h"

#include <stdlib.h>
#include <string.h>

#define HJ_COPY_CHUNK (64 * 1024)

typedef struct hj_copy_chunk {
    struct hj_copy_chunk *next;
    uint8_t *mem;
    size_t size, used;
} hj_copy_chunk;

/* Snapshots are written while their chunk is briefly read-write (never executable),
 * then the chunk is read-only again: JIT code reading other snapshots is unaffected. */
static hj_status snapshot(hj_engine *e, const void *src, size_t size, uintptr_t *out, hj_err *err)
{
    size_t need = (size + 15) & ~(size_t)15;
    hj_copy_chunk *c = e->copy_chunks;
    if (!c || c->size - c->used < need) {
        c = calloc(1, sizeof *c);
        if (!c)
            return hj_fail(err, HJ_ERR_NOMEM, "out of memory");
        c->size = hj_page_round(need > HJ_COPY_CHUNK ? need : HJ_COPY_CHUNK);
        void *mem;
        hj_status st = hj_region_alloc(e->region, c->size, &mem, err);
        if (st != HJ_OK) {
            free(c);
            return st;
        }
        c->mem = mem;
        c->next = e->copy_chunks;
        e->copy_chunks = c;
    }
    HJ_TRY(hj_mem_protect(c->mem, c->size, HJ_PROT_RW, err));
    memcpy(c->mem + c->used, src, size);
    *out = (uintptr_t)c->mem + c->used;
    c->used += need;
    return hj_mem_protect(c->mem, c->size, HJ_PROT_R, err);
}

static hj_status copy_of(hj_engine *e, const char *name, uintptr_t addr, size_t size,
                         uintptr_t *out, hj_err *err)
{
    void *known = hj_strmap_get(&e->copies, name);
    if (known) {
        *out = (uintptr_t)known;
        return HJ_OK;
    }
    char *key = strdup(name);
    if (!key || !hj_strmap_reserve(&e->copies, 1)) {
        free(key);
        return hj_fail(err, HJ_ERR_NOMEM, "out of memory");
    }
    hj_status st = snapshot(e, (const void *)addr, size ? size : 1, out, err);
    if (st != HJ_OK) {
        free(key);
        return st;
    }
    hj_strmap_put(&e->copies, key, (void *)*out);
    return HJ_OK;
}

static hj_status stub_of(hj_engine *e, const char *name, uintptr_t addr, uint32_t *new_stubs,
                         size_t *nnew, uintptr_t *out, hj_err *err)
{
    bool existed = hj_stubs_find(e->stubs, name) != UINT32_MAX;
    uint32_t index;
    HJ_TRY(hj_stubs_get(e->stubs, name, &index, err));
    if (!existed) {
        new_stubs[(*nnew)++] = index;
        hj_stubs_set(e->stubs, index, addr);
    }
    *out = hj_stubs_address(e->stubs, index);
    return HJ_OK;
}

hj_status hj_proxies_assign(hj_engine *e, hj_link_unit *unit, uint32_t *new_stubs,
                            size_t *nnew_stubs, hj_err *err)
{
    for (size_t i = unit->first_global; i && i < unit->elf.nsyms; i++) {
        hj_lsym *s = &unit->syms[i];
        hj_proc_info info = {0};
        if ((!s->wants_proxy && !s->wants_size) || s->target.kind != HJ_TARGET_ADDR ||
            s->target.is_tls)
            continue;
        /* Not in any dynamic symbol table (a host definition, say): the object's own
         * symbol type, where it gives one, says whether it is a function. */
        if (!hj_process_describe(s->target.addr, &info) && s->type != STT_FUNC)
            continue;
        info.is_func |= s->type == STT_FUNC;
        if (s->wants_size)
            s->target.size = info.size;
        if (!s->wants_proxy)
            continue;
        if (info.is_func)
            HJ_TRY(stub_of(e, s->name, s->target.addr, new_stubs, nnew_stubs, &s->target.addr, err));
        else if (info.read_only)
            HJ_TRY(copy_of(e, s->name, s->target.addr, info.size, &s->target.addr, err));
    }
    return HJ_OK;
}

void hj_proxies_free(hj_engine *e)
{
    for (hj_copy_chunk *c = e->copy_chunks, *next; c; c = next) {
        next = c->next;
        hj_region_free(e->region, c->mem, c->size);
        free(c);
    }
    e->copy_chunks = NULL;
    for (size_t i = 0; i < e->copies.capacity; i++)
        if (e->copies.slots[i].key && e->copies.slots[i].value)
            free((char *)e->copies.slots[i].key);
    hj_strmap_free(&e->copies);
}
