/* Kernel stacks with guard pages (Linux: CONFIG_VMAP_STACK, kernel/fork.c alloc_thread_stack_node).
 * Each task's 8 KiB stack is mapped in its own slot of a 4 MiB area above the direct map,
 * with an unmapped page below it. A stack that overflows faults on that page instead of
 * silently overwriting the next allocation; the fault cannot push its frame there either, so
 * the CPU raises a double fault, which runs on a stack of its own (kernel/doublefault.cpp)
 * and prints an oops that names the overflow. The page table of the area exists from
 * mm_init on, so every address space (which copies the kernel's page-directory entries)
 * sees every stack mapped later. */
#include "kernel/mm.h"
#include "kernel/mm/page_alloc.h"
#include "kernel/printk.h"
#include "kernel/segment.h"

#define KSTACK_AREA 0xFF800000UL   /* page-directory entry 1022 */
#define KSTACK_PAGES (THREAD_SIZE / PAGE_SIZE)
#define KSTACK_SLOT ((KSTACK_PAGES + 1) * PAGE_SIZE) /* guard page, then the stack */
#define KSTACK_SLOTS ((4UL << 20) / KSTACK_SLOT)

static pte_t *kstack_pt;
static bool slot_used[KSTACK_SLOTS];

static void invlpg(unsigned long va) { asm volatile("invlpg (%0)" ::"r"(va) : "memory"); }

extern "C" void kstack_init(void)
{
    kstack_pt = (pte_t *)get_zeroed_page();
    if (!kstack_pt) {
        printk(KERN_ERR "kstack: no page for the stack area: stacks come from the direct map\n");
        return;
    }
    swapper_pg_dir[KSTACK_AREA >> 22] = (pgd_t)__pa(kstack_pt) | _PAGE_PRESENT | _PAGE_RW;
}

/* The bottom of a new 8 KiB stack, with an unmapped guard page below; NULL when exhausted. */
extern "C" void *alloc_thread_stack(void)
{
    if (!kstack_pt)
        return alloc_pages_exact(KSTACK_PAGES);
    for (unsigned long i = 0; i < KSTACK_SLOTS; i++) {
        if (slot_used[i])
            continue;
        void *mem = alloc_pages_exact(KSTACK_PAGES);
        if (!mem)
            return nullptr;
        unsigned long va = KSTACK_AREA + i * KSTACK_SLOT + PAGE_SIZE;
        for (unsigned long k = 0; k < KSTACK_PAGES; k++) {
            unsigned long pte = (va >> PAGE_SHIFT) & 1023;
            kstack_pt[pte + k] = (pte_t)(__pa(mem) + k * PAGE_SIZE) | _PAGE_PRESENT | _PAGE_RW | _PAGE_GLOBAL;
        }
        slot_used[i] = true;
        return (void *)va;
    }
    return nullptr;
}

extern "C" void free_thread_stack(void *stack)
{
    unsigned long va = (unsigned long)stack;
    if (va < KSTACK_AREA) { /* from the direct map (no stack area) */
        free_pages_exact(stack, KSTACK_PAGES);
        return;
    }
    unsigned long pte = (va >> PAGE_SHIFT) & 1023;
    void *mem = __va(kstack_pt[pte] & ~0xfffUL);
    for (unsigned long k = 0; k < KSTACK_PAGES; k++) {
        kstack_pt[pte + k] = 0;
        invlpg(va + k * PAGE_SIZE);
    }
    slot_used[(va - KSTACK_AREA) / KSTACK_SLOT] = false;
    free_pages_exact(mem, KSTACK_PAGES);
}

/* True when addr lies in the guard page below some stack: what a kernel stack overflow hits. */
extern "C" bool kstack_guard_page(unsigned long addr)
{
    if (!kstack_pt || addr < KSTACK_AREA || addr >= KSTACK_AREA + KSTACK_SLOTS * KSTACK_SLOT)
        return false;
    return (addr - KSTACK_AREA) % KSTACK_SLOT < PAGE_SIZE;
}
