/* Error values: a status plus a message, filled where the failure is found and carried
 * up unchanged. The engine copies the message into its own buffer for hj_errmsg(). */
#ifndef HJ_COMMON_ERR_H
#define HJ_COMMON_ERR_H

#include "hotjit.h"

#define HJ_ERRMSG_MAX 1024

typedef struct hj_err {
    hj_status status;
    char msg[HJ_ERRMSG_MAX];
} hj_err;

/* Sets err (when not NULL) and returns status, so callers can `return hj_fail(...)`. */
hj_status hj_fail(hj_err *err, hj_status status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Appends to an existing message (used to collect every missing symbol at once). */
void hj_err_append(hj_err *err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#define HJ_TRY(expr)                                                                    \
    do {                                                                                \
        hj_status hj_try_status_ = (expr);                                              \
        if (hj_try_status_ != HJ_OK)                                                    \
            return hj_try_status_;                                                      \
    } while (0)

#endif
