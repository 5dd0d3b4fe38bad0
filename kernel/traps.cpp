/* The IDT and the CPU's exceptions (arch/x86/kernel/traps.c, idt.c, fault.c).
 *
 * trap_init() -> idt_setup_traps() fills the 32 exception gates and gate 0x80 (a trap gate
 * with DPL 3, so `int $0x80` works from ring 3, pointing at system_call in kernel/entry.S).
 * A fault in user mode kills only that process, with the line Linux prints; a fault in the
 * kernel either has a fixup (copy_from_user on a bad pointer) or is an oops. */
#include "kernel/desc.h"
#include "kernel/io.h"
#include "kernel/printk.h"
#include "kernel/sched.h"
#include "kernel/segment.h"
#include "kernel/signal.h"
#include "kernel/traps.h"

extern "C" {
gate_desc idt_table[256] __attribute__((aligned(8)));

/* kernel/entry.S */
void divide_error(), debug(), nmi(), int3(), overflow(), bounds(), invalid_op();
void device_not_available(), double_fault(), coprocessor_segment_overrun(), invalid_TSS();
void segment_not_present(), stack_segment(), general_protection(), page_fault();
void spurious_interrupt_bug(), coprocessor_error(), alignment_check(), machine_check();
void simd_coprocessor_error(), reserved_exception(), system_call();
void doublefault_init(void); /* kernel/doublefault.cpp */
}

#define IA32_SYSCALL_VECTOR 0x80

extern "C" void set_intr_gate(unsigned n, const void *addr)
{
    idt_table[n] = pack_gate((unsigned long)addr, __KERNEL_CS, GATE_INTERRUPT, 0);
}

extern "C" void set_system_trap_gate(unsigned n, const void *addr)
{
    idt_table[n] = pack_gate((unsigned long)addr, __KERNEL_CS, GATE_TRAP, 3);
}

struct [[gnu::packed]] idt_ptr {
    u16 size;
    u32 address;
};

/* Linux: arch/x86/kernel/idt.c idt_setup_traps() */
extern "C" __attribute__((noinline)) void idt_setup_traps(void)
{
    static void (*const handlers[32])() = {
        divide_error, debug, nmi, int3, overflow, bounds, invalid_op, device_not_available,
        double_fault, coprocessor_segment_overrun, invalid_TSS, segment_not_present,
        stack_segment, general_protection, page_fault, spurious_interrupt_bug,
        coprocessor_error, alignment_check, machine_check, simd_coprocessor_error,
        reserved_exception, reserved_exception, reserved_exception, reserved_exception,
        reserved_exception, reserved_exception, reserved_exception, reserved_exception,
        reserved_exception, reserved_exception, reserved_exception, reserved_exception,
    };
    for (unsigned i = 0; i < 32; i++)
        set_intr_gate(i, (const void *)handlers[i]);
    /* int3 and into may be used from user mode, like Linux's system gates. */
    idt_table[3] = pack_gate((unsigned long)int3, __KERNEL_CS, GATE_INTERRUPT, 3);
    idt_table[4] = pack_gate((unsigned long)overflow, __KERNEL_CS, GATE_INTERRUPT, 3);
    set_system_trap_gate(IA32_SYSCALL_VECTOR, (const void *)system_call);
    doublefault_init(); /* gate 8 becomes a task gate with a stack of its own */
}

/* Linux: arch/x86/kernel/traps.c trap_init() */
extern "C" __attribute__((noinline)) void trap_init(void)
{
    idt_setup_traps();
    idt_ptr idtr = {sizeof(idt_table) - 1, (u32)idt_table};
    asm volatile("lidt %0" ::"m"(idtr));
    pr_info("trap_init: 32 exception gates, system call gate %#x -> system_call\n",
            IA32_SYSCALL_VECTOR);
}

/* The exception table: (faulting instruction, fixup) pairs from __ex_table sections. */
struct exception_table_entry {
    unsigned long insn, fixup;
};
extern "C" const exception_table_entry __ex_table_start[], __ex_table_end[];

extern "C" bool fixup_exception(pt_regs *regs)
{
    for (const exception_table_entry *e = __ex_table_start; e < __ex_table_end; e++) {
        if (e->insn == regs->ip) {
            regs->ip = e->fixup;
            return true;
        }
    }
    return false;
}

static void do_trap(int trapnr, int signr, const char *str, pt_regs *regs, long error_code)
{
    if (user_mode(regs)) {
        printk(KERN_INFO "traps: %s[%d] trap %s ip:%lx sp:%lx error:%lx\n", current->comm,
               current->pid, str, regs->ip, regs->sp, error_code);
        force_sig(signr);
        return;
    }
    if (fixup_exception(regs))
        return;
    die(str, regs, error_code, trapnr);
}

#define DO_ERROR(trapnr, signr, str, name)                                  \
    extern "C" void do_##name(pt_regs *regs, long error_code)               \
    {                                                                       \
        do_trap(trapnr, signr, str, regs, error_code);                      \
    }

DO_ERROR(0, SIGFPE, "divide error", divide_error)
DO_ERROR(1, SIGTRAP, "debug", debug)
DO_ERROR(2, SIGKILL, "nmi", nmi)
DO_ERROR(3, SIGTRAP, "int3", int3)
DO_ERROR(4, SIGSEGV, "overflow", overflow)
DO_ERROR(5, SIGSEGV, "bounds", bounds)
DO_ERROR(6, SIGILL, "invalid opcode", invalid_op)
DO_ERROR(7, SIGFPE, "device not available", device_not_available)
DO_ERROR(8, SIGSEGV, "double fault", double_fault)
DO_ERROR(9, SIGFPE, "coprocessor segment overrun", coprocessor_segment_overrun)
DO_ERROR(10, SIGSEGV, "invalid TSS", invalid_TSS)
DO_ERROR(11, SIGBUS, "segment not present", segment_not_present)
DO_ERROR(12, SIGBUS, "stack segment", stack_segment)
DO_ERROR(15, SIGSEGV, "spurious interrupt", spurious_interrupt_bug)
DO_ERROR(16, SIGFPE, "coprocessor error", coprocessor_error)
DO_ERROR(17, SIGBUS, "alignment check", alignment_check)
DO_ERROR(18, SIGKILL, "machine check", machine_check)
DO_ERROR(19, SIGFPE, "SIMD coprocessor error", simd_coprocessor_error)
DO_ERROR(20, SIGSEGV, "reserved", reserved_exception)

/* Linux: arch/x86/kernel/traps.c do_general_protection(). Ring 3 gets here for cli, hlt,
 * port I/O (the TSS has no I/O bitmap) and bad segment loads. */
extern "C" void do_general_protection(pt_regs *regs, long error_code)
{
    if (user_mode(regs)) {
        printk(KERN_INFO "traps: %s[%d] general protection fault ip:%lx sp:%lx error:%lx\n",
               current->comm, current->pid, regs->ip, regs->sp, error_code);
        force_sig(SIGSEGV);
        return;
    }
    if (fixup_exception(regs))
        return;
    die("general protection fault", regs, error_code, 13);
}
