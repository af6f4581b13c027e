/* Removing modules, and adding them from files. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/lock.h"
#include "engine/engine.h"
#include "engine/batch.h"
#include "link/tls.h"

/* ------------------------------------------------------------------------------------
 * Removal
 * ------------------------------------------------------------------------------------ */

void hj_module_run_finis(hj_module *m)
{
    hj_shim_finalize(m->dso_handle);
    for (size_t i = m->nfinis; i-- > 0;)
        m->finis[i].fn();
}

/* Another loaded module may define the same name (a weak definition that lost):
 * it takes over; otherwise a function's stub goes back to the trap. */
static void unpublish_def(hj_engine *engine, hj_module *gone, hj_def *d)
{
    if (hj_strmap_get(&engine->symtab.jit, d->name) != d)
        return;
    hj_strmap_remove(&engine->symtab.jit, d->name);
    for (hj_module *m = d->overrides ? engine->last : NULL; m; m = m->prev)
        for (size_t i = 0; m != gone && i < m->ndefs; i++)
            if (!strcmp(m->defs[i].name, d->name)) {
                if (m->defs[i].kind == HJ_DEF_FUNC && d->stub)
                    m->defs[i].stub = d->stub;
                hj_publish_def(engine, &m->defs[i]);
                return;
            }
    if (d->stub)
        hj_stubs_set(engine->stubs, d->stub - 1, 0);
}

void hj_module_destroy_locked(hj_engine *engine, hj_module *m)
{
    for (size_t i = 0; i < m->ndefs; i++)
        unpublish_def(engine, m, &m->defs[i]);
    for (size_t g = 0; g < m->ngroups; g++)
        if (hj_strmap_get(&engine->symtab.groups, m->groups[g]) == m)
            hj_strmap_remove(&engine->symtab.groups, m->groups[g]);
    for (size_t i = 0; i < m->ndeps; i++)
        m->deps[i].module->users--;
    hj_module_unlink(engine, m);
    m->removing = false; /* its destructors have run: only the quiescent points matter now */
    hj_retire_locked(engine, m, true);
}

void hj_module_unlink(hj_engine *engine, hj_module *m)
{
    if (m->prev)
        m->prev->next = m->next;
    else
        engine->first = m->next;
    if (m->next)
        m->next->prev = m->prev;
    else
        engine->last = m->prev;
    m->prev = m->next = NULL;
}

static const hj_dep *find_user(hj_engine *engine, hj_module *m, const hj_module **user)
{
    for (const hj_module *u = engine->first; u; u = u->next)
        for (size_t i = 0; i < u->ndeps; i++)
            if (u->deps[i].module == m) {
                *user = u;
                return &u->deps[i];
            }
    return NULL;
}

static hj_status check_removable(hj_engine *engine, hj_module *m, hj_err *err)
{
    bool known = false;
    for (hj_module *x = engine->first; x && !known; x = x->next)
        known = x == m;
    if (!known || m->removing)
        return hj_fail(err, HJ_ERR_ARG, "hj_remove: module is not loaded in this engine");
    const hj_module *user = NULL;
    const hj_dep *dep = m->users ? find_user(engine, m, &user) : NULL;
    if (dep)
        return hj_fail(err, HJ_ERR_STATE, "cannot remove %s: module %s still refers to its symbol '%s'",
                       m->name, user->name, dep->symbol);
    return HJ_OK;
}

hj_status hj_remove(hj_engine *engine, hj_module *module)
{
    if (!engine || !module)
        return engine ? hj_engine_fail(engine, &(hj_err){HJ_ERR_ARG, "hj_remove: module is NULL"})
                      : HJ_ERR_ARG;
    hj_err err;
    hj_lock(&engine->lock);
    hj_status st = check_removable(engine, module, &err);
    if (st == HJ_OK)
        module->removing = true;
    hj_unlock(&engine->lock);
    if (st != HJ_OK)
        return hj_engine_fail(engine, &err);
    hj_module_run_finis(module);
    hj_lock(&engine->lock);
    hj_module_destroy_locked(engine, module);
    hj_unlock(&engine->lock);
    hj_lazy_release_pending(engine);
    return HJ_OK;
}

/* ------------------------------------------------------------------------------------
 * Files
 * ------------------------------------------------------------------------------------ */

hj_status hj_read_file(const char *path, void **data, size_t *size, hj_err *err)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return hj_fail(err, HJ_ERR_IO, "cannot open %s: %s", path, strerror(errno));
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        n += fread(buf + n, 1, cap - n, f);
        if (n < cap || ferror(f))
            break;
        char *grown = realloc(buf, cap *= 2);
        if (!grown)
            free(buf);
        buf = grown;
    }
    bool failed = !buf || ferror(f);
    fclose(f);
    if (failed) {
        free(buf);
        return hj_fail(err, buf ? HJ_ERR_IO : HJ_ERR_NOMEM, "cannot read %s", path);
    }
    *data = buf;
    *size = n;
    return HJ_OK;
}

hj_status hj_add_object_files(hj_engine *engine, const char *const *paths, size_t count,
                              hj_module **out)
{
    if (!engine || (!paths && count))
        return engine ? hj_engine_fail(engine, &(hj_err){HJ_ERR_ARG, "hj_add_object_files: paths is NULL"})
                      : HJ_ERR_ARG;
    hj_err err = {HJ_OK, ""};
    hj_object *objects = calloc(count + 1, sizeof *objects);
    hj_status st = objects ? HJ_OK : hj_fail(&err, HJ_ERR_NOMEM, "out of memory");
    for (size_t i = 0; st == HJ_OK && i < count; i++) {
        void *data = NULL;
        size_t size = 0;
        st = paths[i] ? hj_read_file(paths[i], &data, &size, &err)
                      : hj_fail(&err, HJ_ERR_ARG, "hj_add_object_files: path %zu is NULL", i);
        if (objects)
            objects[i] = (hj_object){paths[i], data, size};
    }
    if (st == HJ_OK)
        st = hj_add_objects(engine, objects, count, out);
    else
        hj_engine_fail(engine, &err);
    for (size_t i = 0; objects && i < count; i++)
        free((void *)objects[i].data);
    free(objects);
    return st;
}

hj_status hj_add_object_file(hj_engine *engine, const char *path, hj_module **out)
{
    return hj_add_object_files(engine, &path, 1, out);
}

/* ------------------------------------------------------------------------------------
 * Replacing from memory
 * ------------------------------------------------------------------------------------ */

hj_status hj_replace_object(hj_engine *engine, hj_module *module, const hj_object *object,
                            unsigned flags, hj_module **out)
{
    return hj_replace_object_lazy(engine, module, object, NULL, flags, out);
}

hj_status hj_replace_object_lazy(hj_engine *engine, hj_module *module, const hj_object *object,
                                 hj_lazy_source *lazy, unsigned flags, hj_module **out)
{
    if (!engine || !module || !object)
        return engine ? hj_engine_fail(engine, &(hj_err){HJ_ERR_ARG, "hj_replace_object: NULL argument"})
                      : HJ_ERR_ARG;
    hj_err err;
    hj_lock(&engine->lock);
    bool known = false;
    for (hj_module *m = engine->first; m && !known; m = m->next)
        known = m == module && !m->removing;
    hj_unlock(&engine->lock);
    if (!known) {
        hj_fail(&err, HJ_ERR_ARG, "hj_replace: module is not loaded in this engine");
        return hj_engine_fail(engine, &err);
    }
    return hj_link_batch(engine, object, 1, &lazy, module, flags, out);
}
