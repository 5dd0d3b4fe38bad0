/* kmalloc internals (mm/slab_common.c in spirit): size classes of 16..2048 bytes carved from
 * single pages, each page starting with a header; bigger requests take whole pages. Pure:
 * the page source is a pair of functions, so host tests can supply their own. */
#pragma once
#include "kernel/types.h"

struct kmem_stats {
    unsigned long pages;   /* pages held by kmalloc */
    unsigned long objects; /* live allocations */
};

extern "C" {
void *__kmalloc(size_t size);
void __kfree(const void *p);
/* Usable size of an allocation (for realloc-like code and tests). */
size_t ksize(const void *p);
void kmem_get_stats(kmem_stats *st);
/* The page source: npages contiguous, page-aligned; NULL when exhausted. */
void *kmem_page_alloc(unsigned long npages);
void kmem_page_free(void *p, unsigned long npages);
}
