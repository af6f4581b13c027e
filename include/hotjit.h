/*
 * hotjit — a JIT engine and runtime linker for C programs and language runtimes.
 *
 * A program is added to an engine as modules (ELF64 relocatable objects from gcc or
 * clang, LLVM IR, C source). Modules link against each other and against the host process;
 * a module can be removed again, which runs its destructors and returns its memory.
 *
 * Conventions, valid for every function below:
 *  - Handles are opaque. Every create has a destroy; destroy accepts NULL.
 *  - A function that can fail returns hj_status. On failure the engine is left exactly
 *    as it was before the call, and hj_errmsg() describes the failure, naming the
 *    module, section, symbol and offset involved where there is one.
 *  - The library never prints, never calls exit() or abort() on its own.
 *  - Thread safety: calls that change an engine (add, remove, define) are serialised by
 *    the engine's lock and may come from any thread. Calling JIT code takes no lock.
 *    The error message is per engine: read it before another thread's call fails.
 */
#ifndef HOTJIT_H
#define HOTJIT_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define HOTJIT_VERSION_MAJOR 0
#define HOTJIT_VERSION_MINOR 1
#define HOTJIT_VERSION_PATCH 0
#define HOTJIT_VERSION_STRING "0.1.0"

/* Marks the functions the shared library exports (everything else stays internal). */
#if defined(__GNUC__)
#define HJ_API __attribute__((visibility("default")))
#else
#define HJ_API
#endif

/* Status codes, generated with their descriptions from one table. */
#define HJ_STATUS_MAP(X)                                                        \
    X(HJ_OK, 0, "success")                                                      \
    X(HJ_ERR_NOMEM, 1, "out of memory or address space")                        \
    X(HJ_ERR_IO, 2, "file could not be read")                                   \
    X(HJ_ERR_FORMAT, 3, "malformed or unsupported object file")                 \
    X(HJ_ERR_UNDEFINED, 4, "undefined symbol")                                  \
    X(HJ_ERR_DUPLICATE, 5, "duplicate definition")                              \
    X(HJ_ERR_RELOC, 6, "relocation cannot be applied")                          \
    X(HJ_ERR_ARG, 7, "invalid argument")                                        \
    X(HJ_ERR_STATE, 8, "operation not allowed in the current state")

typedef enum hj_status {
#define HJ_STATUS_ENUM(name, value, text) name = value,
    HJ_STATUS_MAP(HJ_STATUS_ENUM)
#undef HJ_STATUS_ENUM
} hj_status;

/* A static description of a status code. Never NULL. */
HJ_API const char *hj_status_str(hj_status status);

typedef struct hj_engine hj_engine;
typedef struct hj_module hj_module;

/* A piece of code the engine placed, as told to hj_engine_options.on_code. */
typedef enum hj_code_kind {
    HJ_CODE_FUNCTION,   /* a function's body (static functions too) */
    HJ_CODE_ENTRY_STUB  /* the stub that is a JIT function's address (see hj_lookup), or
                         * a near stand-in JIT code calls for a process function */
} hj_code_kind;

typedef struct hj_code_info {
    hj_code_kind kind;
    const char *module; /* its module (a lazy function: its module); NULL for a stub,
                         * which belongs to the name, not to a module */
    const char *name;   /* the symbol; an entry stub: its function's name */
    const void *addr;
    size_t size;
} hj_code_info;

/* Options for hj_engine_create. Zero-initialise and set what you need. */
typedef struct hj_engine_options {
    /* Bytes of address space reserved for all code and data of the engine; 0 picks the
     * default (512 MiB). Everything the engine loads lives in this one region, so JIT code
     * reaches its data, GOT and stubs with 32-bit PC-relative displacements. */
    size_t region_size;
    /* Optional: a static TLS pool, which lets objects built without -fPIC use
     * thread-local variables (their local-exec and initial-exec code addresses TLS at a
     * fixed offset from the thread pointer). Pass the calling thread's address of an
     * array the executable defines as
     *     static _Thread_local _Alignas(64) char pool[SIZE];
     * (an executable's own TLS sits at a fixed offset in every thread). A module's block
     * there starts from its initial values in the thread that adds the module and in
     * threads JIT code creates later with pthread_create; threads that existed before
     * see zeros. Set once per process: later engines share the first pool. */
    void *static_tls_pool;
    size_t static_tls_pool_size;
    /* Optional: told where each piece of code the engine places lies, so a profiler or
     * debugger can name JIT code (hotjit run --perf-map writes perf's
     * /tmp/perf-PID.map with it): every function of every module added or brought by
     * hj_replace, a lazily compiled function when its first call has linked it, every
     * new entry stub, and the near stand-in stubs of process functions JIT code calls
     * (kind HJ_CODE_ENTRY_STUB, the process function's name). Called with no lock of
     * the engine held, after the code is published, from the thread that placed it or
     * another one leaving a call into the engine (possibly from several threads at
     * once): the thread that added a module hears before its constructors run, a
     * thread whose first call compiled a function before that call goes on; other
     * threads may run the code meanwhile. It may call the engine. Names are valid
     * during the call only; promoted statics of lazy modules are named NAME.hjNNNNNNNN.
     * Code never moves; a removed module's addresses may be reused for later code. */
    void (*on_code)(void *ctx, const hj_code_info *info);
    void *on_code_ctx;
} hj_engine_options;

/* Creates an engine. opts may be NULL. On success *out owns the engine. */
HJ_API hj_status hj_engine_create(hj_engine **out, const hj_engine_options *opts);

/* Removes every module (newest first: destructors run, unwind info is deregistered),
 * then frees the engine. Accepts NULL. Must not be called while JIT code of this
 * engine runs on another thread. */
HJ_API void hj_engine_destroy(hj_engine *engine);

/* Readies the engine for the process's exit while other threads may still run JIT code
 * (hotjit run's exit does this): runs every module's destructors and the exit handlers
 * they registered, as hj_engine_destroy does first (newest module first, by priority),
 * once; frees nothing, so code and data stay where they are; and ends lazy compilation,
 * after the one in progress if any, since LLVM's own exit-time destructors may run
 * next: a later first call waits until the process ends. Accepts NULL. */
HJ_API void hj_engine_exit(hj_engine *engine);

/* Message of the last failed call on this engine, valid until the next call that fails
 * on it. Returns "" when nothing failed yet. The string is owned by the engine. */
HJ_API const char *hj_errmsg(const hj_engine *engine);

/* One input of hj_add_objects: an ELF64 relocatable object held in memory. The bytes
 * are read only during the call; the caller keeps ownership of them. */
typedef struct hj_object {
    const char *name; /* module name used in messages and hj_module_name(); copied */
    const void *data;
    size_t size;
    /* Non-zero: a function no module defines yet is not an error if this object only
     * calls it, or gives its undefined symbol the function type; calls (also through
     * its address, which is its entry stub) wait for a definition (see "LLVM IR and C
     * inputs" below). */
    int defer_undefined_calls;
} hj_object;

/* Links `count` objects into the engine as one unit: symbols are resolved across all
 * of them and everything already in the engine, so a strong definition beats a weak one
 * whatever the order; then constructors run (ordered by priority across the batch,
 * then by position). Either all modules are added or none is.
 * out may be NULL; otherwise it receives `count` module handles, owned by the engine. */
HJ_API hj_status hj_add_objects(hj_engine *engine, const hj_object *objects, size_t count,
                         hj_module **out);

/* Adds one object held in memory; the same as hj_add_objects with count 1. */
HJ_API hj_status hj_add_object(hj_engine *engine, const char *name, const void *data,
                        size_t size, hj_module **out);

/* Reads the file at path and adds it as one module named after the path. */
HJ_API hj_status hj_add_object_file(hj_engine *engine, const char *path, hj_module **out);

/* Reads `count` files and adds them as one batch (see hj_add_objects), each module named
 * after its path. out may be NULL or receives `count` handles. */
HJ_API hj_status hj_add_object_files(hj_engine *engine, const char *const *paths, size_t count,
                              hj_module **out);

/* Removes a module: runs its destructors (those registered with atexit/__cxa_atexit by
 * the module, then fini_array/.dtors in reverse order), deregisters its unwind info,
 * returns its memory, and makes its functions undefined. Fails with HJ_ERR_STATE while
 * another module refers to the module's data (the message names both and the symbol). */
HJ_API hj_status hj_remove(hj_engine *engine, hj_module *module);

/* Name the module was added under; owned by the module. */
HJ_API const char *hj_module_name(const hj_module *module);

/* Finds a symbol defined by a JIT module, the host (hj_define_symbol), the process, or
 * one of the engine's built-in shims. A function defined by a module yields its stable
 * entry stub: the same address that every module sees for it. */
HJ_API hj_status hj_lookup(hj_engine *engine, const char *name, void **address);

/* Makes `address` the definition of `name` for modules added from now on. A host
 * definition is found before the process's own symbols. */
HJ_API hj_status hj_define_symbol(hj_engine *engine, const char *name, void *address);

/* Loads a shared library (dlopen with RTLD_NOW | RTLD_GLOBAL) so that its symbols
 * resolve references of modules added from now on. `name_or_path` is passed to dlopen. */
HJ_API hj_status hj_load_library(hj_engine *engine, const char *name_or_path);

/* Calls `entry` (default "main" when NULL) as int entry(int argc, char **argv,
 * char **envp) and stores its return value in *exit_status. If the program calls exit()
 * the process exits from inside the call, as a native program would. */
HJ_API hj_status hj_run_main(hj_engine *engine, const char *entry, int argc, char **argv,
                      char **envp, int *exit_status);

/* Gives the calling thread the initial values of the thread-local variables that JIT
 * modules keep in the static TLS pool (see hj_engine_options). Threads created by JIT
 * code get them by themselves; call this first in any other thread created after such
 * a module was added (the hotjit command does it for every thread by interposing
 * pthread_create). Thread-safe; cheap when there is no pool. */
HJ_API void hj_thread_init(void);

/* ------------------------------------------------------------------------------------
 * LLVM IR and C inputs (available when hotjit was built with LLVM; otherwise these
 * return HJ_ERR_STATE). IR text or bitcode is verified, optimised with LLVM's pass
 * pipeline, compiled for the host and linked like an object. A module compiled from IR
 * or C may call functions no module defines yet, or take their addresses: both go to the
 * function's entry stub, which a later module defining it fills; called before that, it
 * ends the program with "hotjit: call to undefined function 'NAME' (referenced from
 * module M)". Data references must resolve when the module is added.
 * ------------------------------------------------------------------------------------ */

typedef enum hj_opt_level { HJ_OPT_DEFAULT, HJ_OPT_O0, HJ_OPT_O1, HJ_OPT_O2, HJ_OPT_O3 } hj_opt_level;

/* Options for IR and C inputs. Zero-initialise: the defaults are -O2, no cache. */
typedef struct hj_ir_options {
    hj_opt_level opt_level;     /* HJ_OPT_DEFAULT means -O2 */
    const char *cache_dir;      /* compiled objects are kept here (created if missing) */
    const char *const *cc_args; /* extra clang arguments for C inputs: -I, -D, -std=... */
    size_t ncc_args;
    /* Lazy compilation (IR and C inputs; objects are always linked whole). Adding the
     * module compiles only its global variables (and runs its constructors); every
     * function it defines gets its entry stub at once, and is compiled, optimised at
     * opt_level and linked on its first call, by the calling thread, exactly once
     * however many threads call it first. Function addresses are the same before and
     * after. A function that cannot be compiled or linked then (e.g. it refers to a
     * symbol nothing defines) ends the program with a message naming the function and
     * the symbol, as a call to an undefined function does. The object cache is not
     * used for lazy modules. Module-local names become hidden globals NAME.hjNNNNNNNN;
     * replaced versions find kept data under NAME. Without whole-module optimisation a
     * static never written stays writable data, kept by hj_replace like any (declare
     * tables const). A thread holds asynchronous signals back while it compiles (at most
     * one function's compilation: a Ctrl-C waits that long), so a signal handler that
     * interrupted JIT code may make first calls, as safely as it may call malloc (the
     * compilation allocates). One that interrupted its thread inside hotjit (an hj_*
     * call) cannot: the program ends with a message saying so. A first call needs
     * LLVM whole (not after LLVM's exit-time destructors have run). */
    int lazy;
    /* With lazy (and opt_level above -O0): tiers. 0, every function is compiled at
     * opt_level. N > 0: a function no call of which can stay long in its code (no loop,
     * no call of itself or of setjmp) is compiled at -O0 on its first call, which is
     * several times cheaper; its code counts its calls, and the Nth asks a thread of the
     * engine's (started with the first such code; no signal is delivered to it) to
     * compile it at opt_level and put it in the stub's slot, while this and later calls
     * go on in the -O0 code until then (asking is async-signal-safe: the Nth call may
     * be a signal handler's). Later calls, old function pointers and functions compiled
     * later reach the new code. A function with a loop, calling itself or setjmp, taking
     * its labels' addresses, placing data from inline assembly or naked is compiled at
     * opt_level at once: a call of it may run long (an interpreter's loop, a program's
     * main), or its two versions would differ in more than speed. The tier thread
     * stops at hj_engine_exit and hj_engine_destroy; like a first call it needs LLVM
     * whole, so a program must not let exit() run LLVM's destructors without either. */
    unsigned lazy_tier_up;
} hj_ir_options;

/* Adds files of any kind as one batch (see hj_add_objects): ELF objects, LLVM IR text,
 * bitcode (told by content) and C source (a name ending in .c). opts may be NULL. */
HJ_API hj_status hj_add_files(hj_engine *engine, const char *const *paths, size_t count,
                              const hj_ir_options *opts, hj_module **out);

/* Adds LLVM IR text or bitcode held in memory (read only during the call). */
HJ_API hj_status hj_add_ir(hj_engine *engine, const char *name, const void *data, size_t size,
                           const hj_ir_options *opts, hj_module **out);

/* Adds a module a program built through LLVM's C API (an LLVMModuleRef, in any context).
 * The engine takes ownership of it, also when the call fails. */
struct LLVMOpaqueModule;
HJ_API hj_status hj_add_llvm_module(hj_engine *engine, const char *name,
                                    struct LLVMOpaqueModule *module,
                                    const hj_ir_options *opts, hj_module **out);

/* What compiling and linking a module cost (zeros for parts that did not happen). */
typedef struct hj_module_stats {
    unsigned long long parse_ns, optimize_ns, codegen_ns; /* IR and C inputs */
    unsigned long long link_ns; /* this module's share: reading, layout, stubs, relocation */
    unsigned long long object_bytes, relocations;
    int cache_hit;
} hj_module_stats;

HJ_API void hj_get_module_stats(const hj_module *module, hj_module_stats *stats);

/* A non-fatal remark of the last successful add (e.g. a foreign target triple that was
 * replaced by the host's), or "". Owned by the engine, valid until the next add. */
HJ_API const char *hj_warnings(const hj_engine *engine);

/* ------------------------------------------------------------------------------------
 * Hot swap
 * ------------------------------------------------------------------------------------ */

/* Flags of the replace functions. */
#define HJ_REPLACE_KEEP_STATE 0u
#define HJ_REPLACE_FRESH_STATE 1u

/* Replaces `module` by a new version, while its code may be running. The new version is
 * compiled and linked completely first; if that fails nothing changes and the running
 * program keeps the old version. Then every function both versions define is redirected
 * to the new code (one atomic store per entry stub; code is never patched), functions
 * only the new version defines become available (calls waiting for them resolve), and
 * functions only the old version defined become undefined. Function pointers taken
 * before — in tables, in libc, in the host — reach the new code. A call in progress
 * finishes in the old code; a call that begins after the return runs the new code.
 *
 * State: by default (HJ_REPLACE_KEEP_STATE) writable data the two versions define with
 * the same name and size — globals, and function-local statics by their symbol name —
 * keeps its storage and current value; anything else starts from the new version's
 * initial values. Constructors and destructors: with KEEP_STATE, none run — neither the
 * new version's constructors (they would reinitialise kept data) nor the old version's
 * destructors, fini arrays or atexit handlers (what they would tear down lives on in the
 * new version; its handlers are dropped, not run). With HJ_REPLACE_FRESH_STATE nothing is
 * kept: the old version's destructors run after the switch, then the new version's
 * constructors. Another module that uses the old version's data keeps working only if
 * that data is kept; otherwise the call fails with HJ_ERR_STATE, naming both.
 *
 * The old module is retired: freed once no thread can be inside it (see hj_attach);
 * *out receives the new module's handle (the old handle is no longer valid). */
HJ_API hj_status hj_replace_object(hj_engine *engine, hj_module *module, const hj_object *object,
                                   unsigned flags, hj_module **out);

/* The same, with the new version read from a file of any kind (object, IR, bitcode, C). */
HJ_API hj_status hj_replace_file(hj_engine *engine, hj_module *module, const char *path,
                                 const hj_ir_options *opts, unsigned flags, hj_module **out);

/* Safe reclamation (quiescent-state based). A thread that runs JIT code attaches and
 * then reports quiescent points — moments when it is not inside JIT code, such as
 * between two audio buffers or frames — with hj_quiescent(), which is two atomic
 * operations and takes no lock. Retired code and data are freed once every attached
 * thread has reported a quiescent point since the retirement. While no thread is
 * attached, replaced modules are kept until the engine is destroyed (counted in
 * hj_link_stats.retired_bytes) — never freed unsafely; hj_remove then frees at once, the
 * caller promising that no thread runs the module. JIT code may call these functions. */
HJ_API hj_status hj_attach(hj_engine *engine);
HJ_API void hj_detach(hj_engine *engine);
HJ_API void hj_quiescent(hj_engine *engine);
/* Frees what can be freed now (engine mutations do it too). */
HJ_API void hj_reclaim(hj_engine *engine);

/* Counters for benchmarks and --stats. Times are in nanoseconds. */
typedef struct hj_link_stats {
    unsigned long long modules;
    unsigned long long relocations;
    unsigned long long link_ns;      /* parse, layout, copy, relocate, protect */
    unsigned long long code_bytes;   /* bytes of memory mapped for modules */
    unsigned long long got_entries;
    unsigned long long call_stubs;
    unsigned long long retired_bytes; /* code of replaced/removed modules not yet freed */
    unsigned long long lazy_functions; /* functions of lazy modules, compiled or not */
    unsigned long long lazy_compiled;  /* of those, compiled on a first call */
    unsigned long long lazy_ns;        /* first calls: extract, optimise, emit, link */
    unsigned long long lazy_extract_ns; /* of which taking the function out of its module */
    unsigned long long lazy_generate_ns; /* of which optimising and generating code */
    unsigned long long lazy_baseline;  /* of lazy_compiled, first compiled at -O0 (tiers) */
    unsigned long long lazy_tier_ups;  /* of those, compiled again at the module's level */
    unsigned long long lazy_tier_up_ns; /* those compilations (not in lazy_ns) */
} hj_link_stats;

/* Totals since the engine was created. */
HJ_API void hj_get_stats(const hj_engine *engine, hj_link_stats *stats);

#ifdef __cplusplus
}
#endif
#endif /* HOTJIT_H */
