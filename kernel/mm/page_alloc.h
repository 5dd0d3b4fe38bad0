/* The physical page allocator (mm/page_alloc.c, reduced to a bitmap): one bit per 4 KiB page
 * frame, set when in use. Pure bookkeeping over frame numbers: host tests drive it directly. */
#pragma once
#include "kernel/types.h"

struct page_bitmap {
    u32 *bits;            /* 1 = used or absent */
    unsigned long npages; /* frames 0..npages-1 are tracked */
    unsigned long nfree;
    unsigned long hint;   /* where the next search starts */
};

/* All frames start used (absent); free what the memory map says is RAM. */
void pb_init(page_bitmap *pb, u32 *bits, unsigned long npages);
void pb_free_range(page_bitmap *pb, unsigned long pfn, unsigned long count);
void pb_reserve_range(page_bitmap *pb, unsigned long pfn, unsigned long count);
/* First fit of `count` contiguous free frames; returns the first pfn or -1UL. */
unsigned long pb_alloc(page_bitmap *pb, unsigned long count);
bool pb_is_free(const page_bitmap *pb, unsigned long pfn);

extern "C" {
/* Kernel interface: addresses in the direct map (PAGE_OFFSET + physical). */
void *alloc_pages_exact(unsigned long npages); /* NULL when exhausted */
void free_pages_exact(void *addr, unsigned long npages);
void *get_zeroed_page(void);
void free_page(void *addr);
unsigned long nr_free_pages(void);
unsigned long totalram_pages(void);
/* Kernel stacks with a guard page below (kernel/mm/kstack.cpp). */
void kstack_init(void);
void *alloc_thread_stack(void);
void free_thread_stack(void *stack);
bool kstack_guard_page(unsigned long addr);
}

static inline unsigned long __pa(const void *v) { return (unsigned long)v - 0xC0000000UL; }
static inline void *__va(unsigned long p) { return (void *)(p + 0xC0000000UL); }
