/* Replacing a module while its code runs. The new version goes through the whole add
 * pipeline first (nothing visible changes if that fails); the version it replaces steps
 * aside during resolution. Writable data that both versions define with the same name
 * and size keeps its storage and value: the new code is linked to the old storage,
 * whose pages the new module then shares. After publication every function of the new
 * version is reached through the stubs (one release store per slot), functions only the
 * old version had go back to the trap, users of the old module's data become users of
 * the new one, and the old module is retired (freed when no thread can be inside it). */
#include <stdlib.h>
#include <string.h>

#include "engine/batch.h"

/* ------------------------------------------------------------------------------------
 * What a module can hand on
 * ------------------------------------------------------------------------------------ */

static bool is_kept_data(const hj_link_unit *unit, const hj_lsym *s)
{
    if (!s->name[0] || s->type == STT_TLS || s->discarded)
        return false;
    if (s->bind != STB_LOCAL && s->target.kind != HJ_TARGET_SELF)
        return false;
    if (s->section == SHN_COMMON)
        return true;
    return s->type == STT_OBJECT && s->section < unit->elf.shnum &&
           unit->secs[s->section].seg == HJ_SEG_DATA;
}

static hj_status add_own_dataseg(hj_module *m, hj_err *err)
{
    m->datasegs = calloc(1, sizeof *m->datasegs);
    if (!m->datasegs)
        return hj_fail(err, HJ_ERR_NOMEM, "out of memory");
    if (!m->seg_size[HJ_SEG_DATA])
        return HJ_OK;
    hj_dataseg *seg = malloc(sizeof *seg);
    if (!seg)
        return hj_fail(err, HJ_ERR_NOMEM, "out of memory");
    *seg = (hj_dataseg){m->seg_addr[HJ_SEG_DATA], m->seg_size[HJ_SEG_DATA], 1};
    m->datasegs[m->ndatasegs++] = seg;
    return HJ_OK;
}

hj_status hj_module_record_data(hj_module *m, const hj_link_unit *unit, hj_err *err)
{
    HJ_TRY(add_own_dataseg(m, err));
    m->keep = calloc(unit->elf.nsyms + 1, sizeof *m->keep);
    if (!m->keep)
        return hj_fail(err, HJ_ERR_NOMEM, "out of memory");
    for (size_t i = 1; i < unit->elf.nsyms; i++) {
        const hj_lsym *s = &unit->syms[i];
        if (is_kept_data(unit, s))
            m->keep[m->nkeep++] = (hj_keep){m->strtab + (s->name - unit->elf.strtab), s->addr, s->size};
    }
    return HJ_OK;
}

/* ------------------------------------------------------------------------------------
 * Before layout: the old version's data by name; users of the old module
 * ------------------------------------------------------------------------------------ */

static const hj_keep ambiguous; /* a name two kept symbols share: kept by neither */

/* Lazy modules make module-local names global by appending ".hj" and 8 hex digits
 * unique in the engine (src/ir/lazy.c); versions match kept data by the name without
 * it, so state carries over between lazy and eager versions of a module. */
static size_t base_length(const char *name)
{
    size_t n = strlen(name);
    if (n > 11 && !strncmp(name + n - 11, ".hj", 3) &&
        strspn(name + n - 8, "0123456789abcdef") == 8)
        return n - 11;
    return n;
}

static hj_status index_kept(hj_batch *b)
{
    hj_module *old = b->replacing;
    size_t room = 1;
    for (size_t i = 0; i < old->nkeep; i++)
        room += base_length(old->keep[i].name) + 1;
    if (!hj_strmap_reserve(&b->kept, old->nkeep) || !(b->kept_keys = malloc(room)))
        return hj_fail(&b->err, HJ_ERR_NOMEM, "out of memory");
    char *key = b->kept_keys;
    for (size_t i = 0; i < old->nkeep; i++) {
        const hj_keep *k = &old->keep[i];
        size_t n = base_length(k->name);
        memcpy(key, k->name, n);
        key[n] = '\0';
        hj_strmap_put(&b->kept, key, hj_strmap_get(&b->kept, key) ? (void *)&ambiguous : (void *)k);
        key += n + 1;
    }
    return HJ_OK;
}

static const hj_keep *kept_for(hj_batch *b, const hj_link_unit *unit, const hj_lsym *s)
{
    if (!is_kept_data(unit, s))
        return NULL;
    char key[512];
    size_t n = base_length(s->name);
    const hj_keep *k = hj_strmap_get(&b->kept, s->name);
    if (n < sizeof key) {
        memcpy(key, s->name, n);
        key[n] = '\0';
        k = hj_strmap_get(&b->kept, key);
    }
    return k && k != &ambiguous && k->size == s->size ? k : NULL;
}

static const hj_lsym *new_definition(const hj_link_unit *unit, const char *name)
{
    for (size_t i = unit->first_global; i && i < unit->elf.nsyms; i++)
        if (hj_link_defines(unit, i) && !strcmp(unit->syms[i].name, name))
            return &unit->syms[i];
    return NULL;
}

/* A module that uses the old version's data must find it, with its storage, in the new. */
static hj_status check_users(hj_batch *b)
{
    const hj_link_unit *unit = &b->units[0];
    for (hj_module *u = b->engine->first; u; u = u->next)
        for (size_t i = 0; u != b->replacing && i < u->ndeps; i++) {
            const hj_dep *dep = &u->deps[i];
            if (dep->module != b->replacing)
                continue;
            const hj_lsym *s = new_definition(unit, dep->symbol);
            if (!s)
                return hj_fail(&b->err, HJ_ERR_STATE, "cannot replace %s: module %s uses its '%s', "
                               "which the new version does not define", b->replacing->name,
                               u->name, dep->symbol);
            if (!hj_lsym_is_func(s) && !kept_for(b, unit, s))
                return hj_fail(&b->err, HJ_ERR_STATE, "cannot replace %s: module %s uses its data "
                               "'%s', which would not keep its storage (fresh state, or another "
                               "size)", b->replacing->name, u->name, dep->symbol);
        }
    return HJ_OK;
}

hj_status hj_replace_prepare(hj_batch *b)
{
    b->shared_room = calloc(b->replacing->ndatasegs + 2, sizeof *b->shared_room);
    if (!b->shared_room)
        return hj_fail(&b->err, HJ_ERR_NOMEM, "out of memory");
    if (!(b->replace_flags & HJ_REPLACE_FRESH_STATE))
        HJ_TRY(index_kept(b));
    return check_users(b);
}

/* After placement: kept data points at the old storage, for every reference. */
hj_status hj_replace_preserve(hj_batch *b)
{
    hj_link_unit *unit = &b->units[0];
    for (size_t i = 1; b->kept.count && i < unit->elf.nsyms; i++) {
        const hj_keep *k = kept_for(b, unit, &unit->syms[i]);
        if (k)
            HJ_TRY(hj_link_move_symbol(unit, i, k->addr, &b->err));
    }
    return HJ_OK;
}

/* ------------------------------------------------------------------------------------
 * After publication
 * ------------------------------------------------------------------------------------ */

static hj_dataseg *segment_holding(const hj_module *m, uintptr_t addr)
{
    for (size_t i = 0; i < m->ndatasegs; i++)
        if (addr >= m->datasegs[i]->addr && addr < m->datasegs[i]->addr + m->datasegs[i]->size)
            return m->datasegs[i];
    return NULL;
}

/* The new module shares the old pages its kept data lives in. Room for them: at most
 * every segment of the old module, reserved by the caller. */
static void share_segments(hj_module *m, const hj_module *old, hj_dataseg **room)
{
    size_t n = m->ndatasegs;
    memcpy(room, m->datasegs, n * sizeof *room);
    for (size_t i = 0; i < m->nkeep; i++) {
        hj_dataseg *seg = segment_holding(old, m->keep[i].addr);
        bool have = !seg;
        for (size_t j = 0; j < n && !have; j++)
            have = room[j] == seg;
        if (!have) {
            seg->refs++;
            room[n++] = seg;
        }
    }
    free(m->datasegs);
    m->datasegs = room;
    m->ndatasegs = n;
}

static void move_users(hj_engine *engine, hj_module *old, hj_module *m)
{
    for (hj_module *u = engine->first; u; u = u->next)
        for (size_t i = 0; u != m && i < u->ndeps; i++)
            if (u->deps[i].module == old) {
                u->deps[i].module = m;
                m->users++;
            }
    old->users = 0;
}

/* Functions only the old version defined become undefined; its groups go. */
static void withdraw_old(hj_engine *engine, hj_module *old)
{
    for (size_t i = 0; i < old->ndefs; i++) {
        hj_def *d = &old->defs[i];
        if (hj_strmap_get(&engine->symtab.jit, d->name) != d)
            continue;
        hj_strmap_remove(&engine->symtab.jit, d->name);
        if (d->stub)
            hj_stubs_set(engine->stubs, d->stub - 1, 0);
    }
    for (size_t g = 0; g < old->ngroups; g++)
        if (hj_strmap_get(&engine->symtab.groups, old->groups[g]) == old)
            hj_strmap_remove(&engine->symtab.groups, old->groups[g]);
    for (size_t i = 0; i < old->ndeps; i++)
        old->deps[i].module->users--;
    old->ndeps = 0;
}

void hj_replace_publish(hj_batch *b)
{
    hj_engine *engine = b->engine;
    hj_module *old = b->replacing, *m = b->modules[0];
    share_segments(m, old, b->shared_room);
    b->shared_room = NULL;
    move_users(engine, old, m);
    withdraw_old(engine, old);
    if (!(b->replace_flags & HJ_REPLACE_FRESH_STATE))
        hj_shim_disarm(old->dso_handle); /* what its handlers would destroy lives on */
    else
        old->removing = true; /* its destructors run next, outside the lock: not freed before */
    hj_module_unlink(engine, old);
    hj_retire_locked(engine, old, false);
}
