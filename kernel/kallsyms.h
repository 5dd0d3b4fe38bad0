/* Kernel symbol lookup for oops backtraces (kernel/kallsyms.c). The table is generated at
 * link time by scripts/kallsyms.py into the .kallsyms section. */
#pragma once
#include "kernel/types.h"

extern "C" {
/* Name of the function containing addr, its offset and size; NULL if unknown. */
const char *kallsyms_lookup(unsigned long addr, unsigned long *offset, unsigned long *size);
/* "name+0xoff/0xsize" (with_offset) or "name"; the hex address when unknown. */
int sprint_symbol(char *buf, size_t size, unsigned long addr, bool with_offset);
/* Address of a symbol by name, 0 if none. */
unsigned long kallsyms_lookup_name(const char *name);
}
