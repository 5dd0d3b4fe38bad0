/* The GDT and the TSS (arch/x86/kernel/cpu/common.c cpu_init(), head_32.S).
 * Flat 4 GiB segments at Linux's own indices (kernel/segment.h), one TSS whose esp0 the
 * scheduler points at the running task's kernel stack. The kernel's ds/es hold the flat
 * __USER_DS, as on Linux i386, so entries from user mode need not reload them. */
#include "kernel/desc.h"
#include "kernel/segment.h"

extern "C" {
desc_struct gdt_table[GDT_ENTRIES];
tss_struct cpu_tss;
}

struct [[gnu::packed]] desc_ptr {
    u16 size;
    u32 address;
};

enum : u8 {
    ACC_KCODE = 0x9A, /* present, ring 0, code, readable */
    ACC_KDATA = 0x92, /* present, ring 0, data, writable */
    ACC_UCODE = 0xFA, /* ring 3 */
    ACC_UDATA = 0xF2,
    ACC_TSS = 0x89,   /* present, 32-bit available TSS */
};
static constexpr u8 FLAGS_4K_32 = 0xC; /* 4 KiB granularity, 32-bit */

/* Linux: arch/x86/kernel/cpu/common.c cpu_init() */
extern "C" void cpu_init(void)
{
    gdt_table[GDT_ENTRY_KERNEL_CS] = pack_desc(0, 0xfffff, ACC_KCODE, FLAGS_4K_32);
    gdt_table[GDT_ENTRY_KERNEL_DS] = pack_desc(0, 0xfffff, ACC_KDATA, FLAGS_4K_32);
    gdt_table[GDT_ENTRY_DEFAULT_USER_CS] = pack_desc(0, 0xfffff, ACC_UCODE, FLAGS_4K_32);
    gdt_table[GDT_ENTRY_DEFAULT_USER_DS] = pack_desc(0, 0xfffff, ACC_UDATA, FLAGS_4K_32);
    cpu_tss.ss0 = __KERNEL_DS;
    cpu_tss.iomap_base = sizeof(tss_struct);
    gdt_table[GDT_ENTRY_TSS] = pack_desc((u32)&cpu_tss, sizeof(tss_struct) - 1, ACC_TSS, 0);

    desc_ptr gdtr = {sizeof(gdt_table) - 1, (u32)gdt_table};
    asm volatile("lgdt %0\n\t"
                 "ljmp %1, $1f\n"
                 "1:\n\t"
                 "mov %4, %%ds\n\t"
                 "mov %4, %%es\n\t"
                 "mov %2, %%ss\n\t"
                 "mov %3, %%fs\n\t"
                 "mov %3, %%gs\n\t"
                 :
                 : "m"(gdtr), "i"(__KERNEL_CS), "r"(__KERNEL_DS), "r"(0), "r"(__USER_DS)
                 : "memory");
    asm volatile("ltr %w0" ::"r"(GDT_ENTRY_TSS_SEL));
    /* A null LDT: after reset the LDTR describes 64 KiB at linear address 0, which would let
     * a program load descriptors from its own low memory. */
    asm volatile("lldt %w0" ::"r"(0));
}

/* set_thread_area: the one TLS slot user programs may fill (arch/x86/kernel/tls.c). */
extern "C" void load_TLS(desc_struct tls) { gdt_table[GDT_ENTRY_TLS_MIN] = tls; }
