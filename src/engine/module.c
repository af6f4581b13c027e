/* Adding and removing modules. hj_add_objects is one transaction: every object of the
 * batch is opened, resolved, laid out, allocated, relocated and protected before anything
 * the engine shows changes; any failure undoes all of it. Publishing (symbol table,
 * stub slots, COMDAT table) cannot fail, because its room is reserved first. */
#include "engine/engine.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/lock.h"
#include "engine/batch.h"
#include "link/tls.h"

static hj_status nomem(hj_batch *b)
{
    return hj_fail(&b->err, HJ_ERR_NOMEM, "out of memory");
}

/* ------------------------------------------------------------------------------------
 * Opening, COMDAT groups
 * ------------------------------------------------------------------------------------ */

static hj_status open_units(hj_batch *b, const hj_object *objects)
{
    for (size_t i = 0; i < b->count; i++) {
        hj_module *m = calloc(1, sizeof *m);
        const char *name = objects[i].name ? objects[i].name : "<object>";
        if (!m || !(m->name = strdup(name))) {
            free(m);
            return nomem(b);
        }
        b->modules[i] = m;
        if (!objects[i].data)
            return hj_fail(&b->err, HJ_ERR_ARG, "%s: object data is NULL", name);
        m->engine = b->engine;
        b->modules[i] = m;
        uint64_t t0 = hj_now_ns();
        HJ_TRY(hj_link_open(&b->units[i], b->engine->arch, m->name, objects[i].data,
                            objects[i].size, &b->err));
        m->stats.link_ns += hj_now_ns() - t0;
    }
    return HJ_OK;
}

static hj_status choose_groups(hj_batch *b)
{
    for (size_t u = 0; u < b->count; u++) {
        hj_link_unit *unit = &b->units[u];
        for (size_t g = 0; g < unit->ngroups; g++) {
            const char *sig = unit->groups[g].signature;
            hj_module *owner = hj_strmap_get(&b->engine->symtab.groups, sig);
            if ((owner && owner != b->replacing) || hj_strmap_get(&b->groups, sig))
                hj_link_discard_group(unit, g);
            else if (!hj_strmap_put(&b->groups, sig, PACK(u, g)))
                return nomem(b);
        }
    }
    return HJ_OK;
}

/* ------------------------------------------------------------------------------------
 * Definitions: strong beats common beats weak, across the batch and the engine
 * ------------------------------------------------------------------------------------ */

static int strength(const hj_lsym *s)
{
    if (s->section == SHN_COMMON)
        return 1;
    return s->bind == STB_WEAK ? 0 : 2;
}

static hj_status duplicate(hj_batch *b, const char *name, const char *first, const char *second)
{
    return hj_fail(&b->err, HJ_ERR_DUPLICATE, "duplicate definition of '%s' in %s and %s",
                   name, first, second);
}

static hj_status add_candidate(hj_batch *b, size_t u, size_t i)
{
    const hj_lsym *s = &b->units[u].syms[i];
    void *cur = hj_strmap_get(&b->winners, s->name);
    if (!cur)
        return hj_strmap_put(&b->winners, s->name, PACK(u, i)) ? HJ_OK : nomem(b);
    const hj_lsym *w = &b->units[UNIT_OF(cur)].syms[SYM_OF(cur)];
    int sa = strength(s), sw = strength(w);
    if (sa == 2 && sw == 2)
        return duplicate(b, s->name, b->modules[UNIT_OF(cur)]->name, b->modules[u]->name);
    bool replace = sa > sw || (sa == 1 && sw == 1 && s->size > w->size);
    if (replace)
        hj_strmap_put(&b->winners, s->name, PACK(u, i));
    return HJ_OK;
}

/* A definition the engine already has meets one of the batch. */
static hj_status against_engine(hj_batch *b, const hj_def *e, const hj_lsym *s, size_t u)
{
    const char *old = ((hj_module *)e->module)->name;
    int sn = strength(s);
    if (e->bind == HJ_BIND_STRONG && sn == 2)
        return duplicate(b, s->name, old, b->modules[u]->name);
    if (sn == 2 && e->kind != HJ_DEF_FUNC)
        return hj_fail(&b->err, HJ_ERR_DUPLICATE, "%s: strong definition of '%s' cannot replace the "
                       "weak or common one %s already provides to running code; add both modules "
                       "in one hj_add_objects call", b->modules[u]->name, s->name, old);
    if (sn == 1 && e->bind == HJ_BIND_COMMON && s->size > e->size)
        return hj_fail(&b->err, HJ_ERR_DUPLICATE, "%s: common symbol '%s' (%llu bytes) is larger than "
                       "the %llu bytes %s allocated", b->modules[u]->name, s->name,
                       (unsigned long long)s->size, (unsigned long long)e->size, old);
    return HJ_OK;
}

static hj_status collect_definitions(hj_batch *b)
{
    for (size_t u = 0; u < b->count; u++)
        for (size_t i = b->units[u].first_global; i && i < b->units[u].elf.nsyms; i++)
            if (hj_link_defines(&b->units[u], i))
                HJ_TRY(add_candidate(b, u, i));
    for (size_t k = 0; k < b->winners.capacity; k++) {
        hj_strmap_slot *slot = &b->winners.slots[k];
        if (!slot->key || !slot->value)
            continue;
        size_t u = UNIT_OF(slot->value);
        const hj_lsym *s = &b->units[u].syms[SYM_OF(slot->value)];
        const hj_def *e = hj_strmap_get(&b->engine->symtab.jit, s->name);
        if (!e || e->module == b->replacing) /* the version being replaced steps aside */
            continue;
        if (b->lazy_parent && e->module == b->lazy_parent) /* the compiled body it waited for */
            continue;
        HJ_TRY(against_engine(b, e, s, u));
        if (!(strength(s) == 2 && e->bind != HJ_BIND_STRONG)) /* the engine's one stays */
            slot->value = NULL;
    }
    return HJ_OK;
}

/* ------------------------------------------------------------------------------------
 * Resolution: every global symbol of every unit gets a target
 * ------------------------------------------------------------------------------------ */

static hj_status add_dep(hj_module *m, hj_module *on, const char *symbol)
{
    if (m == on)
        return HJ_OK;
    for (size_t i = 0; i < m->ndeps; i++)
        if (m->deps[i].module == on)
            return HJ_OK;
    hj_dep *deps = realloc(m->deps, (m->ndeps + 1) * sizeof *deps);
    if (!deps)
        return HJ_ERR_NOMEM;
    m->deps = deps;
    deps[m->ndeps++] = (hj_dep){on, symbol};
    return HJ_OK;
}

static void target_from_def(hj_engine *engine, const hj_def *d, hj_target *t)
{
    *t = (hj_target){.kind = HJ_TARGET_ADDR, .size = d->size,
                     .is_tls = d->kind == HJ_DEF_TLS, .tls_module = d->tls_module,
                     .tls_offset = d->addr, .tls_static = d->tls_static,
                     .tls_tpoff = d->tls_tpoff + (int64_t)d->addr};
    t->addr = d->stub ? hj_stubs_address(engine->stubs, d->stub - 1) : d->addr;
}

/* Many modules of a batch name the same libc functions: each name is asked of the
 * dynamic linker once per batch. */
static bool lookup_process(hj_batch *b, const hj_lsym *s, hj_proc_sym *out)
{
    const hj_proc_sym *known = hj_strmap_get(&b->process, s->name);
    if (known && known->is_tls == (s->type == STT_TLS)) {
        *out = *known;
        return true;
    }
    if (!hj_process_lookup(s->name, s->type == STT_TLS, b->engine->arch->thread_pointer(), out))
        return false;
    hj_proc_sym *copy = malloc(sizeof *copy);
    if (copy && hj_strmap_put(&b->process, s->name, copy))
        *copy = *out;
    else
        free(copy);
    return true;
}

static bool resolve_outside(hj_batch *b, size_t u, const hj_lsym *s, hj_target *t)
{
    hj_engine *engine = b->engine;
    uintptr_t addr;
    if (!strcmp(s->name, "_GLOBAL_OFFSET_TABLE_")) {
        t->kind = HJ_TARGET_GOT;
        return true;
    }
    if (!strcmp(s->name, "__dso_handle")) { /* a lazy module's parts share its handle */
        *t = b->lazy_parent ? (hj_target){.kind = HJ_TARGET_ADDR,
                                          .addr = (uintptr_t)b->lazy_parent->dso_handle}
                            : (hj_target){.kind = HJ_TARGET_DSO};
        return true;
    }
    if (hj_symtab_host(&engine->symtab, s->name, &addr) ||
        hj_shim_lookup(s->name, engine->arch->tls_get_addr_name, &addr)) {
        *t = (hj_target){.kind = HJ_TARGET_ADDR, .addr = addr};
        return true;
    }
    hj_proc_sym p;
    if (!lookup_process(b, s, &p))
        return false;
    *t = (hj_target){.kind = HJ_TARGET_ADDR, .addr = p.addr,
                     .is_tls = p.is_tls, .tls_static = p.tls_static, .tls_module = p.tls_module,
                     .tls_offset = p.tls_offset, .tls_tpoff = p.tls_tpoff};
    return true;
}

/* A function no module defines yet, only ever called: the call goes through its entry
 * stub, which points at the trap until a module defines the function. */
static hj_status defer_call(hj_batch *b, size_t u, hj_lsym *s)
{
    hj_stubs *stubs = b->engine->stubs;
    bool existed = hj_stubs_find(stubs, s->name) != UINT32_MAX;
    uint32_t index;
    HJ_TRY(hj_stubs_get(stubs, s->name, &index, &b->err));
    if (!existed)
        b->new_stubs[b->nnew_stubs++] = index;
    if (!hj_strmap_get(&b->engine->referrers, hj_stubs_name(stubs, index))) {
        char *who = strdup(b->modules[u]->name);
        if (!who || !hj_strmap_put(&b->engine->referrers, hj_stubs_name(stubs, index), who))
            free(who); /* the trap's message then names no module: not worth failing for */
    }
    s->target = (hj_target){.kind = HJ_TARGET_ADDR, .addr = hj_stubs_address(stubs, index)};
    return HJ_OK;
}

static hj_status resolve_symbol(hj_batch *b, size_t u, size_t i, size_t *missing)
{
    hj_lsym *s = &b->units[u].syms[i];
    void *w = hj_strmap_get(&b->winners, s->name);
    const hj_def *d = w ? NULL : hj_strmap_get(&b->engine->symtab.jit, s->name);
    if (d && d->module == b->replacing)
        d = NULL;
    if (w && UNIT_OF(w) == u && SYM_OF(w) == i) {
        s->target.kind = HJ_TARGET_SELF;
    } else if (w) {
        const hj_lsym *def = &b->units[UNIT_OF(w)].syms[SYM_OF(w)];
        s->target = (hj_target){.kind = HJ_TARGET_UNIT, .unit = &b->units[UNIT_OF(w)],
                                .sym = SYM_OF(w), .size = def->size};
        if (!hj_lsym_is_func(def) || def->bind == STB_WEAK)
            if (add_dep(b->modules[u], b->modules[UNIT_OF(w)], s->name) != HJ_OK)
                return nomem(b);
    } else if (d) {
        target_from_def(b->engine, d, &s->target);
        if (b->lazy_parent && d->module == b->lazy_parent && d->kind == HJ_DEF_FUNC &&
            !d->baseline) /* compiled before (and not to be replaced): calls go straight to it */
            s->target.body = d->addr;
        if ((d->kind != HJ_DEF_FUNC || d->comdat) && add_dep(b->modules[u], d->module, s->name) != HJ_OK)
            return nomem(b);
    } else if (!resolve_outside(b, u, s, &s->target)) {
        if (s->bind == STB_WEAK) {
            s->target.kind = HJ_TARGET_WEAK0;
            return HJ_OK;
        }
        if (b->defer_calls[u] && (!s->non_call_ref || hj_lsym_is_func(s)))
            return defer_call(b, u, s);
        hj_err_append(&b->err, "%s'%s' (%s)", (*missing)++ ? ", " : "", s->name, b->modules[u]->name);
    }
    return HJ_OK;
}

static hj_status resolve_all(hj_batch *b)
{
    size_t missing = 0;
    b->err.msg[0] = '\0';
    hj_err_append(&b->err, "undefined symbols: ");
    for (size_t u = 0; u < b->count; u++)
        for (size_t i = b->units[u].first_global; i && i < b->units[u].elf.nsyms; i++)
            if (b->units[u].syms[i].name[0] || b->units[u].syms[i].section != SHN_UNDEF)
                HJ_TRY(resolve_symbol(b, u, i, &missing));
    if (missing)
        return b->err.status = HJ_ERR_UNDEFINED;
    b->err.msg[0] = '\0';
    return HJ_OK;
}

/* ------------------------------------------------------------------------------------
 * Memory, entry stubs, TLS
 * ------------------------------------------------------------------------------------ */

/* Where in its first page each segment of a unit begins: where the previous unit's
 * segment of that kind ended (the cursor), as if units were laid out end to end.
 * Starting every small unit (a lazily compiled function, a query's module) at a page
 * boundary puts all their entries in the few sets of the L1 caches that a page offset
 * selects: SQLite compiled lazily ran a 1,000,000-step recursive CTE in 0.32 s so, in
 * 0.24 s with this placement (eager: 0.25 s). Baseline code (tiers) has cursors of its
 * own, so that it does not take the places between the optimised parts: with one set,
 * SQLite's INSERT ran 6 % slower with --tier-up=1 (every function compiled at -O0, then
 * at once at -O2) than without tiers, on the same optimised code. */
static void segment_starts(uint64_t cursor[], const hj_link_unit *unit, uint64_t start[])
{
    enum { LINE = 64 };
    for (int s = 0; s < HJ_SEG_COUNT; s++) {
        uint64_t align = unit->seg_align[s];
        start[s] = unit->seg_size[s] ? (cursor[s] + align - 1) & ~(align - 1) : 0;
        if (unit->seg_size[s])
            cursor[s] = ((start[s] + unit->seg_size[s] + LINE - 1) & ~(uint64_t)(LINE - 1)) %
                        hj_page_size();
    }
}

/* One allocation for the whole batch, all units' text first, then all read-only
 * parts, then all read-write parts, each unit's part on its own pages (so that a unit
 * can be freed alone): the batch is protected with two mprotect calls, not two per
 * module. */
static hj_status allocate_units(hj_batch *b)
{
    hj_region *region = b->engine->region;
    size_t total[HJ_SEG_COUNT] = {0};
    uint64_t cursor[HJ_SEG_COUNT], start[HJ_SEG_COUNT];
    uint64_t *kept = b->engine->seg_cursor[b->lazy_baseline];
    memcpy(cursor, kept, sizeof cursor);
    for (size_t u = 0; u < b->count; u++) {
        hj_link_unit *unit = &b->units[u];
        uint64_t t0 = hj_now_ns();
        unit->dso_elsewhere = b->lazy_parent != NULL;
        HJ_TRY(hj_link_layout(unit, hj_region_base(region), hj_region_end(region), &b->err));
        b->modules[u]->stats.link_ns += hj_now_ns() - t0;
        segment_starts(cursor, unit, start);
        for (int s = 0; s < HJ_SEG_COUNT; s++)
            total[s] += hj_page_round(start[s] + unit->seg_size[s]);
    }
    b->mem_size = total[HJ_SEG_TEXT] + total[HJ_SEG_RO] + total[HJ_SEG_DATA];
    void *mem = NULL;
    if (b->mem_size && hj_region_alloc(region, b->mem_size, &mem, &b->err) != HJ_OK) {
        char why[HJ_ERRMSG_MAX];
        memcpy(why, b->err.msg, sizeof why);
        return hj_fail(&b->err, b->err.status, "%s%s: %s", b->modules[0]->name,
                       b->count > 1 ? " and the rest of its batch" : "", why);
    }
    b->mem = mem;
    uintptr_t at[HJ_SEG_COUNT] = {(uintptr_t)mem};
    at[HJ_SEG_RO] = at[HJ_SEG_TEXT] + total[HJ_SEG_TEXT];
    at[HJ_SEG_DATA] = at[HJ_SEG_RO] + total[HJ_SEG_RO];
    b->ro_start = at[HJ_SEG_RO];
    memcpy(cursor, kept, sizeof cursor);
    for (size_t u = 0; u < b->count; u++) {
        hj_link_unit *unit = &b->units[u];
        hj_module *m = b->modules[u];
        uintptr_t placed[HJ_SEG_COUNT];
        segment_starts(cursor, unit, start);
        for (int s = 0; s < HJ_SEG_COUNT; s++)
            placed[s] = at[s] + start[s];
        hj_link_place(unit, placed);
        m->dso_handle = b->lazy_parent ? b->lazy_parent->dso_handle
                                       : (void *)(placed[HJ_SEG_DATA] + unit->dso_offset);
        for (int s = 0; s < HJ_SEG_COUNT; s++) {
            m->seg_addr[s] = at[s];
            m->seg_size[s] = hj_page_round(start[s] + unit->seg_size[s]);
            at[s] += m->seg_size[s];
        }
    }
    memcpy(kept, cursor, sizeof cursor);
    return HJ_OK;
}

/* placeholders: the unit is a lazy module's globals object, whose functions are labels
 * over ud2 until compiled: a call from its own code (module-level asm) must take the
 * stub. */
static hj_status assign_stub(hj_batch *b, hj_lsym *s, const hj_lsym *alias_of, bool placeholders)
{
    hj_stubs *stubs = b->engine->stubs;
    uint32_t index;
    if (alias_of) { /* two names for one function: one canonical address */
        index = alias_of->stub - 1;
    } else {
        bool existed = hj_stubs_find(stubs, s->name) != UINT32_MAX;
        HJ_TRY(hj_stubs_get(stubs, s->name, &index, &b->err));
        if (!existed)
            b->new_stubs[b->nnew_stubs++] = index;
    }
    s->stub = index + 1;
    s->canonical = hj_stubs_address(stubs, index);
    s->direct_call = s->bind == STB_GLOBAL && !placeholders;
    return HJ_OK;
}

static const hj_lsym *sort_syms;

static int compare_by_addr(const void *a, const void *b)
{
    uintptr_t x = sort_syms[*(const size_t *)a].addr, y = sort_syms[*(const size_t *)b].addr;
    return x < y ? -1 : x > y;
}

/* Exported functions of a unit, in address order so that aliases sit side by side. */
static hj_status assign_unit_stubs(hj_batch *b, hj_link_unit *unit, bool placeholders)
{
    size_t n = 0, *order = malloc((unit->elf.nsyms + 1) * sizeof *order);
    if (!order)
        return nomem(b);
    for (size_t i = unit->first_global; i && i < unit->elf.nsyms; i++)
        if (unit->syms[i].target.kind == HJ_TARGET_SELF && hj_lsym_is_func(&unit->syms[i]))
            order[n++] = i;
    sort_syms = unit->syms;
    qsort(order, n, sizeof *order, compare_by_addr);
    hj_status st = HJ_OK;
    for (size_t k = 0; k < n && st == HJ_OK; k++) {
        hj_lsym *s = &unit->syms[order[k]];
        const hj_lsym *prev = k ? &unit->syms[order[k - 1]] : NULL;
        st = assign_stub(b, s, prev && prev->addr == s->addr ? prev : NULL, placeholders);
    }
    free(order);
    return st;
}

static hj_status assign_stubs_and_tls(hj_batch *b)
{
    for (size_t u = 0; u < b->count; u++) {
        hj_link_unit *unit = &b->units[u];
        uint64_t t0 = hj_now_ns();
        HJ_TRY(assign_unit_stubs(b, unit, b->lazy && b->lazy[u]));
        HJ_TRY(hj_proxies_assign(b->engine, unit, b->new_stubs, &b->nnew_stubs, &b->err));
        if (unit->tls_size)
            HJ_TRY(hj_tls_register((void *)(unit->seg_addr[HJ_SEG_RO] + unit->tls_image_offset),
                                   unit->tls_image_size, unit->tls_size, unit->tls_align,
                                   unit->tls_wants_static, &unit->tls_module, &unit->tls_static,
                                   &unit->tls_tpoff, &b->err));
        b->modules[u]->tls_module = unit->tls_module;
        b->modules[u]->stats.link_ns += hj_now_ns() - t0;
    }
    return HJ_OK;
}

/* ------------------------------------------------------------------------------------
 * The module records: definitions, groups, destructors
 * ------------------------------------------------------------------------------------ */

static hj_def def_of(const hj_link_unit *unit, const hj_lsym *s, hj_module *m)
{
    hj_def d = {.name = m->strtab + (s->name - unit->elf.strtab), .module = m, .addr = s->addr,
                .size = s->size, .kind = HJ_DEF_DATA,
                .bind = s->section == SHN_COMMON ? HJ_BIND_COMMON
                      : s->bind == STB_WEAK ? HJ_BIND_WEAK : HJ_BIND_STRONG,
                .comdat = false, .tls_module = unit->tls_module, .tls_static = unit->tls_static,
                .tls_tpoff = unit->tls_tpoff};
    if (hj_lsym_is_tls(s))
        d.kind = HJ_DEF_TLS;
    if (hj_lsym_is_func(s)) {
        d.kind = HJ_DEF_FUNC;
        d.stub = s->stub;
    }
    const hj_lsec *sec = s->section < unit->elf.shnum ? &unit->secs[s->section] : NULL;
    for (size_t g = 0; sec && g < unit->ngroups; g++) {
        const uint32_t *members;
        size_t n;
        uint32_t flags;
        if (!unit->groups[g].keep ||
            hj_elf_group(&unit->elf, unit->groups[g].section, &members, &n, &flags, NULL) != HJ_OK)
            continue;
        for (size_t k = 0; k < n; k++)
            d.comdat |= members[k] == s->section;
    }
    return d;
}

static hj_status build_module(hj_batch *b, size_t u)
{
    hj_link_unit *unit = &b->units[u];
    hj_module *m = b->modules[u];
    m->strtab = malloc(unit->elf.strtab_size + 1);
    m->defs = calloc(unit->elf.nsyms + 1, sizeof *m->defs);
    m->groups = calloc(unit->ngroups + 1, sizeof *m->groups);
    if (!m->strtab || !m->defs || !m->groups)
        return nomem(b);
    if (unit->elf.strtab_size)
        memcpy(m->strtab, unit->elf.strtab, unit->elf.strtab_size);
    for (size_t i = unit->first_global; i && i < unit->elf.nsyms; i++)
        if (hj_link_defines(unit, i) && unit->syms[i].target.kind == HJ_TARGET_SELF)
            m->defs[m->ndefs++] = def_of(unit, &unit->syms[i], m);
    for (size_t g = 0; g < unit->ngroups; g++)
        if (unit->groups[g].keep)
            m->groups[m->ngroups++] = m->strtab + (unit->groups[g].signature - unit->elf.strtab);
    if (b->lazy && b->lazy[u])
        HJ_TRY(hj_lazy_mark_functions(m, b->lazy[u], &b->err));
    m->finis = unit->finis;
    m->nfinis = unit->nfinis;
    unit->finis = NULL;
    unit->nfinis = 0;
    HJ_TRY(hj_module_record_data(m, unit, &b->err));
    if (unit->eh_frame_section && hj_eh_register((void *)unit->secs[unit->eh_frame_section].addr))
        m->eh_frame = (void *)unit->secs[unit->eh_frame_section].addr;
    return hj_shim_register_range(m->seg_addr[HJ_SEG_TEXT],
                                  m->seg_addr[HJ_SEG_TEXT] + m->seg_size[HJ_SEG_TEXT],
                                  m->dso_handle, &b->err);
}

static hj_status link_units(hj_batch *b)
{
    for (size_t u = 0; u < b->count; u++) {
        uint64_t t0 = hj_now_ns();
        HJ_TRY(hj_link_relocate(&b->units[u], &b->err));
        b->modules[u]->stats.link_ns += hj_now_ns() - t0;
    }
    HJ_TRY(hj_mem_protect(b->mem, b->ro_start - (uintptr_t)b->mem, HJ_PROT_RX, &b->err));
    uintptr_t ro_end = b->ro_start;
    for (size_t u = 0; u < b->count; u++)
        ro_end += b->modules[u]->seg_size[HJ_SEG_RO];
    HJ_TRY(hj_mem_protect((void *)b->ro_start, ro_end - b->ro_start, HJ_PROT_R, &b->err));
    for (size_t u = 0; u < b->count; u++) {
        HJ_TRY(hj_link_collect_initfns(&b->units[u], &b->err));
        HJ_TRY(build_module(b, u));
    }
    size_t defs = 0, groups = 0;
    for (size_t u = 0; u < b->count; u++) {
        defs += b->modules[u]->ndefs;
        groups += b->modules[u]->ngroups;
    }
    if (!hj_strmap_reserve(&b->engine->symtab.jit, defs) ||
        !hj_strmap_reserve(&b->engine->symtab.groups, groups))
        return nomem(b);
    return HJ_OK;
}

/* ------------------------------------------------------------------------------------
 * Publishing, rolling back
 * ------------------------------------------------------------------------------------ */

void hj_publish_def(hj_engine *engine, hj_def *d)
{
    d->overrides = hj_strmap_get(&engine->symtab.jit, d->name) != NULL;
    hj_strmap_put_key(&engine->symtab.jit, d->name, d); /* the key is the def's own name */
    if (d->stub)
        hj_stubs_set(engine->stubs, d->stub - 1, d->addr);
}

static void publish(hj_batch *b)
{
    hj_engine *engine = b->engine;
    for (size_t u = 0; u < b->count; u++) {
        hj_module *m = b->modules[u];
        if (m->tls_module)
            hj_tls_activate(m->tls_module);
        engine->stats.code_bytes += m->seg_size[HJ_SEG_TEXT] + m->seg_size[HJ_SEG_RO] +
                                    m->seg_size[HJ_SEG_DATA];
        if (b->lazy_parent && hj_lazy_publish_part(b, m))
            continue;
        if (b->lazy && b->lazy[u]) {
            m->lazy = b->lazy[u];
            m->lazy->refs++;
            engine->stats.lazy_functions += m->lazy->nfunctions;
        }
        for (size_t i = 0; i < m->ndefs; i++)
            hj_publish_def(engine, &m->defs[i]);
        for (size_t g = 0; g < m->ngroups; g++)
            hj_strmap_put_key(&engine->symtab.groups, m->groups[g], m);
        for (size_t i = 0; i < m->ndeps; i++)
            m->deps[i].module->users++;
        m->prev = engine->last;
        if (engine->last)
            engine->last->next = m;
        else
            engine->first = m;
        engine->last = m;
        engine->stats.modules++;
        engine->stats.relocations += b->units[u].nrelocs;
        m->stats.relocations = b->units[u].nrelocs;
        m->stats.object_bytes = b->units[u].elf.size;
        engine->stats.got_entries += b->units[u].ngot;
        engine->stats.call_stubs += b->units[u].nstubs;
    }
}

void hj_free_module(hj_module *m)
{
    for (size_t i = 0; i < m->nparts; i++)
        hj_free_module(m->parts[i]);
    free(m->parts);
    if (m->lazy)
        hj_lazy_unref(m->engine, m->lazy);
    free(m->name);
    free(m->strtab);
    free(m->defs);
    free(m->groups);
    free(m->finis);
    free(m->deps);
    free(m->keep);
    free(m->datasegs);
    free(m);
}

static void rollback(hj_batch *b)
{
    for (size_t i = 0; i < b->nnew_stubs; i++) {
        const char *name = hj_stubs_name(b->engine->stubs, b->new_stubs[i]);
        free(hj_strmap_remove(&b->engine->referrers, name));
        hj_stubs_unget(b->engine->stubs, b->new_stubs[i]);
    }
    for (size_t u = 0; u < b->count; u++) {
        hj_module *m = b->modules[u];
        if (!m)
            continue;
        if (m->eh_frame)
            hj_eh_deregister(m->eh_frame);
        hj_shim_unregister_range(m->seg_addr[HJ_SEG_TEXT]);
        if (b->units[u].tls_module)
            hj_tls_unregister(b->units[u].tls_module);
        for (size_t i = 0; i < m->ndatasegs; i++) /* only its own: the pages go with the batch */
            free(m->datasegs[i]);
        hj_free_module(m);
    }
    hj_region_free(b->engine->region, b->mem, b->mem_size);
}

/* ------------------------------------------------------------------------------------
 * Constructors
 * ------------------------------------------------------------------------------------ */

/* Gathered before the lock is released; run after, since constructors may call the
 * engine. Across the batch: by priority, then by position in the batch. */
static hj_ordered_fn *gather_inits(hj_batch *b, size_t *count)
{
    size_t n = 0;
    for (size_t u = 0; u < b->count; u++)
        n += b->units[u].ninits;
    hj_ordered_fn *all = malloc((n + 1) * sizeof *all);
    if (!all)
        return NULL;
    n = 0;
    for (size_t u = 0; u < b->count; u++)
        for (size_t i = 0; i < b->units[u].ninits; i++)
            all[n++] = (hj_ordered_fn){b->units[u].inits[i], u};
    qsort(all, n, sizeof *all, hj_compare_ordered_fn);
    *count = n;
    return all;
}

/* ------------------------------------------------------------------------------------
 * The API
 * ------------------------------------------------------------------------------------ */

/* Each symbol makes at most one stub per batch: an export, a proxy, or a deferred call. */
static hj_status prepare_batch(hj_batch *b, const hj_object *objects)
{
    size_t total = 0;
    for (size_t u = 0; u < b->count; u++) {
        total += b->units[u].elf.nsyms;
        b->defer_calls[u] = objects[u].defer_undefined_calls;
        if (b->defer_calls[u])
            HJ_TRY(hj_link_mark_references(&b->units[u], &b->err));
    }
    b->new_stubs = malloc((total + 1) * sizeof *b->new_stubs);
    return b->new_stubs ? HJ_OK : nomem(b);
}

static hj_status add_locked(hj_batch *b, const hj_object *objects)
{
    HJ_TRY(open_units(b, objects));
    HJ_TRY(prepare_batch(b, objects));
    HJ_TRY(choose_groups(b));
    HJ_TRY(collect_definitions(b));
    HJ_TRY(resolve_all(b));
    if (b->replacing)
        HJ_TRY(hj_replace_prepare(b));
    HJ_TRY(allocate_units(b));
    if (b->replacing)
        HJ_TRY(hj_replace_preserve(b));
    HJ_TRY(assign_stubs_and_tls(b));
    return link_units(b);
}

void hj_batch_close(hj_batch *b)
{
    free(b->inits);
    free(b->code_log);
    for (size_t u = 0; u < b->count; u++)
        hj_link_close(&b->units[u]);
    free(b->units);
    free(b->modules);
    free(b->new_stubs);
    free(b->defer_calls);
    for (size_t i = 0; i < b->process.capacity; i++)
        if (b->process.slots[i].key)
            free(b->process.slots[i].value);
    hj_strmap_free(&b->process);
    hj_strmap_free(&b->winners);
    hj_strmap_free(&b->kept);
    free(b->kept_keys);
    free(b->shared_room);
    hj_strmap_free(&b->groups);
}

hj_status hj_add_objects(hj_engine *engine, const hj_object *objects, size_t count,
                         hj_module **out)
{
    if (!engine || (!objects && count))
        return engine ? hj_engine_fail(engine, &(hj_err){HJ_ERR_ARG, "hj_add_objects: objects is NULL"})
                      : HJ_ERR_ARG;
    return hj_link_batch(engine, objects, count, NULL, NULL, 0, out);
}

static bool runs_constructors(const hj_batch *b)
{
    return !b->replacing || (b->replace_flags & HJ_REPLACE_FRESH_STATE);
}

hj_status hj_batch_link_locked(hj_batch *b, const hj_object *objects)
{
    hj_engine *engine = b->engine;
    size_t count = b->count;
    b->units = calloc(count + 1, sizeof *b->units);
    b->modules = calloc(count + 1, sizeof *b->modules);
    b->defer_calls = calloc(count + 1, sizeof *b->defer_calls);
    hj_status st = (b->units && b->modules && b->defer_calls) ? hj_lazy_reserve_part(b) : nomem(b);
    if (st == HJ_OK)
        st = add_locked(b, objects);
    if (st == HJ_OK && b->lazy_parent)
        st = hj_lazy_reserve_deps(b);
    if (st == HJ_OK && !(b->inits = gather_inits(b, &b->ninits)))
        st = nomem(b);
    if (st == HJ_OK)
        st = hj_code_log_prepare(b);
    if (st == HJ_OK) {
        publish(b);
        if (b->replacing)
            hj_replace_publish(b);
        hj_code_log_publish(b);
        hj_reclaim_locked(engine);
    } else {
        rollback(b);
        if (!b->lazy_tier_up) /* no call of the program's failed: its message stays */
            hj_engine_fail(engine, &b->err);
    }
    return st;
}

hj_status hj_link_batch(hj_engine *engine, const hj_object *objects, size_t count,
                        hj_lazy_source *const *lazy, hj_module *replacing, unsigned flags,
                        hj_module **out)
{
    uint64_t start = hj_now_ns();
    hj_batch b = {.engine = engine, .count = count, .replacing = replacing, .replace_flags = flags,
                  .lazy = lazy};
    hj_lock(&engine->lock);
    hj_status st = hj_batch_link_locked(&b, objects);
    if (st == HJ_OK) {
        engine->stats.link_ns += hj_now_ns() - start;
        if (out)
            memcpy(out, b.modules, count * sizeof *out);
    }
    hj_unlock(&engine->lock);
    hj_code_deliver_pending(engine); /* before the constructors run the code */
    if (st == HJ_OK && replacing && (flags & HJ_REPLACE_FRESH_STATE)) {
        hj_module_run_finis(replacing); /* retired and kept from reclamation until done */
        hj_lock(&engine->lock);
        replacing->removing = false;
        hj_reclaim_locked(engine);
        hj_unlock(&engine->lock);
    }
    hj_lazy_release_pending(engine); /* of the version replaced */
    for (size_t i = 0; st == HJ_OK && runs_constructors(&b) && i < b.ninits; i++)
        b.inits[i].fn.fn();
    hj_batch_close(&b);
    return st;
}

hj_status hj_add_object(hj_engine *engine, const char *name, const void *data, size_t size,
                        hj_module **out)
{
    hj_object object = {name, data, size};
    return hj_add_objects(engine, &object, 1, out);
}

