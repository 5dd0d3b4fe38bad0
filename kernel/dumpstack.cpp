/* The oops printer and panic (arch/x86/kernel/dumpstack.c, kernel/panic.c).
 * An oops names the faulting function (kallsyms), shows the registers, the error code, CR2 for
 * page faults, and a frame-pointer backtrace; then the machine halts, never reboots silently. */
#include <stdarg.h>
#include "kernel/io.h"
#include "kernel/kallsyms.h"
#include "kernel/printk.h"
#include "kernel/reboot.h"
#include "kernel/sched.h"
#include "kernel/segment.h"
#include "kernel/traps.h"

static int oops_in_progress;
extern "C" void console_flush_on_panic(void);

/* Walks saved ebp links while they stay inside the kernel's stacks' address range. */
extern "C" void show_backtrace(unsigned long bp)
{
    printk(KERN_EMERG "Call Trace:\n");
    for (int depth = 0; depth < 32; depth++) {
        if (bp < PAGE_OFFSET || (bp & 3))
            break;
        unsigned long *frame = (unsigned long *)bp;
        unsigned long ret = frame[1];
        if (ret < PAGE_OFFSET)
            break;
        printk(KERN_EMERG " [<%08lx>] %pS\n", ret, (void *)ret);
        if (frame[0] <= bp) /* stacks grow down: callers' frames are higher */
            break;
        bp = frame[0];
    }
}

extern "C" __attribute__((noinline)) void dump_stack(void)
{
    show_backtrace((unsigned long)__builtin_frame_address(0));
}

[[noreturn]] static void halt_forever(void)
{
    machine_halt_on_oops();
    for (;;)
        asm volatile("cli; hlt");
}

/* Linux: include/linux/printk.h console_verbose(): an oops or a panic reaches the console
 * whatever `quiet` or `loglevel=N` said (unless loglevel=0 silenced it all). */
static void console_verbose(void)
{
    extern int console_loglevel;
    if (console_loglevel)
        console_loglevel = 15;
}

extern "C" void die(const char *str, pt_regs *regs, long err, int trapnr)
{
    local_irq_disable();
    if (oops_in_progress++) /* a fault while printing an oops: stop at once */
        halt_forever();
    console_verbose();
    console_flush_on_panic();
    if (trapnr == 14)
        printk(KERN_EMERG "BUG: unable to handle kernel %s at %08lx\n",
               read_cr2() < PAGE_SIZE ? "NULL pointer dereference" : "paging request", read_cr2());
    printk(KERN_EMERG "Oops: %s: %04lx [#1]\n", str, (unsigned long)err);
    printk(KERN_EMERG "CPU: 0 PID: %d Comm: %s\n", current ? current->pid : 0,
           current ? current->comm : "?");
    printk(KERN_EMERG "EIP: %pS\n", (void *)regs->ip);
    printk(KERN_EMERG "EIP: %04lx:%08lx EFLAGS: %08lx\n", regs->cs & 0xffff, regs->ip, regs->flags);
    printk(KERN_EMERG "EAX: %08lx EBX: %08lx ECX: %08lx EDX: %08lx\n", regs->ax, regs->bx,
           regs->cx, regs->dx);
    printk(KERN_EMERG "ESI: %08lx EDI: %08lx EBP: %08lx ESP: %08lx\n", regs->si, regs->di,
           regs->bp, trapnr == 8 ? regs->sp : (unsigned long)&regs->sp); /* 8: saved by the task switch */
    printk(KERN_EMERG "DS: %04lx ES: %04lx FS: %04lx GS: %04lx\n", regs->ds & 0xffff,
           regs->es & 0xffff, regs->fs & 0xffff, regs->gs & 0xffff);
    unsigned long cr0, cr3, cr4;
    asm volatile("mov %%cr0, %0; mov %%cr3, %1; mov %%cr4, %2" : "=r"(cr0), "=r"(cr3), "=r"(cr4));
    printk(KERN_EMERG "CR0: %08lx CR2: %08lx CR3: %08lx CR4: %08lx\n", cr0, read_cr2(), cr3, cr4);
    printk(KERN_EMERG " [<%08lx>] %pS\n", regs->ip, (void *)regs->ip);
    show_backtrace(regs->bp);
    printk(KERN_EMERG "---[ end trace ]---\n");
    printk(KERN_EMERG "Kernel panic - not syncing: Fatal exception\n");
    halt_forever();
}

extern "C" void panic(const char *fmt, ...)
{
    local_irq_disable();
    char buf[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    if (oops_in_progress++)
        halt_forever();
    console_verbose();
    console_flush_on_panic();
    printk(KERN_EMERG "Kernel panic - not syncing: %s\n", buf);
    dump_stack();
    printk(KERN_EMERG "---[ end Kernel panic - not syncing: %s ]---\n", buf);
    halt_forever();
}
