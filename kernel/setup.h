/* Boot-time facts gathered by setup_arch() (arch/x86/kernel/setup.c). */
#pragma once
#include "kernel/multiboot.h"

struct mem_range {
    unsigned long start, len;
};
const mem_range *setup_ram_ranges(int *count);
extern "C" void setup_arch(unsigned long magic, multiboot_info *mbi);
