/* Address spaces (include/linux/mm_types.h, mm.h, arch/x86/mm/pgtable.c).
 *
 * The kernel half (0xC0000000 and up) maps all RAM with 4 MiB pages and is the same in every
 * page directory. The user half is private to each process: 4 KiB pages with U/S set, present
 * only where exec, brk, mmap2 or the stack put them (no demand paging: a user access anywhere
 * else is a SIGSEGV, a kernel access through copy_from_user is -EFAULT). */
#pragma once
#include "kernel/types.h"
#include "kernel/segment.h"

typedef u32 pgd_t;
typedef u32 pte_t;

#define _PAGE_PRESENT 0x001
#define _PAGE_RW 0x002
#define _PAGE_USER 0x004
#define _PAGE_PSE 0x080
#define _PAGE_GLOBAL 0x100

#define USER_STACK_TOP 0xC0000000UL
#define USER_STACK_SIZE (256 * 1024UL) /* mapped at exec; beyond it: SIGSEGV */
#define USER_MMAP_BASE 0x40000000UL
#define USER_MAX_PAGES 16384          /* 64 MiB per process: brk/mmap2 get -ENOMEM beyond */

struct mm_struct {
    pgd_t *pgd;
    unsigned long start_code, end_code;
    unsigned long start_brk, brk;
    unsigned long start_stack;
    unsigned long mmap_next;  /* next address for an anonymous mmap2 */
    unsigned long nr_pages;   /* user pages mapped */
};

extern "C" {
extern pgd_t swapper_pg_dir[1024];
void mm_init(void);
mm_struct *mm_alloc(void);              /* a new, empty user half; NULL on -ENOMEM */
void mmput(mm_struct *mm);              /* frees the user half and the page directory */
mm_struct *dup_mm(mm_struct *old);      /* fork: copies every user page; NULL on -ENOMEM */
void switch_mm(mm_struct *next);        /* loads cr3 (the kernel's own for kernel threads) */
/* Maps fresh zeroed pages over [start, end) with the given writability. -ENOMEM. */
int mm_map_range(mm_struct *mm, unsigned long start, unsigned long end, bool writable);
void mm_unmap_range(mm_struct *mm, unsigned long start, unsigned long end);
/* Kernel address of the page mapped at a user address, or NULL. */
void *mm_user_page(mm_struct *mm, unsigned long uaddr);
bool mm_range_mapped(mm_struct *mm, unsigned long start, unsigned long end);
}
