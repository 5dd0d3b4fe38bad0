/* The double fault (arch/x86/kernel/doublefault_32.c). A fault that cannot be delivered,
 * above all a kernel stack overflow (the page fault cannot push its frame on the guard page
 * below the stack, kernel/mm/kstack.cpp), becomes a double fault; if its handler ran on the
 * same stack the CPU would triple-fault and reset without a word. So gate 8 is a task gate:
 * the CPU saves the failing context into cpu_tss and switches to a task with a stack of its
 * own, which prints the oops. */
#include "kernel/desc.h"
#include "kernel/mm.h"
#include "kernel/mm/page_alloc.h"
#include "kernel/printk.h"
#include "kernel/ptrace.h"
#include "kernel/segment.h"
#include "kernel/traps.h"

#define GDT_ENTRY_DOUBLEFAULT_TSS 31 /* Linux i386's slot */
#define GATE_TASK 0x5

static unsigned long doublefault_stack[1024] __attribute__((aligned(16)));
static tss_struct doublefault_tss;

extern "C" void die(const char *str, pt_regs *regs, long err, int trapnr);

/* Runs as its own task, interrupts off; never returns. */
[[noreturn]] static void doublefault_fn(void)
{
    const tss_struct &t = cpu_tss; /* the context the double fault interrupted */
    if (kstack_guard_page(t.esp))
        printk(KERN_EMERG "BUG: kernel stack overflow: esp %08x is in the guard page below a stack\n", t.esp);
    else
        printk(KERN_EMERG "BUG: double fault: esp %08x\n", t.esp);
    pt_regs regs = {};
    regs.bx = t.ebx, regs.cx = t.ecx, regs.dx = t.edx, regs.si = t.esi, regs.di = t.edi;
    regs.bp = t.ebp, regs.ax = t.eax, regs.ds = t.ds, regs.es = t.es, regs.fs = t.fs;
    regs.gs = t.gs, regs.ip = t.eip, regs.cs = t.cs, regs.flags = t.eflags;
    regs.sp = t.esp, regs.ss = t.ss;
    die("double fault", &regs, 0, 8);
    for (;;)
        asm volatile("cli; hlt");
}

/* Linux: arch/x86/kernel/doublefault_32.c doublefault_init_cpu_tss() */
extern "C" void doublefault_init(void)
{
    tss_struct &t = doublefault_tss;
    t.esp = t.esp0 = (u32)(doublefault_stack + 1024);
    t.ss = t.ss0 = __KERNEL_DS;
    t.eip = (u32)doublefault_fn;
    t.eflags = 0x2; /* the reserved bit; IF clear */
    t.cs = __KERNEL_CS;
    t.ds = t.es = __USER_DS; /* the kernel's flat data selectors (kernel/segment.h) */
    t.fs = t.gs = 0;
    t.cr3 = (u32)__pa(swapper_pg_dir);
    t.iomap_base = sizeof(tss_struct);
    gdt_table[GDT_ENTRY_DOUBLEFAULT_TSS] = pack_desc((u32)&t, sizeof(t) - 1, 0x89 /* TSS */, 0);
    idt_table[8] = pack_gate(0, GDT_ENTRY_DOUBLEFAULT_TSS * 8, GATE_TASK, 0);
}
