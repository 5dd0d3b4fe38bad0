/* Port I/O and a few privileged instructions (arch/x86/include/asm/io.h, irqflags.h). */
#pragma once
#include "kernel/types.h"

static inline void outb(u16 port, u8 v) { asm volatile("outb %0, %1" ::"a"(v), "Nd"(port)); }
static inline void outw(u16 port, u16 v) { asm volatile("outw %0, %1" ::"a"(v), "Nd"(port)); }
static inline void outl(u16 port, u32 v) { asm volatile("outl %0, %1" ::"a"(v), "Nd"(port)); }
static inline u8 inb(u16 port)
{
    u8 v;
    asm volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
    return v;
}
static inline void io_delay(void) { outb(0x80, 0); }

static inline unsigned long read_cr2(void)
{
    unsigned long v;
    asm volatile("mov %%cr2, %0" : "=r"(v));
    return v;
}
static inline unsigned long read_cr3(void)
{
    unsigned long v;
    asm volatile("mov %%cr3, %0" : "=r"(v));
    return v;
}
static inline void write_cr3(unsigned long v) { asm volatile("mov %0, %%cr3" ::"r"(v) : "memory"); }

#ifdef MENUOS_HOST_TEST
/* Host unit tests run in user mode: interrupt control is a no-op there. */
static inline unsigned long native_save_fl(void) { return 0x200; }
static inline void local_irq_disable(void) {}
static inline void local_irq_enable(void) {}
#else
static inline unsigned long native_save_fl(void)
{
    unsigned long f;
    asm volatile("pushfl; popl %0" : "=rm"(f)::"memory");
    return f;
}
static inline void local_irq_disable(void) { asm volatile("cli" ::: "memory"); }
static inline void local_irq_enable(void) { asm volatile("sti" ::: "memory"); }
#endif
static inline unsigned long local_irq_save(void)
{
    unsigned long f = native_save_fl();
    local_irq_disable();
    return f;
}
static inline void local_irq_restore(unsigned long f)
{
    if (f & 0x200)
        local_irq_enable();
}
static inline bool irqs_disabled(void) { return !(native_save_fl() & 0x200); }

/* Interrupts off for a scope: `irq_guard g;` (RAII instead of save/restore pairs). */
struct irq_guard {
    unsigned long flags;
    irq_guard() : flags(local_irq_save()) {}
    ~irq_guard() { local_irq_restore(flags); }
    irq_guard(const irq_guard &) = delete;
    irq_guard &operator=(const irq_guard &) = delete;
};

/* Sleeps the CPU until the next interrupt, with interrupts enabled atomically. */
static inline void safe_halt(void) { asm volatile("sti; hlt" ::: "memory"); }
