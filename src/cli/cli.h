#ifndef HJ_CLI_CLI_H
#define HJ_CLI_CLI_H

/* Addresses of the libc data objects copied into the executable (libc_data.c). */
const void *hj_cli_libc_data(int which);

#include <stddef.h>

#include "hotjit.h"

/* hotjit watch: a thread that replaces modules whose files change (watch.c). */
typedef struct hj_watch_options {
    hj_engine *engine;
    const char **files;
    hj_module **modules; /* by file; updated as modules are replaced */
    int nfiles;
    const hj_ir_options *ir;
} hj_watch_options;

int hj_watch_start(const hj_watch_options *options);
void hj_watch_stop(void);

#endif
