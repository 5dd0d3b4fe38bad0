/* struct pt_regs: the registers saved on the kernel stack at every entry from an interrupt,
 * an exception or `int $0x80` (arch/x86/include/asm/ptrace.h, i386). kernel/entry.S builds it;
 * its first six fields are the system call's arguments in ebx, ecx, edx, esi, edi, ebp. */
#pragma once
#include "kernel/types.h"

struct pt_regs {
    unsigned long bx;
    unsigned long cx;
    unsigned long dx;
    unsigned long si;
    unsigned long di;
    unsigned long bp;
    unsigned long ax;      /* the syscall number on entry, its result on exit */
    unsigned long ds;
    unsigned long es;
    unsigned long fs;
    unsigned long gs;
    unsigned long orig_ax; /* syscall number, exception error code, or ~irq */
    unsigned long ip;
    unsigned long cs;
    unsigned long flags;
    unsigned long sp;      /* only when the entry came from user mode */
    unsigned long ss;      /* likewise */
};

static_assert(offsetof(pt_regs, ax) == 24);
static_assert(offsetof(pt_regs, orig_ax) == 44);
static_assert(offsetof(pt_regs, ip) == 48);
static_assert(sizeof(pt_regs) == 68);

static inline bool user_mode(const pt_regs *regs) { return (regs->cs & 3) == 3; }

#define X86_EFLAGS_IF 0x200
