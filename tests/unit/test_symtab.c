/* symtab: host definitions, shims, process lookups (functions, read-only and writable
 * data, thread-locals), and the caller-to-module registry the shims use. */
#include <dlfcn.h>
#include <stdint.h>
#include <stdio.h>

#include "check.h"
#include "symtab/symtab.h"

int main(void)
{
    hj_symtab st = {0};
    hj_err err;
    int x, y;
    uintptr_t addr;
    CHECK(hj_symtab_define_host(&st, "host_x", &x, &err) == HJ_OK);
    CHECK(hj_symtab_host(&st, "host_x", &addr) && addr == (uintptr_t)&x);
    CHECK(hj_symtab_define_host(&st, "host_x", &y, &err) == HJ_OK); /* redefined */
    CHECK(hj_symtab_host(&st, "host_x", &addr) && addr == (uintptr_t)&y);
    CHECK(!hj_symtab_host(&st, "host_missing", &addr));

    CHECK(hj_shim_lookup("atexit", "__tls_get_addr", &addr) && addr);
    CHECK(hj_shim_lookup("__tls_get_addr", "__tls_get_addr", &addr) && addr);
    CHECK(!hj_shim_lookup("printf", "__tls_get_addr", &addr));

    hj_proc_sym p;
    CHECK(hj_process_lookup("printf", false, 0, &p) && p.addr == (uintptr_t)&printf);
    CHECK(!hj_process_lookup("hj_no_such_symbol_anywhere", false, 0, &p));
    hj_proc_info info;
    CHECK(hj_process_describe((uintptr_t)&printf, &info) && info.is_func);
    /* stdout (the pointer) is writable data; a typeinfo-like constant is read-only */
    hj_proc_sym out;
    CHECK(hj_process_lookup("stdout", false, 0, &out));
    CHECK(hj_process_describe(out.addr, &info) && !info.is_func && !info.read_only &&
          info.size == sizeof(FILE *));
    /* a typeinfo object lives in libstdc++'s RELRO: read-only once relocated */
    CHECK(dlopen("libstdc++.so.6", RTLD_NOW | RTLD_GLOBAL) != NULL);
    hj_proc_sym typeinfo;
    CHECK(hj_process_lookup("_ZTISt9exception", false, 0, &typeinfo));
    CHECK(hj_process_describe(typeinfo.addr, &info) && !info.is_func && info.read_only &&
          info.size == 16);

    /* caller registry */
    static char text[64];
    int handle;
    CHECK(hj_shim_register_range((uintptr_t)text, (uintptr_t)text + sizeof text, &handle, &err) == HJ_OK);
    hj_shim_unregister_range((uintptr_t)text);

    hj_symtab_free(&st);
    return check_report("symtab");
}
