/* The runtime linker: turns one ELF relocatable object into loaded, relocated, protected
 * memory. The order is fixed (JITLink's and TinyCC's): open and classify, then the
 * caller resolves global symbols, then size (GOT entries and call stubs are counted
 * before anything is allocated), allocate, place, copy, relocate, protect.
 *
 * The linker knows nothing of other modules or of the engine's symbol table: the
 * engine resolves every global symbol of a unit into an hj_target before layout. */
#ifndef HJ_LINK_LINK_H
#define HJ_LINK_LINK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "common/err.h"
#include "elf/elf.h"
#include "link/arch.h"

typedef enum hj_seg { HJ_SEG_TEXT, HJ_SEG_RO, HJ_SEG_DATA, HJ_SEG_COUNT } hj_seg;

typedef struct hj_link_unit hj_link_unit;

/* Where the references to a global symbol go. */
typedef enum hj_target_kind {
    HJ_TARGET_NONE,    /* not resolved yet */
    HJ_TARGET_SELF,    /* this unit's own definition wins */
    HJ_TARGET_UNIT,    /* another unit of the same batch defines it */
    HJ_TARGET_ADDR,    /* a fixed address: loaded module, host, shim or process */
    HJ_TARGET_WEAK0,   /* undefined weak reference: address 0 */
    HJ_TARGET_GOT,     /* _GLOBAL_OFFSET_TABLE_: the referencing unit's own GOT */
    HJ_TARGET_DSO,     /* __dso_handle: a word of the unit's own data, unique to it */
} hj_target_kind;

typedef struct hj_target {
    hj_target_kind kind;
    hj_link_unit *unit; /* HJ_TARGET_UNIT */
    size_t sym;         /* HJ_TARGET_UNIT: symbol index in that unit */
    uintptr_t addr;     /* HJ_TARGET_ADDR: canonical address (a JIT function's entry stub) */
    uintptr_t body;     /* HJ_TARGET_ADDR, or 0: the function's code, which branches may
                         * reach directly (a part of the same lazy module) */
    uint64_t size;
    bool is_tls;        /* addr is meaningless; use the tls fields */
    bool tls_static;    /* process TLS in the static block: tpoff is valid */
    uint64_t tls_module;
    uint64_t tls_offset;
    int64_t tls_tpoff;
} hj_target;

typedef struct hj_lsym {
    const char *name;
    uint64_t value, size;
    size_t section;  /* resolved section index, or SHN_UNDEF/ABS/COMMON */
    uint8_t bind, type;
    bool discarded;  /* defined in a dropped COMDAT section */
    hj_target target; /* globals only */
    uintptr_t addr;      /* body or data address (TLS: offset in the unit's block) */
    uintptr_t canonical; /* address when taken: the entry stub of an exported function */
    bool direct_call;    /* branches may go to addr, bypassing the entry stub */
    uint32_t got, gd_got, tpoff_got, call_stub; /* index + 1, 0 when absent */
    /* Set by layout for a process symbol: a 32-bit reference cannot reach it, so the
     * caller should give it a near stand-in (target.addr) before relocation; and a
     * SIZE relocation wants target.size. */
    bool wants_proxy, wants_size;
    uint32_t stub;       /* entry stub index + 1 of an exported function (set by the caller) */
    bool non_call_ref;   /* referenced other than by a call (hj_link_mark_references) */
} hj_lsym;

typedef struct hj_lsec {
    int seg;          /* hj_seg, HJ_SEG_TLS_BLOCK, or -1: not loaded */
    uint64_t offset;  /* in its segment (TLS: in the unit's TLS block) */
    uintptr_t addr;   /* where its bytes are (TLS .tdata: the image copy) */
    bool discarded;
    int init_kind;    /* hj_init_kind */
    uint32_t priority;
} hj_lsec;
#define HJ_SEG_TLS_BLOCK 100

typedef struct hj_group {
    const char *signature;
    size_t section;
    bool keep;
} hj_group;

/* A constructor or destructor to run, in sorted order. */
typedef struct hj_initfn {
    uint32_t priority;
    uint32_t seq;
    void (*fn)(void);
} hj_initfn;

/* Data moved after placement (hj_replace keeps an old version's storage): references
 * that reach it through a section symbol plus an offset are moved with it. */
typedef struct hj_remap {
    uintptr_t from, size, to;
} hj_remap;

struct hj_link_unit {
    const hj_arch *arch;
    hj_elf elf;
    void *bytes; /* owned aligned copy of a misaligned object, else NULL (caller's bytes) */
    hj_lsec *secs;
    hj_lsym *syms;
    hj_group *groups;
    size_t ngroups;
    size_t first_global;
    bool dso_elsewhere; /* set before layout: the caller resolves __dso_handle, so DATA
                         * holds no word for it */
    /* layout */
    uint64_t seg_size[HJ_SEG_COUNT];
    uint64_t seg_align[HJ_SEG_COUNT];
    uint64_t got_offset, ngot;      /* in RO */
    uint64_t stubs_offset, nstubs;  /* in TEXT */
    uint64_t tls_size, tls_align, tls_image_size, tls_image_offset; /* image in RO */
    uint64_t dso_offset;            /* in DATA: the word __dso_handle names */
    /* placement */
    uintptr_t seg_addr[HJ_SEG_COUNT];
    uint64_t tls_module; /* set by the caller before relocation when tls_size > 0 */
    bool tls_wants_static; /* layout: static-model TLS relocations refer to this unit */
    bool tls_static;       /* the caller placed the block in the static pool ... */
    int64_t tls_tpoff;     /* ... at this offset from the thread pointer */
    /* results */
    size_t eh_frame_section;  /* 0 when none */
    hj_initfn *inits, *finis;
    size_t ninits, nfinis;
    uint64_t nrelocs;
    uint64_t *got_keys; /* per GOT entry: symbol index << 2 | kind (sizing bookkeeping) */
    hj_remap *remaps;
    size_t nremaps;
};

/* Reads and validates the object, classifies sections, reads symbols and groups.
 * Takes a copy of the bytes. On failure the unit holds nothing. */
hj_status hj_link_open(hj_link_unit *unit, const hj_arch *arch, const char *name,
                       const void *data, size_t size, hj_err *err);
void hj_link_close(hj_link_unit *unit);

/* Drops the sections of group `g` (another module already provides the same COMDAT). */
void hj_link_discard_group(hj_link_unit *unit, size_t g);

/* True for a global symbol this unit defines (not discarded), and its properties. */
bool hj_link_defines(const hj_link_unit *unit, size_t sym);
bool hj_lsym_is_func(const hj_lsym *sym);
bool hj_lsym_is_tls(const hj_lsym *sym);

/* Sizes every segment, the GOT and the call stubs. Needs every global's target. The
 * region bounds say which process addresses a call can reach directly. */
hj_status hj_link_layout(hj_link_unit *unit, uintptr_t region_base, uintptr_t region_end,
                         hj_err *err);

/* True when relocation section rela_sec patches a loaded section. */
bool hj_link_rela_applies(const hj_link_unit *unit, size_t rela_sec);
/* Moves a placed data symbol (and section-relative references into it) to `to`. */
hj_status hj_link_move_symbol(hj_link_unit *unit, size_t sym, uintptr_t to, hj_err *err);

/* Marks every symbol some relocation refers to other than as a call target. */
hj_status hj_link_mark_references(hj_link_unit *unit, hj_err *err);

/* Calls visit for every relocation that patches a loaded section, classified. */
typedef hj_status (*hj_reloc_visit)(hj_link_unit *unit, size_t rela_sec, const Elf64_Rela *r,
                                    const hj_reloc_desc *desc, void *ctx, hj_err *err);
hj_status hj_link_each_relocation(hj_link_unit *unit, hj_reloc_visit visit, void *ctx, hj_err *err);

/* The backend's description of a relocation; an unknown type is an error naming it. */
hj_status hj_link_classify(const hj_link_unit *unit, size_t rela_sec, const Elf64_Rela *r,
                           hj_reloc_desc *desc, hj_err *err);

/* Gives each segment of the unit its memory (read-write, zeroed, seg_size bytes each,
 * each aligned to its seg_align, not necessarily to a page) and computes the address of every section and defined symbol. Entry stubs are
 * assigned after. */
void hj_link_place(hj_link_unit *unit, const uintptr_t seg_addr[HJ_SEG_COUNT]);

/* Copies contents, fills the GOT and call stubs, applies every relocation. */
hj_status hj_link_relocate(hj_link_unit *unit, hj_err *err);

/* Collects constructors and destructors (after relocation) in the order they must run.
 * Protecting the segments is the caller's, which places many units side by side. */
hj_status hj_link_collect_initfns(hj_link_unit *unit, hj_err *err);

/* .eh_frame: drop the FDE containing `offset` (its function was discarded), and
 * register/deregister a loaded frame section with the unwinder. */
void hj_eh_drop_record(uint8_t *eh_frame, size_t size, size_t offset);
bool hj_eh_check(const uint8_t *eh_frame, size_t size, size_t *bad_offset);
bool hj_eh_register(void *eh_frame);
void hj_eh_deregister(void *eh_frame);

#endif
