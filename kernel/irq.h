/* Hardware interrupts: the 8259 PIC pair and IRQ dispatch (arch/x86/kernel/irq.c, i8259.c). */
#pragma once
#include "kernel/ptrace.h"

#define FIRST_EXTERNAL_VECTOR 0x20
#define NR_IRQS 16

typedef void (*irq_handler_t)(int irq, pt_regs *regs);

extern "C" {
void init_IRQ(void);
int request_irq(int irq, irq_handler_t handler, const char *name);
void do_IRQ(pt_regs *regs);
/* Nonzero while a hard interrupt handler runs. */
extern int hardirq_count;
}
static inline bool in_irq(void) { return hardirq_count != 0; }
