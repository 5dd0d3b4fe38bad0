/* mm_init (init/main.c mm_init, arch/x86/mm/init_32.c): builds the kernel's page directory,
 * direct-mapping RAM at PAGE_OFFSET with 4 MiB pages and dropping the boot identity map, then
 * hands every free frame to the page allocator and kmalloc. */
#include "kernel/io.h"
#include "kernel/mm.h"
#include "kernel/mm/page_alloc.h"
#include "kernel/mm/slab.h"
#include "kernel/multiboot.h"
#include "kernel/printk.h"
#include "kernel/setup.h"
#include "kernel/string.h"

#define MAX_LOWMEM (896UL << 20) /* like Linux's lowmem: what the 1 GiB kernel half maps */

extern "C" char _text[], _end[];
static page_bitmap pages;
static u32 page_bits[(MAX_LOWMEM >> PAGE_SHIFT) / 32];
static unsigned long total_pages;

extern "C" void *alloc_pages_exact(unsigned long npages)
{
    irq_guard guard;
    unsigned long pfn = pb_alloc(&pages, npages);
    return pfn == -1UL ? nullptr : __va(pfn << PAGE_SHIFT);
}

extern "C" void free_pages_exact(void *addr, unsigned long npages)
{
    irq_guard guard;
    pb_free_range(&pages, __pa(addr) >> PAGE_SHIFT, npages);
}

extern "C" void *get_zeroed_page(void)
{
    void *p = alloc_pages_exact(1);
    if (p)
        memset(p, 0, PAGE_SIZE);
    return p;
}

extern "C" void free_page(void *addr) { free_pages_exact(addr, 1); }
extern "C" unsigned long nr_free_pages(void) { return pages.nfree; }
extern "C" unsigned long totalram_pages(void) { return total_pages; }

extern "C" void *kmem_page_alloc(unsigned long npages) { return alloc_pages_exact(npages); }
extern "C" void kmem_page_free(void *p, unsigned long npages) { free_pages_exact(p, npages); }

/* Linux: init/main.c mm_init() */
extern "C" __attribute__((noinline)) void mm_init(void)
{
    unsigned long lowmem = boot_params.ram_end;
    if (lowmem > MAX_LOWMEM)
        lowmem = MAX_LOWMEM;
    lowmem &= ~((4UL << 20) - 1); /* whole 4 MiB pages */
    if (lowmem < (16UL << 20))
        lowmem = 16UL << 20;

    /* The kernel half: every 4 MiB of RAM, global so a cr3 switch keeps it in the TLB. */
    for (unsigned long pa = 0; pa < lowmem; pa += 4UL << 20)
        swapper_pg_dir[(PAGE_OFFSET + pa) >> 22] = (pgd_t)pa | _PAGE_PRESENT | _PAGE_RW | _PAGE_PSE | _PAGE_GLOBAL;
    unsigned long cr4;
    asm volatile("mov %%cr4, %0" : "=r"(cr4));
    asm volatile("mov %0, %%cr4" ::"r"(cr4 | 0x80)); /* PGE: global pages */
    write_cr3(__pa(swapper_pg_dir)); /* the boot identity map is gone from here on */

    pb_init(&pages, page_bits, lowmem >> PAGE_SHIFT);
    int n;
    const mem_range *r = setup_ram_ranges(&n);
    for (int i = 0; i < n; i++) {
        unsigned long start = (r[i].start + PAGE_SIZE - 1) >> PAGE_SHIFT;
        unsigned long end = (r[i].start + r[i].len) >> PAGE_SHIFT;
        if (end > start)
            pb_free_range(&pages, start, end - start);
    }
    /* Keep: the first MiB (BIOS, VGA), the kernel image, the initrd until it is unpacked. */
    pb_reserve_range(&pages, 0, 0x100000 >> PAGE_SHIFT);
    pb_reserve_range(&pages, 0x100000 >> PAGE_SHIFT, (__pa(_end) - 0x100000 + PAGE_SIZE - 1) >> PAGE_SHIFT);
    if (boot_params.initrd_end > boot_params.initrd_start) {
        unsigned long s = boot_params.initrd_start >> PAGE_SHIFT;
        unsigned long e = (boot_params.initrd_end + PAGE_SIZE - 1) >> PAGE_SHIFT;
        pb_reserve_range(&pages, s, e - s);
    }
    total_pages = pages.nfree;
    printk(KERN_INFO "Memory: %luK/%luK available (%luK kernel code+data)\n",
           pages.nfree * 4, (lowmem >> 10), (unsigned long)(_end - _text) >> 10);
    kstack_init(); /* before the first task: every address space copies its page table */
}

/* The initramfs is unpacked: give its frames back. */
extern "C" void free_initrd_mem(void)
{
    if (boot_params.initrd_end <= boot_params.initrd_start)
        return;
    unsigned long s = (boot_params.initrd_start + PAGE_SIZE - 1) >> PAGE_SHIFT;
    unsigned long e = boot_params.initrd_end >> PAGE_SHIFT;
    if (e > s)
        pb_free_range(&pages, s, e - s);
    printk(KERN_INFO "Freeing initrd memory: %luK\n", (e > s ? e - s : 0) * 4);
}
