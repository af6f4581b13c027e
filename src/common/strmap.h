/* An open-addressing hash map from NUL-terminated strings to pointers. Keys are not
 * copied: the caller keeps them alive while they are in the map. */
#ifndef HJ_COMMON_STRMAP_H
#define HJ_COMMON_STRMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct hj_strmap_slot {
    const char *key; /* NULL: empty; HJ_STRMAP_TOMBSTONE: deleted */
    uint64_t hash;
    void *value;
} hj_strmap_slot;

typedef struct hj_strmap {
    hj_strmap_slot *slots;
    size_t capacity; /* power of two, or 0 */
    size_t count;    /* live keys */
    size_t used;     /* live keys + tombstones */
} hj_strmap;

uint64_t hj_strhash(const char *s);
void *hj_strmap_get(const hj_strmap *map, const char *key);
/* Inserts, or replaces the value of a key already there (keeping the stored key).
 * Returns false only when memory runs out (map unchanged). */
bool hj_strmap_put(hj_strmap *map, const char *key, void *value);
/* Like hj_strmap_put, but an existing entry takes the new key too (for keys owned by
 * the value, which may outlive the old one). */
bool hj_strmap_put_key(hj_strmap *map, const char *key, void *value);
/* Returns the removed value, or NULL. */
void *hj_strmap_remove(hj_strmap *map, const char *key);
/* Makes room for `extra` more keys so that that many puts cannot fail. */
bool hj_strmap_reserve(hj_strmap *map, size_t extra);
void hj_strmap_free(hj_strmap *map);

#endif
