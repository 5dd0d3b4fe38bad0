/* ELF32 i386 executables (include/uapi/linux/elf.h, fs/binfmt_elf.c checks). Pure: the header
 * checks take plain memory, so host tests can feed them broken files. */
#pragma once
#include "kernel/types.h"

struct elf32_hdr {
    u8 e_ident[16];
    u16 e_type, e_machine;
    u32 e_version, e_entry, e_phoff, e_shoff, e_flags;
    u16 e_ehsize, e_phentsize, e_phnum, e_shentsize, e_shnum, e_shstrndx;
};
static_assert(sizeof(elf32_hdr) == 52);

struct elf32_phdr {
    u32 p_type, p_offset, p_vaddr, p_paddr, p_filesz, p_memsz, p_flags, p_align;
};
static_assert(sizeof(elf32_phdr) == 32);

#define PT_LOAD 1
#define PF_X 1
#define PF_W 2
#define PF_R 4
#define ET_EXEC 2
#define EM_386 3
#define ELF_MAX_SEGMENTS 8

struct elf_segment {
    u32 vaddr, memsz, offset, filesz;
    bool writable;
};

struct elf_image {
    u32 entry;
    u32 phdr_vaddr; /* where the program headers are in memory (AT_PHDR), 0 if not loaded */
    u16 phnum;
    int nseg;
    elf_segment seg[ELF_MAX_SEGMENTS];
    u32 end; /* highest address of any segment: brk starts at the next page */
};

/* Validates buf[0..len) as a static ELF32 i386 executable whose segments lie below `limit`.
 * Returns 0 and fills *img, or -ENOEXEC. */
int elf_parse(const u8 *buf, size_t len, u32 limit, elf_image *img);
