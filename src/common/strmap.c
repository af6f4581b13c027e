#include "common/strmap.h"

#include <stdlib.h>
#include <string.h>

static const char hj_tombstone_key[1];
#define HJ_STRMAP_TOMBSTONE hj_tombstone_key

uint64_t hj_strhash(const char *s)
{
    uint64_t h = 0xcbf29ce484222325ull; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 0x100000001b3ull;
    return h;
}

static hj_strmap_slot *find_slot(const hj_strmap *map, const char *key, uint64_t hash)
{
    if (!map->capacity)
        return NULL;
    size_t mask = map->capacity - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
        hj_strmap_slot *slot = &map->slots[i];
        if (!slot->key)
            return NULL;
        if (slot->key != HJ_STRMAP_TOMBSTONE && slot->hash == hash && !strcmp(slot->key, key))
            return slot;
    }
}

void *hj_strmap_get(const hj_strmap *map, const char *key)
{
    hj_strmap_slot *slot = find_slot(map, key, hj_strhash(key));
    return slot ? slot->value : NULL;
}

static void insert_fresh(hj_strmap *map, const char *key, uint64_t hash, void *value)
{
    size_t mask = map->capacity - 1;
    size_t i = hash & mask;
    while (map->slots[i].key && map->slots[i].key != HJ_STRMAP_TOMBSTONE)
        i = (i + 1) & mask;
    if (!map->slots[i].key)
        map->used++;
    map->slots[i] = (hj_strmap_slot){key, hash, value};
    map->count++;
}

static bool rehash(hj_strmap *map, size_t capacity)
{
    hj_strmap_slot *slots = calloc(capacity, sizeof *slots);
    if (!slots)
        return false;
    hj_strmap old = *map;
    map->slots = slots;
    map->capacity = capacity;
    map->count = map->used = 0;
    for (size_t i = 0; i < old.capacity; i++)
        if (old.slots[i].key && old.slots[i].key != HJ_STRMAP_TOMBSTONE)
            insert_fresh(map, old.slots[i].key, old.slots[i].hash, old.slots[i].value);
    free(old.slots);
    return true;
}

bool hj_strmap_reserve(hj_strmap *map, size_t extra)
{
    size_t need = (map->used + extra) * 4 / 3 + 1;
    if (need <= map->capacity)
        return true;
    size_t capacity = map->capacity ? map->capacity : 16;
    while (capacity < need || capacity < (map->count + extra) * 2)
        capacity *= 2;
    return rehash(map, capacity);
}

bool hj_strmap_put(hj_strmap *map, const char *key, void *value)
{
    uint64_t hash = hj_strhash(key);
    hj_strmap_slot *slot = find_slot(map, key, hash);
    if (slot) { /* the key already stored stays */
        slot->value = value;
        return true;
    }
    if (!hj_strmap_reserve(map, 1))
        return false;
    insert_fresh(map, key, hash, value);
    return true;
}

bool hj_strmap_put_key(hj_strmap *map, const char *key, void *value)
{
    hj_strmap_slot *slot = find_slot(map, key, hj_strhash(key));
    if (slot) {
        slot->key = key;
        slot->value = value;
        return true;
    }
    return hj_strmap_put(map, key, value);
}

void *hj_strmap_remove(hj_strmap *map, const char *key)
{
    hj_strmap_slot *slot = find_slot(map, key, hj_strhash(key));
    if (!slot)
        return NULL;
    void *value = slot->value;
    slot->key = HJ_STRMAP_TOMBSTONE;
    slot->value = NULL;
    map->count--;
    return value;
}

void hj_strmap_free(hj_strmap *map)
{
    free(map->slots);
    *map = (hj_strmap){0};
}
