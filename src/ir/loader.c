/* Loads the ir layer plugin on first need. It is looked for where HOTJIT_IR_PLUGIN says,
 * next to the library or executable that holds this code, where the build put it, and
 * where `cmake --install` puts it. */
#include <dlfcn.h>
#include <libgen.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ir/ir.h"

#ifndef HJ_IR_PLUGIN_BUILD
#define HJ_IR_PLUGIN_BUILD ""
#endif
#ifndef HJ_IR_PLUGIN_INSTALLED
#define HJ_IR_PLUGIN_INSTALLED ""
#endif
#define HJ_IR_PLUGIN_NAME "libhotjit-ir.so"

static pthread_once_t once = PTHREAD_ONCE_INIT;
static const hj_ir_plugin *plugin;
static char why[512] = "";

/* The first real failure is the one worth reporting, not a path where nothing is. */
static bool try_open(const char *path)
{
    if (!path || !*path || access(path, F_OK) != 0)
        return false;
    void *lib = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
        if (!why[0])
            snprintf(why, sizeof why, "%s", dlerror());
        return false;
    }
    const hj_ir_plugin *(*entry)(void);
    void *sym = dlsym(lib, HJ_IR_PLUGIN_ENTRY);
    memcpy(&entry, &sym, sizeof entry);
    plugin = entry ? entry() : NULL;
    return plugin != NULL;
}

static void load(void)
{
    Dl_info self = {0};
    char beside[4096] = "";
    if (dladdr((void *)hj_ir_load, &self) && self.dli_fname) {
        char copy[4096];
        snprintf(copy, sizeof copy, "%s", self.dli_fname);
        snprintf(beside, sizeof beside, "%s/%s", dirname(copy), HJ_IR_PLUGIN_NAME);
    }
    const char *paths[] = {getenv("HOTJIT_IR_PLUGIN"), beside, HJ_IR_PLUGIN_BUILD,
                           HJ_IR_PLUGIN_INSTALLED};
    for (size_t i = 0; i < sizeof paths / sizeof paths[0] && !plugin; i++)
        try_open(paths[i]);
    if (!plugin && !why[0])
        snprintf(why, sizeof why, "not found beside %s, in %s or in %s", self.dli_fname ? self.dli_fname : "?",
                 HJ_IR_PLUGIN_BUILD, HJ_IR_PLUGIN_INSTALLED);
}

const hj_ir_plugin *hj_ir_load(hj_err *err)
{
    pthread_once(&once, load);
    if (!plugin)
        hj_fail(err, HJ_ERR_STATE, "LLVM IR and C inputs need the ir layer (%s), which could not "
                "be loaded%s%s (was hotjit built with LLVM?)", HJ_IR_PLUGIN_NAME,
                why[0] ? ": " : "", why);
    return plugin;
}
