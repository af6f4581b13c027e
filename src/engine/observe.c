/* Telling an observer (a profiler, a debugger) where code lies: hj_engine_options.on_code.
 * Each function's body is told from its unit's symbols, static functions too, since a
 * profile needs every name; then the entry stubs the batch created. A lazy module's own
 * object holds only placeholders (its functions' code does not exist yet): its
 * functions are told when their compiled parts are linked, each part being a batch. */
#include "engine/batch.h"

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

void hj_report_code(const hj_batch *b)
{
    hj_engine *engine = b->engine;
    if (!engine->on_code)
        return;
    for (size_t u = 0; u < b->count; u++) {
        const hj_link_unit *unit = &b->units[u];
        if (b->lazy && b->lazy[u])
            continue;
        for (size_t i = 1; i < unit->elf.nsyms; i++)
            if (is_placed_code(unit, i))
                engine->on_code(engine->on_code_ctx, &(hj_code_info){
                    HJ_CODE_FUNCTION, b->modules[u]->name, unit->syms[i].name,
                    (const void *)unit->syms[i].addr, (size_t)unit->syms[i].size});
    }
    for (size_t i = 0; i < b->nnew_stubs; i++) {
        uint32_t index = b->new_stubs[i];
        engine->on_code(engine->on_code_ctx, &(hj_code_info){
            HJ_CODE_ENTRY_STUB, NULL,
            hj_stubs_name(engine->stubs, index), (const void *)hj_stubs_address(engine->stubs, index),
            engine->arch->entry_stub_size});
    }
}
