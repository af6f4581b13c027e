/* x86-64 backend (System V psABI, "ELF x86-64-ABI psABI" §4.4 relocation table).
 * Every type is mapped to a generic operation and a field; the range checks of the
 * fields below are kept in release builds. */
#include "link/arch.h"

#include <elf.h>
#include <cpuid.h>
#include <pthread.h>
#include <string.h>

#ifndef R_X86_64_GOTPCRELX
#define R_X86_64_GOTPCRELX 41
#define R_X86_64_REX_GOTPCRELX 42
#endif

/* Fields: the value is written little-endian; the check says which values fit. */
enum {
    F_U8,   /* zero-extended 8 bits: 0..0xff */
    F_S16,  /* 16 bits, signed */
    F_U16,
    F_S32,  /* sign-extended 32 bits: PC-relative displacements, R_X86_64_32S */
    F_U32,  /* zero-extended 32 bits: R_X86_64_32 */
    F_S8,
    F_W64,  /* 64 bits, always fits */
};

typedef struct x86_reloc {
    const char *name;
    hj_reloc_op op;
    uint8_t field;
} x86_reloc;

#define R(type, op, field) [type] = {#type, op, field}
static const x86_reloc x86_relocs[] = {
    R(R_X86_64_NONE, HJ_OP_NONE, F_W64),
    R(R_X86_64_64, HJ_OP_ABS, F_W64),              /* S + A */
    R(R_X86_64_PC32, HJ_OP_PCREL, F_S32),          /* S + A - P */
    R(R_X86_64_GOT32, HJ_OP_GOT_OFF, F_S32),       /* G + A */
    R(R_X86_64_PLT32, HJ_OP_CALL, F_S32),          /* L + A - P */
    R(R_X86_64_GOTPCREL, HJ_OP_GOT_PCREL, F_S32),  /* G + GOT + A - P */
    R(R_X86_64_32, HJ_OP_ABS, F_U32),              /* S + A, zero-extended */
    R(R_X86_64_32S, HJ_OP_ABS, F_S32),             /* S + A, sign-extended */
    R(R_X86_64_16, HJ_OP_ABS, F_U16),
    R(R_X86_64_PC16, HJ_OP_PCREL, F_S16),
    R(R_X86_64_8, HJ_OP_ABS, F_U8),
    R(R_X86_64_PC8, HJ_OP_PCREL, F_S8),
    R(R_X86_64_DTPOFF64, HJ_OP_DTPOFF, F_W64),
    R(R_X86_64_TPOFF64, HJ_OP_TPOFF, F_W64),
    R(R_X86_64_TLSGD, HJ_OP_TLSGD_PCREL, F_S32),
    R(R_X86_64_TLSLD, HJ_OP_TLSLD_PCREL, F_S32),
    R(R_X86_64_DTPOFF32, HJ_OP_DTPOFF, F_S32),
    R(R_X86_64_GOTTPOFF, HJ_OP_GOTTPOFF_PCREL, F_S32),
    R(R_X86_64_TPOFF32, HJ_OP_TPOFF, F_S32),
    R(R_X86_64_PC64, HJ_OP_PCREL, F_W64),
    R(R_X86_64_GOTOFF64, HJ_OP_GOTBASE_OFF, F_W64), /* S + A - GOT */
    R(R_X86_64_GOTPC32, HJ_OP_GOTBASE_PCREL, F_S32), /* GOT + A - P */
    R(R_X86_64_GOT64, HJ_OP_GOT_OFF, F_W64),
    R(R_X86_64_GOTPCREL64, HJ_OP_GOT_PCREL, F_W64),
    R(R_X86_64_GOTPC64, HJ_OP_GOTBASE_PCREL, F_W64),
    R(R_X86_64_GOTPLT64, HJ_OP_GOT_OFF, F_W64),
    R(R_X86_64_PLTOFF64, HJ_OP_PLT_GOTOFF, F_W64),  /* L + A - GOT */
    R(R_X86_64_SIZE32, HJ_OP_SIZE, F_U32),          /* Z + A */
    R(R_X86_64_SIZE64, HJ_OP_SIZE, F_W64),
    /* The relaxable forms are linked as their plain form: the GOT entry is always built. */
    R(R_X86_64_GOTPCRELX, HJ_OP_GOT_PCREL, F_S32),
    R(R_X86_64_REX_GOTPCRELX, HJ_OP_GOT_PCREL, F_S32),
};
#undef R

static const uint8_t field_size[] = {
    [F_U8] = 1, [F_S8] = 1, [F_S16] = 2, [F_U16] = 2, [F_S32] = 4, [F_U32] = 4, [F_W64] = 8,
};

static bool x86_classify(uint32_t type, hj_reloc_desc *desc)
{
    if (type >= sizeof x86_relocs / sizeof x86_relocs[0] || !x86_relocs[type].name)
        return false;
    const x86_reloc *r = &x86_relocs[type];
    *desc = (hj_reloc_desc){r->name, r->op, r->field, field_size[r->field]};
    return true;
}

static bool fits(uint8_t field, uint64_t value)
{
    int64_t s = (int64_t)value;
    switch (field) {
    case F_U8: return value <= 0xff;
    case F_S8: return s >= INT8_MIN && s <= INT8_MAX;
    case F_S16: return s >= INT16_MIN && s <= INT16_MAX;
    case F_U16: return value <= 0xffff;
    case F_S32: return s >= INT32_MIN && s <= INT32_MAX;
    case F_U32: return value <= 0xffffffffu;
    default: return true;
    }
}

static bool x86_apply(const hj_reloc_desc *desc, uint8_t *loc, uint64_t value)
{
    if (!fits(desc->field, value))
        return false;
    uint8_t bytes[8];
    for (int i = 0; i < 8; i++)
        bytes[i] = (uint8_t)(value >> (8 * i));
    memcpy(loc, bytes, desc->size);
    return true;
}

static void put32(uint8_t *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (uint8_t)(v >> (8 * i));
}

/* jmp *got_entry(%rip); ud2 */
static void x86_write_call_stub(uint8_t *stub, uintptr_t got_entry)
{
    stub[0] = 0xff;
    stub[1] = 0x25;
    put32(stub + 2, (uint32_t)(got_entry - ((uintptr_t)stub + 6)));
    stub[6] = 0x0f;
    stub[7] = 0x0b;
}

/* jmp *slot(%rip); resume: push $index; jmp trap. The trap finds the index on the stack
 * and the return address of the original call above it. */
static void x86_write_entry_stub(uint8_t *stub, uintptr_t slot, uintptr_t trap, uint32_t index)
{
    uintptr_t at = (uintptr_t)stub;
    stub[0] = 0xff;
    stub[1] = 0x25;
    put32(stub + 2, (uint32_t)(slot - (at + 6)));
    stub[6] = 0x68;
    put32(stub + 7, index);
    stub[11] = 0xe9;
    put32(stub + 12, (uint32_t)(trap - (at + 16)));
}

/* The resolver (x86_64_resolver.S) sizes its save area by these. */
unsigned hj_x86_64_state_size = 512;
unsigned char hj_x86_64_has_xsave;
void hj_x86_64_resolver(void);

static void detect_vector_state(void)
{
    unsigned a, b, c, d;
    if (!__get_cpuid(1, &a, &b, &c, &d) || !(c & bit_XSAVE) || !(c & bit_OSXSAVE))
        return;
    __cpuid_count(0xd, 0, a, b, c, d);
    if (b < 576) /* legacy area and header at least */
        return;
    hj_x86_64_state_size = b;
    hj_x86_64_has_xsave = 1;
}

/* movabs $record, %r11; push %r11; movabs $hj_x86_64_resolver, %r11; jmp *%r11.
 * The resolver lies outside the region, out of a rel32 jump's reach maybe; %r11 is free
 * at a call boundary (no argument lives in it). */
static void x86_write_trap(uint8_t *trap, uintptr_t record)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, detect_vector_state);
    static const uint8_t code[] = {0x49, 0xbb, 0, 0, 0, 0, 0, 0, 0, 0, 0x41, 0x53,
                                   0x49, 0xbb, 0, 0, 0, 0, 0, 0, 0, 0, 0x41, 0xff, 0xe3};
    uintptr_t resolver = (uintptr_t)&hj_x86_64_resolver;
    memcpy(trap, code, sizeof code);
    memcpy(trap + 2, &record, 8);
    memcpy(trap + 14, &resolver, 8);
}

/* glibc on x86-64 keeps struct pthread at the thread pointer (TLS variant II, the TCB's
 * first word points to itself), so pthread_self() is the thread pointer. */
static uintptr_t x86_thread_pointer(void)
{
    return (uintptr_t)pthread_self();
}

const hj_arch hj_arch_x86_64 = {
    .name = "x86-64",
    .machine = EM_X86_64,
    .classify = x86_classify,
    .apply = x86_apply,
    .pcrel_reach = INT32_MAX,
    .call_stub_size = 8,
    .write_call_stub = x86_write_call_stub,
    .entry_stub_size = 16,
    .entry_stub_resume = 6,
    .write_entry_stub = x86_write_entry_stub,
    .trap_size = 25,
    .write_trap = x86_write_trap,
    .thread_pointer = x86_thread_pointer,
    .tls_get_addr_name = "__tls_get_addr",
};

const hj_arch *hj_host_arch(void)
{
    return &hj_arch_x86_64;
}
