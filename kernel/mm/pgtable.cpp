/* Page tables: the kernel's direct map and the per-process user halves
 * (arch/x86/mm/init_32.c, pgtable.c, mm/memory.c). See kernel/mm.h for the layout. */
#include "kernel/io.h"
#include "kernel/mm.h"
#include "kernel/mm/page_alloc.h"
#include "kernel/printk.h"
#include "kernel/slab.h"
#include "kernel/string.h"
#include "uapi/errno.h"

extern "C" {
pgd_t swapper_pg_dir[1024] __attribute__((aligned(4096)));
}

static constexpr unsigned KERNEL_PGD = PAGE_OFFSET >> 22; /* 768 */

extern "C" mm_struct *mm_alloc(void)
{
    mm_struct *mm = (mm_struct *)kzalloc(sizeof(mm_struct), GFP_KERNEL);
    if (!mm)
        return nullptr;
    mm->pgd = (pgd_t *)get_zeroed_page();
    if (!mm->pgd) {
        kfree(mm);
        return nullptr;
    }
    memcpy(mm->pgd + KERNEL_PGD, swapper_pg_dir + KERNEL_PGD, (1024 - KERNEL_PGD) * sizeof(pgd_t));
    mm->mmap_next = USER_MMAP_BASE;
    return mm;
}

static pte_t *lookup_pte(mm_struct *mm, unsigned long addr, bool create)
{
    pgd_t *pde = &mm->pgd[addr >> 22];
    if (!(*pde & _PAGE_PRESENT)) {
        if (!create)
            return nullptr;
        void *pt = get_zeroed_page();
        if (!pt)
            return nullptr;
        *pde = (pgd_t)__pa(pt) | _PAGE_PRESENT | _PAGE_RW | _PAGE_USER;
    }
    pte_t *pt = (pte_t *)__va(*pde & ~0xfffUL);
    return &pt[(addr >> 12) & 1023];
}

static void flush_tlb_if_current(mm_struct *mm)
{
    if (read_cr3() == __pa(mm->pgd))
        write_cr3(__pa(mm->pgd));
}

extern "C" int mm_map_range(mm_struct *mm, unsigned long start, unsigned long end, bool writable)
{
    start &= ~(PAGE_SIZE - 1);
    for (unsigned long a = start; a < end; a += PAGE_SIZE) {
        if (a >= PAGE_OFFSET || mm->nr_pages >= USER_MAX_PAGES)
            return -ENOMEM;
        pte_t *pte = lookup_pte(mm, a, true);
        if (!pte)
            return -ENOMEM;
        if (*pte & _PAGE_PRESENT) {
            if (writable)
                *pte |= _PAGE_RW;
            continue;
        }
        void *page = get_zeroed_page();
        if (!page)
            return -ENOMEM;
        *pte = (pte_t)__pa(page) | _PAGE_PRESENT | _PAGE_USER | (writable ? _PAGE_RW : 0);
        mm->nr_pages++;
    }
    flush_tlb_if_current(mm);
    return 0;
}

extern "C" void mm_unmap_range(mm_struct *mm, unsigned long start, unsigned long end)
{
    for (unsigned long a = start & ~(PAGE_SIZE - 1); a < end; a += PAGE_SIZE) {
        pte_t *pte = lookup_pte(mm, a, false);
        if (pte && (*pte & _PAGE_PRESENT)) {
            free_page(__va(*pte & ~0xfffUL));
            *pte = 0;
            mm->nr_pages--;
        }
    }
    flush_tlb_if_current(mm);
}

extern "C" void *mm_user_page(mm_struct *mm, unsigned long uaddr)
{
    if (uaddr >= PAGE_OFFSET)
        return nullptr;
    pte_t *pte = lookup_pte(mm, uaddr, false);
    if (!pte || !(*pte & _PAGE_PRESENT))
        return nullptr;
    return __va(*pte & ~0xfffUL);
}

extern "C" bool mm_range_mapped(mm_struct *mm, unsigned long start, unsigned long end)
{
    for (unsigned long a = start & ~(PAGE_SIZE - 1); a < end; a += PAGE_SIZE)
        if (!mm_user_page(mm, a))
            return false;
    return true;
}

static void free_user_half(mm_struct *mm)
{
    for (unsigned i = 0; i < KERNEL_PGD; i++) {
        if (!(mm->pgd[i] & _PAGE_PRESENT))
            continue;
        pte_t *pt = (pte_t *)__va(mm->pgd[i] & ~0xfffUL);
        for (int j = 0; j < 1024; j++)
            if (pt[j] & _PAGE_PRESENT)
                free_page(__va(pt[j] & ~0xfffUL));
        free_page(pt);
        mm->pgd[i] = 0;
    }
    mm->nr_pages = 0;
}

extern "C" void mmput(mm_struct *mm)
{
    if (!mm)
        return;
    if (read_cr3() == __pa(mm->pgd))
        write_cr3(__pa(swapper_pg_dir));
    free_user_half(mm);
    free_page(mm->pgd);
    kfree(mm);
}

/* Linux: kernel/fork.c dup_mm(). A plain copy: no copy-on-write, so fork costs one page copy
 * per mapped user page, which for MenuOS's small programs is a few dozen pages. */
extern "C" mm_struct *dup_mm(mm_struct *old)
{
    mm_struct *mm = mm_alloc();
    if (!mm)
        return nullptr;
    pgd_t *pgd = mm->pgd;
    *mm = *old;
    mm->pgd = pgd;
    mm->nr_pages = 0;
    for (unsigned i = 0; i < KERNEL_PGD; i++) {
        if (!(old->pgd[i] & _PAGE_PRESENT))
            continue;
        pte_t *src = (pte_t *)__va(old->pgd[i] & ~0xfffUL);
        for (unsigned j = 0; j < 1024; j++) {
            if (!(src[j] & _PAGE_PRESENT))
                continue;
            unsigned long addr = ((unsigned long)i << 22) | (j << 12);
            pte_t *dst = lookup_pte(mm, addr, true);
            void *page = alloc_pages_exact(1);
            if (!dst || !page) {
                if (page)
                    free_page(page);
                mmput(mm);
                return nullptr;
            }
            memcpy(page, __va(src[j] & ~0xfffUL), PAGE_SIZE);
            *dst = (pte_t)__pa(page) | (src[j] & 0xfff);
            mm->nr_pages++;
        }
    }
    return mm;
}

extern "C" void switch_mm(mm_struct *next)
{
    unsigned long cr3 = __pa(next ? next->pgd : swapper_pg_dir);
    if (read_cr3() != cr3)
        write_cr3(cr3);
}
