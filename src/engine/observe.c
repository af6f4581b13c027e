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

/* Writes the batch's records into log (or only counts them and their names' bytes,
 * when log is NULL). */
static void write_records(const hj_batch *b, hj_code_log *log, size_t *count, size_t *bytes)
{
    hj_engine *engine = b->engine;
    char *names = log ? (char *)&log->info[*count] : NULL;
    size_t n = 0, used = 0;
    for (size_t u = 0; u < b->count; u++) {
        const hj_link_unit *unit = &b->units[u];
        for (size_t i = 1; !(b->lazy && b->lazy[u]) && i < unit->elf.nsyms; i++) {
            if (!is_placed_code(unit, i))
                continue;
            const char *strs[2] = {b->modules[u]->name, unit->syms[i].name};
            for (int k = 0; k < 2; k++) {
                if (log)
                    strcpy(names + used, strs[k]);
                used += strlen(strs[k]) + 1;
            }
            if (log)
                log->info[n] = (hj_code_info){HJ_CODE_FUNCTION, NULL, NULL,
                                              (const void *)unit->syms[i].addr,
                                              (size_t)unit->syms[i].size};
            n++;
        }
    }
    for (size_t i = 0; i < b->nnew_stubs; i++, n++) {
        const char *name = hj_stubs_name(engine->stubs, b->new_stubs[i]);
        if (log) {
            strcpy(names + used, name);
            log->info[n] = (hj_code_info){HJ_CODE_ENTRY_STUB, NULL, NULL,
                                          (const void *)hj_stubs_address(engine->stubs, b->new_stubs[i]),
                                          engine->arch->entry_stub_size};
        }
        used += strlen(name) + 1;
    }
    *count = n;
    *bytes = used;
}

/* Points each record at its names, in the order write_records put them. */
static void link_names(hj_code_log *log)
{
    const char *p = (const char *)&log->info[log->count];
    for (size_t i = 0; i < log->count; i++) {
        if (log->info[i].kind == HJ_CODE_FUNCTION) {
            log->info[i].module = p;
            p += strlen(p) + 1;
        }
        log->info[i].name = p;
        p += strlen(p) + 1;
    }
}

hj_status hj_code_log_prepare(hj_batch *b)
{
    if (!b->engine->on_code)
        return HJ_OK;
    size_t count, bytes;
    write_records(b, NULL, &count, &bytes);
    hj_code_log *log = malloc(sizeof *log + count * sizeof log->info[0] + bytes);
    if (!log)
        return hj_fail(&b->err, HJ_ERR_NOMEM, "out of memory");
    log->next = NULL;
    log->count = count;
    write_records(b, log, &count, &bytes);
    link_names(log);
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

void hj_code_log_free(hj_code_log *log)
{
    free(log);
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
