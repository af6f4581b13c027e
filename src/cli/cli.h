#ifndef HJ_CLI_CLI_H
#define HJ_CLI_CLI_H

/* Addresses of the libc data objects copied into the executable (libc_data.c). */
const void *hj_cli_libc_data(int which);

#endif
