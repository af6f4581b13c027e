/* The per-architecture contract. The generic linker never names an R_<ARCH>_* constant:
 * it asks the backend to classify a relocation type into a generic operation (which says
 * how the value is computed), and to write a computed value into the patched location
 * (which says how it is encoded and when it is out of range). Stub templates complete
 * the contract. */
#ifndef HJ_LINK_ARCH_H
#define HJ_LINK_ARCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* How a relocation's value is computed. S: symbol address (a function's entry stub when
 * its address is taken), A: addend, P: patched address, G: offset of the symbol's GOT
 * entry from the GOT base, GOT: the module's GOT base, L: a call target (the function
 * itself when in reach, else a call stub), Z: symbol size. */
typedef enum hj_reloc_op {
    HJ_OP_NONE,           /* nothing is written */
    HJ_OP_ABS,            /* S + A */
    HJ_OP_PCREL,          /* S + A - P */
    HJ_OP_CALL,           /* L + A - P: a branch; may bypass the module's own entry stub */
    HJ_OP_GOT_PCREL,      /* GOT + G + A - P */
    HJ_OP_GOT_OFF,        /* G + A */
    HJ_OP_GOTBASE_PCREL,  /* GOT + A - P */
    HJ_OP_GOTBASE_OFF,    /* S + A - GOT */
    HJ_OP_PLT_GOTOFF,     /* L + A - GOT */
    HJ_OP_SIZE,           /* Z + A */
    HJ_OP_TLSGD_PCREL,    /* GOT entry pair {module, offset of S} + A - P */
    HJ_OP_TLSLD_PCREL,    /* GOT entry pair {module, 0} + A - P */
    HJ_OP_DTPOFF,         /* offset of S in its module's TLS block + A */
    HJ_OP_GOTTPOFF_PCREL, /* GOT entry holding tpoff(S) + A - P (static TLS) */
    HJ_OP_TPOFF,          /* tpoff(S) + A (static TLS) */
} hj_reloc_op;

typedef struct hj_reloc_desc {
    const char *name; /* e.g. "R_X86_64_PC32" */
    hj_reloc_op op;
    uint8_t field;    /* backend-specific encoding of the patched location */
    uint8_t size;     /* bytes patched */
} hj_reloc_desc;

/* What the trap calls: see write_trap. */
typedef struct hj_trap_record {
    uintptr_t (*handler)(void *ctx, uint64_t index);
    void *ctx;
} hj_trap_record;

typedef struct hj_arch {
    const char *name;
    uint16_t machine; /* EM_* */
    /* Fills *desc for an ELF relocation type; false for a type the backend does not know. */
    bool (*classify)(uint32_t type, hj_reloc_desc *desc);
    /* Writes value at loc; false when the value does not fit the field (nothing written). */
    bool (*apply)(const hj_reloc_desc *desc, uint8_t *loc, uint64_t value);
    /* Largest distance a PC-relative data reference or a branch reaches. */
    int64_t pcrel_reach;
    /* A call stub jumps through a GOT entry: used where a call's target is out of reach. */
    size_t call_stub_size;
    void (*write_call_stub)(uint8_t *stub, uintptr_t got_entry);
    /* Entry stubs (layer stubs): each jumps through its slot; a slot that points back to
     * stub + entry_stub_resume passes `index` to the shared trap at trap_addr. */
    size_t entry_stub_size;
    size_t entry_stub_resume;
    void (*write_entry_stub)(uint8_t *stub, uintptr_t slot, uintptr_t trap_addr, uint32_t index);
    /* The shared trap: calls record->handler(record->ctx, index) preserving every
     * register a call may pass arguments in, then continues at the address the handler
     * returns as if the original caller had called it (an assembly trampoline). */
    size_t trap_size;
    void (*write_trap)(uint8_t *trap, uintptr_t record);
    /* The thread pointer of the calling thread, and a static TLS address's offset from it. */
    uintptr_t (*thread_pointer)(void);
    /* Name of the function general-dynamic TLS code calls (intercepted by the engine). */
    const char *tls_get_addr_name;
} hj_arch;

extern const hj_arch hj_arch_x86_64;

/* The backend of the machine hotjit runs on. */
const hj_arch *hj_host_arch(void);

#endif
