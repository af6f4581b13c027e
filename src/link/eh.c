/* .eh_frame: records are dropped in place, and loaded frames are registered with the
 * unwinder that C++ exceptions use (libgcc_s's, shared with libstdc++). */
#include "link/link.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

static uint32_t read32(const uint8_t *p)
{
    uint32_t v;
    memcpy(&v, p, 4);
    return v;
}

/* An FDE whose CIE pointer is zero reads as a CIE, which the unwinder skips while
 * searching: the record stays in place (offsets of the others do not move) but no longer
 * describes the discarded function. */
void hj_eh_drop_record(uint8_t *eh_frame, size_t size, size_t offset)
{
    size_t pos = 0;
    while (size - pos >= 8) {
        uint64_t length = read32(eh_frame + pos);
        size_t header = 4;
        if (length == 0)
            return;
        if (length == 0xffffffffu) {
            if (size - pos < 16)
                return;
            memcpy(&length, eh_frame + pos + 4, 8);
            header = 12;
        }
        if (length > size - pos - header)
            return;
        size_t end = pos + header + (size_t)length;
        if (offset >= pos && offset < end) {
            if (offset >= pos + header + 4) /* never clear the id field of a CIE itself */
                memset(eh_frame + pos + header, 0, 4);
            return;
        }
        pos = end;
    }
}

/* The unwinder trusts what it is given and reads it lazily, at some later exception in
 * any part of the program: records must lie inside the section and every FDE must
 * point back at a CIE, or the object is refused. */
bool hj_eh_check(const uint8_t *eh_frame, size_t size, size_t *bad_offset)
{
    size_t pos = 0, ncies = 0, cap = 16;
    size_t *cies = malloc(cap * sizeof *cies);
    bool ok = cies != NULL;
    while (ok && size - pos >= 4) {
        uint64_t length = read32(eh_frame + pos);
        size_t header = 4;
        if (length == 0)
            break;
        if (length == 0xffffffffu) {
            ok = size - pos >= 12;
            if (ok)
                memcpy(&length, eh_frame + pos + 4, 8);
            header = 12;
        }
        ok = ok && length >= 4 && length <= size - pos - header;
        if (!ok)
            break;
        uint32_t id = read32(eh_frame + pos + header);
        if (id == 0) {
            if (ncies == cap) {
                size_t *grown = realloc(cies, (cap *= 2) * sizeof *cies);
                if (!(ok = grown != NULL))
                    break;
                cies = grown;
            }
            cies[ncies++] = pos;
        } else {
            size_t cie = pos + header - id; /* id: distance back from the id field */
            bool found = false;
            for (size_t i = ncies; i-- > 0 && !found;)
                found = cies[i] == cie && id <= pos + header;
            ok = found;
        }
        if (ok)
            pos += header + (size_t)length;
    }
    free(cies);
    if (!ok)
        *bad_offset = pos;
    return ok;
}

typedef void (*frame_fn)(void *);
static frame_fn register_frame, deregister_frame;
static pthread_once_t frame_once = PTHREAD_ONCE_INIT;

static void find_unwinder(void)
{
    void *lib = dlopen("libgcc_s.so.1", RTLD_NOW | RTLD_GLOBAL);
    void *from = lib ? lib : RTLD_DEFAULT;
    register_frame = (frame_fn)dlsym(from, "__register_frame");
    deregister_frame = (frame_fn)dlsym(from, "__deregister_frame");
    if (!register_frame || !deregister_frame)
        register_frame = deregister_frame = NULL;
}

bool hj_eh_register(void *eh_frame)
{
    pthread_once(&frame_once, find_unwinder);
    if (!register_frame)
        return false;
    register_frame(eh_frame);
    return true;
}

void hj_eh_deregister(void *eh_frame)
{
    pthread_once(&frame_once, find_unwinder);
    if (deregister_frame)
        deregister_frame(eh_frame);
}
