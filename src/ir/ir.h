/* The ir layer: the only code that includes llvm-c. It turns LLVM IR (text or bitcode),
 * C source (through the clang binary) or an LLVMModuleRef into an ELF object in memory
 * for the host, which the engine then links like any other object. One LLVM context and
 * one target machine per optimisation level are kept per engine. */
#ifndef HJ_IR_IR_H
#define HJ_IR_IR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "hotjit.h"
#include "common/err.h"

typedef struct hj_ir hj_ir;

typedef enum hj_input_kind { HJ_INPUT_OBJECT, HJ_INPUT_BITCODE, HJ_INPUT_IR_TEXT, HJ_INPUT_C } hj_input_kind;

/* Told by content: ELF and bitcode magic; C by a .c name; IR text otherwise. */
hj_input_kind hj_ir_input_kind(const char *name, const void *data, size_t size);

/* A compiled object: bytes owned by the caller after the call (free()), plus what it
 * cost to make. */
typedef struct hj_ir_object {
    void *data;
    size_t size;
    uint64_t parse_ns, optimize_ns, codegen_ns;
    bool cache_hit;
    bool baseline; /* lazy, tiered: -O0 code that asks for its tier-up (hj_ir_count_calls) */
    char warning[256]; /* e.g. a foreign target triple replaced; "" when none */
} hj_ir_object;

hj_status hj_ir_create(hj_ir **out, hj_err *err);
void hj_ir_destroy(hj_ir *ir);

/* IR text or bitcode -> object. `name` appears in messages (file:line:col). */
hj_status hj_ir_compile(hj_ir *ir, const char *name, const void *data, size_t size,
                        const hj_ir_options *opts, hj_ir_object *out, hj_err *err);
/* Disposes of a module handed to the engine that cannot be compiled. */
void hj_ir_dispose_module(void *module);

/* A module built through LLVM's C API; ownership passes here in every case. */
hj_status hj_ir_compile_module(hj_ir *ir, const char *name, void *module,
                               const hj_ir_options *opts, hj_ir_object *out, hj_err *err);

/* Lazy compilation (lazy.c): a module kept whole in the engine's LLVM context, from
 * which functions are compiled one by one. */
typedef struct hj_ir_lazy hj_ir_lazy;

/* IR text or bitcode (data, size), or a module (module: ownership passes here in every
 * case). globals: the object holding the module's data, constructors' table and a
 * placeholder per function (see hj_ir_lazy_functions), to be linked at once. */
hj_status hj_ir_lazy_open(hj_ir *ir, const char *name, const void *data, size_t size,
                          void *module, const hj_ir_options *opts, hj_ir_lazy **out,
                          hj_ir_object *globals, hj_err *err);
/* The functions compiled lazily (names of the placeholders), sorted by strcmp. */
const char *const *hj_ir_lazy_functions(const hj_ir_lazy *lazy, size_t *count);
/* The object defining `function` (a name hj_ir_lazy_functions gave). With the module's
 * lazy_tier_up set and tier_up false, a function that runs briefly (no loop, no call of
 * itself) gets -O0 code counting its calls (out->baseline): its lazy_tier_up-th call
 * calls the engine (common/tier_up.h), which answers by asking again with tier_up
 * true, for code at the module's level. */
hj_status hj_ir_lazy_compile(hj_ir_lazy *lazy, const char *function, bool tier_up,
                             hj_ir_object *out, uint64_t *extract_ns, hj_err *err);
void hj_ir_lazy_close(hj_ir_lazy *lazy);

/* The object cache (cache.c, in the core: a warm run never loads LLVM). Keys cover the
 * input, the options, the machine and the LLVM and hotjit versions; entries carry a
 * checksum and are replaced atomically. */
typedef struct hj_cache_key {
    uint64_t a, b;
} hj_cache_key;

hj_cache_key hj_cache_key_of(const void *input, size_t size, const char *context);
bool hj_cache_load(const char *dir, hj_cache_key key, void **data, size_t *size);
void hj_cache_store(const char *dir, hj_cache_key key, const void *data, size_t size);

/* Runs clang on a C file (cc.c, in the core): preprocessed text (for the cache key) or
 * bitcode. */
hj_status hj_cc_run(const char *path, const hj_ir_options *opts, bool preprocess_only,
                    void **out, size_t *out_size, hj_err *err);

uint64_t hj_ir_now_ns(void);

/* The ir layer is a plugin (libhotjit-ir.so, which links LLVM) loaded on first need, so
 * a program that only links objects never loads LLVM's 100 MB. The core reaches it
 * through this table. */
typedef struct hj_ir_plugin {
    hj_status (*create)(hj_ir **out, hj_err *err);
    void (*destroy)(hj_ir *ir);
    hj_status (*compile)(hj_ir *ir, const char *name, const void *data, size_t size,
                         const hj_ir_options *opts, hj_ir_object *out, hj_err *err);
    hj_status (*compile_module)(hj_ir *ir, const char *name, void *module,
                                const hj_ir_options *opts, hj_ir_object *out, hj_err *err);
    void (*dispose_module)(void *module);
    hj_status (*lazy_open)(hj_ir *ir, const char *name, const void *data, size_t size,
                           void *module, const hj_ir_options *opts, hj_ir_lazy **out,
                           hj_ir_object *globals, hj_err *err);
    const char *const *(*lazy_functions)(const hj_ir_lazy *lazy, size_t *count);
    hj_status (*lazy_compile)(hj_ir_lazy *lazy, const char *function, bool tier_up,
                              hj_ir_object *out, uint64_t *extract_ns, hj_err *err);
    void (*lazy_close)(hj_ir_lazy *lazy);
} hj_ir_plugin;

#define HJ_IR_PLUGIN_ENTRY "hj_ir_plugin_v3"

/* The plugin's table, loaded once (loader.c); NULL with a message when it cannot be. */
const hj_ir_plugin *hj_ir_load(hj_err *err);

/* In front of the plugin (front.c): the cache, and clang for C. get_ir loads the plugin
 * and the engine's hj_ir only when something must really be compiled. */
typedef hj_status (*hj_ir_getter)(void *arg, const hj_ir_plugin **plugin, hj_ir **ir, hj_err *err);
hj_status hj_front_compile(hj_ir_getter get_ir, void *arg, const char *name, const void *data,
                           size_t size, bool is_c, const hj_ir_options *opts, hj_ir_object *out,
                           hj_err *err);

#endif
