/* Small-object allocation (include/linux/slab.h): kmalloc/kfree over the page allocator. */
#pragma once
#include "kernel/types.h"

#define GFP_KERNEL 0u
#define GFP_ATOMIC 1u /* may be called from a bottom half: never sleeps (nothing sleeps here) */
#define __GFP_ZERO 0x100u

extern "C" {
/* NULL when memory is exhausted: every caller checks. */
void *kmalloc(size_t size, gfp_t flags);
void kfree(const void *p);
}
static inline void *kzalloc(size_t size, gfp_t flags) { return kmalloc(size, flags | __GFP_ZERO); }
