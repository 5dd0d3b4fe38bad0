/* IDT gates and the GDT/TSS (arch/x86/include/asm/desc.h, desc_defs.h). */
#pragma once
#include "kernel/types.h"

/* An IDT gate as the CPU reads it (Intel SDM vol. 3, 6.11). */
struct gate_desc {
    u16 offset_low;
    u16 segment;
    u8 reserved;
    u8 type_attr; /* P | DPL(2) | 0 | type(4) */
    u16 offset_high;
} __attribute__((packed));
static_assert(sizeof(gate_desc) == 8);

enum : u8 {
    GATE_INTERRUPT = 0xE, /* clears IF on entry */
    GATE_TRAP = 0xF,      /* leaves IF alone: system calls run with interrupts on */
};

/* Pure: builds a gate (host tests check the encoding). */
static inline gate_desc pack_gate(unsigned long addr, u16 segment, u8 type, unsigned dpl)
{
    gate_desc g;
    g.offset_low = (u16)(addr & 0xffff);
    g.segment = segment;
    g.reserved = 0;
    g.type_attr = (u8)(0x80 | ((dpl & 3) << 5) | (type & 0xf));
    g.offset_high = (u16)(addr >> 16);
    return g;
}
static inline unsigned long gate_offset(const gate_desc &g)
{
    return (unsigned long)g.offset_low | ((unsigned long)g.offset_high << 16);
}

/* A GDT segment descriptor. */
struct desc_struct {
    u16 limit0;
    u16 base0;
    u8 base1;
    u8 access;
    u8 limit1_flags;
    u8 base2;
} __attribute__((packed));
static_assert(sizeof(desc_struct) == 8);

static inline desc_struct pack_desc(u32 base, u32 limit, u8 access, u8 flags)
{
    desc_struct d;
    d.limit0 = (u16)(limit & 0xffff);
    d.base0 = (u16)(base & 0xffff);
    d.base1 = (u8)((base >> 16) & 0xff);
    d.access = access;
    d.limit1_flags = (u8)(((limit >> 16) & 0xf) | (flags << 4));
    d.base2 = (u8)(base >> 24);
    return d;
}

/* The 32-bit TSS: only ss0/esp0 (the kernel stack for entries from user mode) and the I/O
 * bitmap offset (past the end: every port access from ring 3 faults) matter. */
struct tss_struct {
    u32 prev, esp0, ss0, esp1, ss1, esp2, ss2, cr3, eip, eflags;
    u32 eax, ecx, edx, ebx, esp, ebp, esi, edi;
    u32 es, cs, ss, ds, fs, gs, ldt;
    u16 trap, iomap_base;
} __attribute__((packed));
static_assert(sizeof(tss_struct) == 104);

extern "C" {
extern gate_desc idt_table[256];
extern tss_struct cpu_tss;
extern desc_struct gdt_table[];
void set_intr_gate(unsigned n, const void *addr);
void set_system_trap_gate(unsigned n, const void *addr);
void cpu_init(void);
void load_TLS(desc_struct tls);
}
