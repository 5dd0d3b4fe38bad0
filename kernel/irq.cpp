/* The 8259A PIC pair and IRQ dispatch (arch/x86/kernel/i8259.c, irq.c).
 * init_IRQ remaps IRQ 0-15 to vectors 0x20-0x2f (the CPU's exceptions own 0-31) and points
 * those IDT gates at the stubs in kernel/entry.S; do_IRQ acknowledges and calls the handler. */
#include "kernel/irq.h"
#include "kernel/desc.h"
#include "kernel/io.h"
#include "kernel/printk.h"

static constexpr u16 PIC1_CMD = 0x20, PIC1_DATA = 0x21, PIC2_CMD = 0xa0, PIC2_DATA = 0xa1;

struct irq_desc {
    irq_handler_t handler;
    const char *name;
    unsigned long count;
};
static irq_desc irq_descs[NR_IRQS];
static u16 irq_mask = 0xfffb; /* all masked but the cascade (IRQ 2) */
int hardirq_count = 0;
extern "C" char irq_entries_start[];

static void pic_set_mask(void)
{
    outb(PIC1_DATA, (u8)irq_mask);
    outb(PIC2_DATA, (u8)(irq_mask >> 8));
}

/* Linux: arch/x86/kernel/i8259.c init_8259A() */
static void init_8259A(void)
{
    outb(PIC1_DATA, 0xff);
    outb(PIC2_DATA, 0xff);
    outb(PIC1_CMD, 0x11); /* ICW1: edge, cascade, ICW4 follows */
    outb(PIC1_DATA, FIRST_EXTERNAL_VECTOR);
    outb(PIC1_DATA, 0x04); /* slave on IRQ 2 */
    outb(PIC1_DATA, 0x01); /* 8086 mode */
    outb(PIC2_CMD, 0x11);
    outb(PIC2_DATA, FIRST_EXTERNAL_VECTOR + 8);
    outb(PIC2_DATA, 0x02);
    outb(PIC2_DATA, 0x01);
    pic_set_mask();
}

/* Linux: arch/x86/kernel/irqinit.c init_IRQ() */
extern "C" void init_IRQ(void)
{
    init_8259A();
    for (int i = 0; i < NR_IRQS; i++)
        set_intr_gate(FIRST_EXTERNAL_VECTOR + i, irq_entries_start + 8 * i);
    pr_info("IRQ: 8259A PIC remapped to vectors %#x-%#x\n", FIRST_EXTERNAL_VECTOR,
            FIRST_EXTERNAL_VECTOR + NR_IRQS - 1);
}

extern "C" int request_irq(int irq, irq_handler_t handler, const char *name)
{
    if (irq < 0 || irq >= NR_IRQS || irq_descs[irq].handler)
        return -16; /* EBUSY */
    irq_guard guard;
    irq_descs[irq].handler = handler;
    irq_descs[irq].name = name;
    irq_mask &= (u16)~(1u << irq);
    pic_set_mask();
    return 0;
}

/* Linux: arch/x86/kernel/irq.c do_IRQ() */
extern "C" void do_IRQ(pt_regs *regs)
{
    int irq = (int)~regs->orig_ax;
    hardirq_count++;
    /* IRQ 7 and 15 can be spurious: the in-service register tells. */
    if (irq == 7 || irq == 15) {
        u16 cmd = irq == 7 ? PIC1_CMD : PIC2_CMD;
        outb(cmd, 0x0b);
        if (!(inb(cmd) & 0x80)) {
            if (irq == 15)
                outb(PIC1_CMD, 0x20);
            hardirq_count--;
            return;
        }
    }
    /* Acknowledge first: handlers may switch tasks only later, on the way out. */
    if (irq >= 8)
        outb(PIC2_CMD, 0x20);
    outb(PIC1_CMD, 0x20);
    irq_descs[irq].count++;
    if (irq_descs[irq].handler)
        irq_descs[irq].handler(irq, regs);
    hardirq_count--;
}

extern "C" int show_interrupts(char *buf, size_t size)
{
    int n = 0;
    for (int i = 0; i < NR_IRQS; i++)
        if (irq_descs[i].handler && n < (int)size)
            n += snprintf(buf + n, size - n, "%3d: %10lu  XT-PIC  %s\n", i, irq_descs[i].count,
                          irq_descs[i].name);
    return n < (int)size ? n : (int)size;
}
