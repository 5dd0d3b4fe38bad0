/* Kernel entry and exit (arch/x86/entry/entry_32.S, Linux 5.0, much simplified).
 *
 * Every way into the kernel builds a struct pt_regs (kernel/ptrace.h) on the kernel stack:
 * the CPU pushes ss, esp (from user mode only), eflags, cs, eip and, for some exceptions, an
 * error code; the code below pushes the rest. Every way out goes through restore_all/iret,
 * with exit_to_user_mode() first when the return is to user mode (softirqs, scheduling,
 * signals: the preemption point the lab talks about). */
#include "kernel/segment.h"
#include "uapi/errno.h"
#include "kernel/asm-offsets.h"

#define PT_EBX      0
#define PT_EAX      24
#define PT_DS       28
#define PT_ES       32
#define PT_FS       36
#define PT_GS       40
#define PT_ORIG_EAX 44
#define PT_CS       52

.macro SAVE_ALL_BUT_GS
    pushl %fs
    pushl %es
    pushl %ds
    pushl %eax
    pushl %ebp
    pushl %edi
    pushl %esi
    pushl %edx
    pushl %ecx
    pushl %ebx
    cld
    /* The kernel runs with the flat __USER_DS in ds/es, as Linux i386 does: most entries find
     * it already loaded and skip two slow segment loads. */
    movw %ds, %dx
    cmpw $__USER_DS, %dx
    jne 8f
    movw %es, %dx
    cmpw $__USER_DS, %dx
    je 9f
8:  movl $__USER_DS, %edx
    movl %edx, %ds
    movl %edx, %es
    movl $1, seg_reload_needed
9:
.endm

.macro SAVE_ALL
    pushl %gs
    SAVE_ALL_BUT_GS
.endm

    .section .text.entry, "ax"

/* int $0x80: eax = syscall number, ebx, ecx, edx, esi, edi, ebp = arguments.
 * The gate is a trap gate with DPL 3 (kernel/traps.cpp idt_setup_traps), so interrupts stay on. */
    .globl system_call
    .globl entry_INT80_32
    .type system_call, @function
    .type entry_INT80_32, @function
system_call:
entry_INT80_32:
    pushl %eax                      /* orig_ax: the syscall number */
    SAVE_ALL
    movl PT_EAX(%esp), %eax         /* SAVE_ALL clobbered edx only; reload for clarity */
    cmpl $NR_syscalls_value, %eax
    jae syscall_badsys
    cmpl $0, sys_call_table(, %eax, 4)  /* a service routine the kernel does not have */
    je syscall_badsys
    cmpl $0, syscall_trace_enabled
    jne syscall_traced
    /* Copy the six argument registers as fresh cdecl arguments: a C function may write its
     * argument slots, and those slots must not be the user's saved registers. */
    pushl 20(%esp)
    pushl 20(%esp)
    pushl 20(%esp)
    pushl 20(%esp)
    pushl 20(%esp)
    pushl 20(%esp)
    call *sys_call_table(, %eax, 4)
    addl $24, %esp
    movl %eax, PT_EAX(%esp)
syscall_exit:
    jmp ret_from_exception          /* a kernel self-test may use int $0x80 too */

syscall_traced:
    movl %esp, %eax
    pushl %eax
    call syscall_trace_dispatch     /* kernel/trace.cpp: calls the table entry and logs it */
    addl $4, %esp
    jmp syscall_exit

syscall_badsys:
    movl $-ENOSYS, PT_EAX(%esp)
    movl %esp, %eax
    pushl %eax
    call syscall_trace_badsys
    addl $4, %esp
    jmp syscall_exit
    .size system_call, . - system_call

/* Common return: to user mode through exit_to_user_mode(), to kernel mode straight back. */
    .globl ret_from_exception
    .type ret_from_exception, @function
ret_from_exception:
ret_from_intr:
    testl $3, PT_CS(%esp)
    jz restore_all
ret_to_user:
    /* Fast path: nothing to do on the way out (no bottom half, no reschedule, no signal). */
    cli
    movl current_task, %eax
    movl TASK_pending(%eax), %edx
    orl TASK_need_resched(%eax), %edx
    orl softirq_pending, %edx
    jz restore_all
    sti
    movl %esp, %eax
    pushl %eax
    call exit_to_user_mode          /* returns with interrupts off */
    addl $4, %esp
restore_all:
    /* Segment registers are reloaded only when they may differ from what is saved: a segment
     * load costs more than the rest of the exit path. Pushed selectors have undefined upper
     * halves, so only 16 bits are compared. */
    cmpl $0, seg_reload_needed
    jne restore_all_segments
    cmpw $__USER_DS, PT_DS(%esp)
    jne restore_all_segments
    cmpw $__USER_DS, PT_ES(%esp)
    jne restore_all_segments
    movw %fs, %dx
    cmpw PT_FS(%esp), %dx
    jne restore_all_segments
    movw %gs, %dx
    cmpw PT_GS(%esp), %dx
    jne restore_all_segments
    popl %ebx
    popl %ecx
    popl %edx
    popl %esi
    popl %edi
    popl %ebp
    popl %eax
    addl $20, %esp                  /* ds, es, fs, gs, orig_ax */
6:  iret

restore_all_segments:
    movl $0, seg_reload_needed
    popl %ebx
    popl %ecx
    popl %edx
    popl %esi
    popl %edi
    popl %ebp
    popl %eax
1:  popl %ds
2:  popl %es
3:  popl %fs
4:  popl %gs
    addl $4, %esp                   /* orig_ax */
5:  iret
    /* A bad user segment or frame faults here; the fixup kills the task (kernel/traps.cpp). */
    .section __ex_table, "a"
    .long 1b, bad_segment_fixup
    .long 2b, bad_segment_fixup
    .long 3b, bad_segment_fixup
    .long 4b, bad_segment_fixup
    .long 5b, bad_segment_fixup
    .long 6b, bad_segment_fixup
    .previous

    .type bad_segment_fixup, @function
bad_segment_fixup:
    call do_exit_bad_frame          /* never returns */

/* A new task starts here: copy_thread() left this address as switch_to's return address. */
    .globl ret_from_fork
    .type ret_from_fork, @function
ret_from_fork:
    call schedule_tail
    jmp ret_to_user

/* A kernel thread: ebx = function, esi = argument. When the function returns, the thread
 * has become a user process (kernel_init after execve) and leaves through ret_to_user. */
    .globl ret_from_kernel_thread
    .type ret_from_kernel_thread, @function
ret_from_kernel_thread:
    call schedule_tail
    pushl %esi
    call *%ebx
    addl $4, %esp
    jmp ret_to_user

/* void switch_to_asm(unsigned long *prev_sp, unsigned long next_sp) (arch/x86 __switch_to_asm):
 * saves the callee-saved registers on the old stack, switches stacks, restores them. */
    .globl switch_to_asm
    .type switch_to_asm, @function
switch_to_asm:
    movl 4(%esp), %eax
    movl 8(%esp), %edx
    pushl %ebp
    pushl %ebx
    pushl %esi
    pushl %edi
    movl %esp, (%eax)
    movl %edx, %esp
    popl %edi
    popl %esi
    popl %ebx
    popl %ebp
    ret
    .size switch_to_asm, . - switch_to_asm

/* Exceptions: stub pushes an error code (0 when the CPU gives none) and the C handler. */
    .type common_exception, @function
common_exception:
    /* The handler's address sits where %gs belongs in pt_regs. */
    SAVE_ALL_BUT_GS
    movl PT_GS(%esp), %edi
    movl %gs, %ecx
    movl %ecx, PT_GS(%esp)
    movl PT_ORIG_EAX(%esp), %edx
    movl $-1, PT_ORIG_EAX(%esp)
    movl %esp, %eax
    pushl %edx
    pushl %eax
    call *%edi                      /* void do_xxx(pt_regs *regs, long error_code) */
    addl $8, %esp
    jmp ret_from_exception

.macro EXCEPTION name, handler
    .globl \name
    .type \name, @function
\name:
    pushl $0
    pushl $\handler
    jmp common_exception
.endm
.macro EXCEPTION_ERR name, handler
    .globl \name
    .type \name, @function
\name:
    pushl $\handler
    jmp common_exception
.endm

EXCEPTION       divide_error,                do_divide_error
EXCEPTION       debug,                       do_debug
EXCEPTION       nmi,                         do_nmi
EXCEPTION       int3,                        do_int3
EXCEPTION       overflow,                    do_overflow
EXCEPTION       bounds,                      do_bounds
EXCEPTION       invalid_op,                  do_invalid_op
EXCEPTION       device_not_available,        do_device_not_available
EXCEPTION_ERR   double_fault,                do_double_fault
EXCEPTION       coprocessor_segment_overrun, do_coprocessor_segment_overrun
EXCEPTION_ERR   invalid_TSS,                 do_invalid_TSS
EXCEPTION_ERR   segment_not_present,         do_segment_not_present
EXCEPTION_ERR   stack_segment,               do_stack_segment
EXCEPTION_ERR   general_protection,          do_general_protection
EXCEPTION_ERR   page_fault,                  do_page_fault
EXCEPTION       spurious_interrupt_bug,      do_spurious_interrupt_bug
EXCEPTION       coprocessor_error,           do_coprocessor_error
EXCEPTION_ERR   alignment_check,             do_alignment_check
EXCEPTION       machine_check,               do_machine_check
EXCEPTION       simd_coprocessor_error,      do_simd_coprocessor_error
EXCEPTION       reserved_exception,          do_reserved_exception

/* Hardware interrupts 0-15 (after the PIC remap: vectors 0x20-0x2f). */
    .type common_interrupt, @function
common_interrupt:
    SAVE_ALL
    movl %esp, %eax
    pushl %eax
    call do_IRQ                     /* void do_IRQ(pt_regs *regs): irq is ~orig_ax */
    addl $4, %esp
    jmp ret_from_intr

    .globl irq_entries_start
    .balign 8
irq_entries_start:
    .irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15
    .balign 8
    pushl $~\n
    jmp common_interrupt
    .endr

    .section .note.GNU-stack, "", @progbits
