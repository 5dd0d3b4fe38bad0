/* Page faults (arch/x86/mm/fault.c do_page_fault). User pages are all mapped up front (see
 * kernel/mm.h), so a fault from user mode is always a bad access: SIGSEGV with Linux's line.
 * From the kernel, only the uaccess copies may fault (fixup: -EFAULT); anything else is an oops. */
#include "kernel/io.h"
#include "kernel/printk.h"
#include "kernel/sched.h"
#include "kernel/signal.h"
#include "kernel/traps.h"

extern "C" void do_page_fault(pt_regs *regs, long error_code)
{
    unsigned long address = read_cr2();
    if (user_mode(regs)) {
        printk(KERN_INFO "%s[%d]: segfault at %lx ip %08lx sp %08lx error %lx\n", current->comm,
               current->pid, address, regs->ip, regs->sp, error_code);
        force_sig(SIGSEGV);
        return;
    }
    if (fixup_exception(regs))
        return;
    die("page fault", regs, error_code, 14);
}
