/* Stable entry points. Every exported function gets a stub in read-execute memory that
 * jumps through a slot in read-write (never executable) memory; the stub's address is
 * the function's canonical address for its whole life in the engine, across removal
 * and redefinition. Redirecting a function is one release store into its slot; code is
 * never patched. A slot that has no target points back into its stub, which enters the
 * engine's trap with the stub's index. Stubs are never freed: a name keeps its stub. */
#ifndef HJ_STUBS_STUBS_H
#define HJ_STUBS_STUBS_H

#include <stdint.h>

#include "common/err.h"
#include "link/arch.h"
#include "mem/mem.h"

typedef struct hj_stubs hj_stubs;

/* handler(ctx, index) is entered when a stub without target is called, with the
 * caller's arguments intact; the call continues at the address it returns. */
typedef uintptr_t (*hj_trap_handler)(void *ctx, uint64_t index);
hj_status hj_stubs_create(hj_stubs **out, hj_region *region, const hj_arch *arch,
                          hj_trap_handler handler, void *ctx, hj_err *err);
void hj_stubs_destroy(hj_stubs *stubs);

/* The stub of `name`, created (pointing at the trap) when there is none yet. */
hj_status hj_stubs_get(hj_stubs *stubs, const char *name, uint32_t *index, hj_err *err);
/* Index of an existing stub, or UINT32_MAX. */
uint32_t hj_stubs_find(const hj_stubs *stubs, const char *name);
/* Forgets a stub created by this transaction and never published (rollback). */
void hj_stubs_unget(hj_stubs *stubs, uint32_t index);

uintptr_t hj_stubs_address(const hj_stubs *stubs, uint32_t index);
/* The index of the stub at address, or UINT32_MAX when none starts there. */
uint32_t hj_stubs_index_of(const hj_stubs *stubs, uintptr_t address);
const char *hj_stubs_name(const hj_stubs *stubs, uint32_t index);
/* Points the slot at target (release store); 0 points it back at the trap. */
void hj_stubs_set(hj_stubs *stubs, uint32_t index, uintptr_t target);
uintptr_t hj_stubs_target(const hj_stubs *stubs, uint32_t index); /* 0: the trap */

#endif
