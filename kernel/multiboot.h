/* Multiboot v1 information (the GNU Multiboot Specification 0.6.96, section 3.3). */
#pragma once
#include "kernel/types.h"

#define MULTIBOOT_BOOTLOADER_MAGIC 0x2BADB002
#define MB_INFO_MEMORY 0x001
#define MB_INFO_CMDLINE 0x004
#define MB_INFO_MODS 0x008
#define MB_INFO_MEM_MAP 0x040

struct multiboot_info {
    u32 flags;
    u32 mem_lower, mem_upper;
    u32 boot_device;
    u32 cmdline;
    u32 mods_count, mods_addr;
    u32 syms[4];
    u32 mmap_length, mmap_addr;
    u32 drives_length, drives_addr;
    u32 config_table;
    u32 boot_loader_name;
} __attribute__((packed));

struct multiboot_mmap_entry {
    u32 size; /* of the rest of the entry */
    u64 addr;
    u64 len;
    u32 type; /* 1 = usable RAM */
} __attribute__((packed));

struct multiboot_module {
    u32 mod_start, mod_end;
    u32 string;
    u32 reserved;
} __attribute__((packed));

/* What setup_arch() found, for mm_init() and the initramfs. */
struct boot_params {
    unsigned long ram_end;      /* highest usable physical address + 1 */
    unsigned long initrd_start; /* physical */
    unsigned long initrd_end;
    const char *loader;
};
extern "C" boot_params boot_params;
