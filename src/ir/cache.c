/* The object cache: one file per compiled module, named by its 128-bit key. An entry is
 * a header (magic, key, size, checksum of the object) and the object. A reader takes an
 * entry only when all of it checks out; a writer writes a temporary file and renames it
 * into place, so a concurrent reader sees the old entry or the new, never half of one. */
#include "ir/ir.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define CACHE_MAGIC 0x434f4a48u /* "HJOC" */
#define CACHE_VERSION 1u

typedef struct cache_header {
    uint32_t magic, version;
    uint64_t key_a, key_b;
    uint64_t size, checksum;
} cache_header;

static uint64_t fnv1a(uint64_t h, const void *data, size_t size)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < size; i++)
        h = (h ^ p[i]) * 0x100000001b3ull;
    return h;
}

/* A second, independent 64-bit hash (multiply-xorshift over 8-byte words). */
static uint64_t mix(uint64_t h, const void *data, size_t size)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < size; i += 8) {
        uint64_t w = 0;
        memcpy(&w, p + i, size - i < 8 ? size - i : 8);
        h ^= w + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
        h *= 0xbf58476d1ce4e5b9ull;
        h ^= h >> 31;
    }
    return h ^ size;
}

hj_cache_key hj_cache_key_of(const void *input, size_t size, const char *context)
{
    hj_cache_key k = {fnv1a(0xcbf29ce484222325ull, context, strlen(context) + 1),
                      mix(0x2545f4914f6cdd1dull, context, strlen(context) + 1)};
    k.a = fnv1a(k.a, input, size);
    k.b = mix(k.b, input, size);
    return k;
}

static void entry_path(char *path, size_t size, const char *dir, hj_cache_key key)
{
    snprintf(path, size, "%s/%016llx%016llx.o", dir, (unsigned long long)key.a,
             (unsigned long long)key.b);
}

bool hj_cache_load(const char *dir, hj_cache_key key, void **data, size_t *size)
{
    char path[4096];
    entry_path(path, sizeof path, dir, key);
    FILE *f = fopen(path, "rb");
    if (!f)
        return false;
    cache_header h;
    void *buf = NULL;
    struct stat st;
    bool ok = fread(&h, sizeof h, 1, f) == 1 && h.magic == CACHE_MAGIC &&
              h.version == CACHE_VERSION && h.key_a == key.a && h.key_b == key.b &&
              fstat(fileno(f), &st) == 0 && (uint64_t)st.st_size == sizeof h + h.size &&
              (buf = malloc(h.size ? h.size : 1)) && fread(buf, 1, h.size, f) == h.size &&
              fnv1a(0xcbf29ce484222325ull, buf, h.size) == h.checksum;
    fclose(f);
    if (!ok) { /* corrupt or stale: the caller compiles and stores a fresh entry */
        free(buf);
        return false;
    }
    *data = buf;
    *size = h.size;
    return true;
}

/* mkdir -p: the cache directory and any missing parents. */
static bool make_dirs(const char *dir)
{
    char path[4096];
    if (snprintf(path, sizeof path, "%s", dir) >= (int)sizeof path)
        return false;
    for (char *p = path + 1; *p; p++)
        if (*p == '/') {
            *p = '\0';
            if (mkdir(path, 0777) != 0 && errno != EEXIST)
                return false;
            *p = '/';
        }
    return mkdir(path, 0777) == 0 || errno == EEXIST;
}

void hj_cache_store(const char *dir, hj_cache_key key, const void *data, size_t size)
{
    char path[4096], temp[4200];
    if (!make_dirs(dir))
        return; /* a cache that cannot be written is only a slower run */
    entry_path(path, sizeof path, dir, key);
    snprintf(temp, sizeof temp, "%s.tmp.XXXXXX", path); /* unique: writers never share */
    int fd = mkstemp(temp);
    FILE *f = fd >= 0 ? fdopen(fd, "wb") : NULL;
    if (!f) {
        if (fd >= 0) {
            close(fd);
            unlink(temp);
        }
        return;
    }
    cache_header h = {CACHE_MAGIC, CACHE_VERSION, key.a, key.b, size,
                      fnv1a(0xcbf29ce484222325ull, data, size)};
    bool ok = fwrite(&h, sizeof h, 1, f) == 1 && fwrite(data, 1, size, f) == size;
    ok = (fclose(f) == 0) && ok;
    if (!ok || rename(temp, path) != 0)
        unlink(temp);
}
