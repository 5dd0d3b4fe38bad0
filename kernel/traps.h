/* Oops and fault handling helpers (arch/x86/kernel/dumpstack.c). */
#pragma once
#include "kernel/ptrace.h"

extern "C" {
void trap_init(void);
void idt_setup_traps(void);
/* Prints an oops (registers, error code, backtrace) and halts the machine. */
[[noreturn]] void die(const char *str, pt_regs *regs, long err, int trapnr);
bool fixup_exception(pt_regs *regs);
void dump_stack(void);
void show_backtrace(unsigned long bp);
}
