/* The engine's symbol table. Lookup order: definitions of JIT modules, symbols the host
 * defined, the engine's built-in shims, then the process (dlsym). The shims come before
 * the process because some of them must replace what the process has (a module's
 * __tls_get_addr, its own atexit). */
#ifndef HJ_SYMTAB_SYMTAB_H
#define HJ_SYMTAB_SYMTAB_H

#include <stdbool.h>
#include <stdint.h>

#include "common/err.h"
#include "common/strmap.h"

typedef enum hj_def_kind { HJ_DEF_FUNC, HJ_DEF_DATA, HJ_DEF_TLS } hj_def_kind;
typedef enum hj_def_bind { HJ_BIND_STRONG, HJ_BIND_WEAK, HJ_BIND_COMMON } hj_def_bind;

/* A definition made by a JIT module. Owned by the module; the table points to it. */
typedef struct hj_def {
    const char *name;
    void *module;      /* the defining hj_module */
    uintptr_t addr;    /* function body, data address, or offset in the TLS block */
    uint64_t size;
    uint8_t kind, bind;
    bool comdat;       /* from a COMDAT group: a user must keep the owner loaded */
    bool overrides;    /* replaced another module's (weak) definition when published */
    uint32_t stub;     /* entry stub index + 1, for functions */
    bool baseline;     /* a lazy function's -O0 code, until its tier-up (engine/lazy.c) */
    uint64_t tls_module;
    bool tls_static;   /* TLS block in the static pool, at tls_tpoff from the thread pointer */
    int64_t tls_tpoff;
} hj_def;

typedef struct hj_symtab {
    hj_strmap jit;    /* name -> hj_def* */
    hj_strmap host;   /* name (owned copy) -> address */
    hj_strmap groups; /* COMDAT signature (owned by the module) -> hj_module* */
} hj_symtab;

void hj_symtab_free(hj_symtab *symtab);

/* addr must not be NULL. */
hj_status hj_symtab_define_host(hj_symtab *symtab, const char *name, void *addr, hj_err *err);
bool hj_symtab_host(const hj_symtab *symtab, const char *name, uintptr_t *addr);

/* A symbol of the process itself (dlsym), with what the linker needs to know of it. */
typedef struct hj_proc_sym {
    uintptr_t addr;
    bool is_tls, tls_static;
    uint64_t tls_module, tls_offset;
    int64_t tls_tpoff;
} hj_proc_sym;

/* want_tls: the reference is to a thread-local variable (module id and offset needed). */
bool hj_process_lookup(const char *name, bool want_tls, uintptr_t thread_pointer,
                       hj_proc_sym *out);

/* Properties of a process symbol's address, found through dladdr (slow: ask rarely). */
typedef struct hj_proc_info {
    bool is_func;
    bool read_only; /* no write permission, or RELRO */
    uint64_t size;
} hj_proc_info;

bool hj_process_describe(uintptr_t addr, hj_proc_info *out);

/* Built-in shims: what libc keeps out of its shared object (atexit, at_quick_exit,
 * pthread_atfork, __stack_chk_fail_local) and __tls_get_addr. */
bool hj_shim_lookup(const char *name, const char *tls_get_addr_name, uintptr_t *addr);

/* The shims find the calling module by the caller's address: modules register their
 * memory range with the handle their destructors are registered under (__dso_handle). */
hj_status hj_shim_register_range(uintptr_t start, uintptr_t end, void *dso_handle, hj_err *err);
/* The shims' lock around fork() (engine/fork.c). */
void hj_shim_prefork(void);
void hj_shim_postfork(void);
void hj_shim_unregister_range(uintptr_t start);

/* Runs what the module registered with atexit/__cxa_atexit and drops its fork handlers
 * (glibc's __cxa_finalize, as dlclose does). */
void hj_shim_finalize(void *dso_handle);
/* The module's exit handlers will not run (its state lives on in a new version). */
void hj_shim_disarm(void *dso_handle);

#endif
