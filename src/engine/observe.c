/* Telling an observer (a profiler, a debugger) where code lies: hj_engine_options.on_code.
 * Each function's body is told from its unit's symbols, static functions too, since a
 * profile needs every name; then the entry stubs the batch created. A lazy module's own
 * object holds only placeholders (its functions' code does not exist yet): its
 * functions are told when their compiled parts are linked, each part being a batch.
 *
 * No user code runs under the engine's locks (DESIGN.md): a batch writes its records,
 * names copied, before it publishes (so a lack of memory fails the add, not the record),
 * hands them to the engine's pending list when it publishes, and whoever leaves the
 * engine next with no lock held delivers the list: the thread that added the module
 * before its constructors run, the thread whose first call compiled a function before
 * that call goes on. */
#include <stdlib.h>
#include <string.h>

#include "common/lock.h"
#include "engine/batch.h"

struct hj_code_log {
    struct hj_code_log *next;
    size_t count;
    hj_code_info info[]; /* then the names */
};

static bool is_placed_code(const hj_link_unit *unit, size_t i)
{
    const hj_lsym *s = &unit->syms[i];
    if (s->type != STT_FUNC || s->discarded || s->section == SHN_UNDEF ||
        s->section >= unit->elf.shnum)
        return false;
    const hj_lsec *sec = &unit->secs[s->section];
    if (sec->discarded || sec->seg != HJ_SEG_TEXT)
        return false;
    /* a global another module's definition beat is not this name's code */
    return s->bind == STB_LOCAL || s->target.kind == HJ_TARGET_SELF;
}

/* Where write_records puts a batch's records, or, with info NULL, only counts them
 * and their names' bytes. */
typedef struct records {
    hj_code_info *info;
    char *names;
    size_t count, bytes;
} records;

/* A copy of s in the names (NULL when counting). */
static const char *keep_name(records *r, const char *s)
{
    size_t n = strlen(s) + 1;
    char *copy = r->info ? memcpy(r->names + r->bytes, s, n) : NULL;
    r->bytes += n;
    return copy;
}

static void add_record(records *r, hj_code_kind kind, const char *module, const char *name,
                       uintptr_t addr, size_t size)
{
    hj_code_info info = {kind, module ? keep_name(r, module) : NULL, keep_name(r, name),
                         (const void *)addr, size};
    if (r->info)
        r->info[r->count] = info;
    r->count++;
}

static void write_records(const hj_batch *b, records *r)
{
    hj_engine *engine = b->engine;
    for (size_t u = 0; u < b->count; u++) {
        const hj_link_unit *unit = &b->units[u];
        for (size_t i = 1; !(b->lazy && b->lazy[u]) && i < unit->elf.nsyms; i++)
            if (is_placed_code(unit, i))
                add_record(r, HJ_CODE_FUNCTION, b->modules[u]->name, unit->syms[i].name,
                           unit->syms[i].addr, (size_t)unit->syms[i].size);
    }
    for (size_t i = 0; i < b->nnew_stubs; i++)
        add_record(r, HJ_CODE_ENTRY_STUB, NULL, hj_stubs_name(engine->stubs, b->new_stubs[i]),
                   hj_stubs_address(engine->stubs, b->new_stubs[i]), engine->arch->entry_stub_size);
}

hj_status hj_code_log_prepare(hj_batch *b)
{
    if (!b->engine->on_code)
        return HJ_OK;
    records sizes = {0};
    write_records(b, &sizes);
    hj_code_log *log = malloc(sizeof *log + sizes.count * sizeof log->info[0] + sizes.bytes);
    if (!log)
        return hj_fail(&b->err, HJ_ERR_NOMEM, "out of memory");
    log->next = NULL;
    log->count = sizes.count;
    write_records(b, &(records){log->info, (char *)&log->info[sizes.count], 0, 0});
    b->code_log = log;
    return HJ_OK;
}

void hj_code_log_publish(hj_batch *b)
{
    hj_code_log **end = &b->engine->pending_code;
    while (*end)
        end = &(*end)->next;
    *end = b->code_log;
    b->code_log = NULL;
}

void hj_code_deliver_pending(hj_engine *engine)
{
    if (!engine->on_code)
        return;
    hj_lock(&engine->lock);
    hj_code_log *list = engine->pending_code;
    engine->pending_code = NULL;
    hj_unlock(&engine->lock);
    while (list) {
        hj_code_log *next = list->next;
        for (size_t i = 0; i < list->count; i++)
            engine->on_code(engine->on_code_ctx, &list->info[i]);
        free(list);
        list = next;
    }
}
