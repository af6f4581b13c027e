#include "common/err.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

hj_status hj_fail(hj_err *err, hj_status status, const char *fmt, ...)
{
    if (err) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err->msg, sizeof err->msg, fmt, ap);
        va_end(ap);
        err->status = status;
    }
    return status;
}

void hj_err_append(hj_err *err, const char *fmt, ...)
{
    if (!err)
        return;
    size_t used = strnlen(err->msg, sizeof err->msg);
    if (used + 1 >= sizeof err->msg)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->msg + used, sizeof err->msg - used, fmt, ap);
    va_end(ap);
}

const char *hj_status_str(hj_status status)
{
    switch (status) {
#define HJ_STATUS_CASE(name, value, text)                                               \
    case name:                                                                          \
        return text;
        HJ_STATUS_MAP(HJ_STATUS_CASE)
#undef HJ_STATUS_CASE
    }
    return "unknown status";
}
