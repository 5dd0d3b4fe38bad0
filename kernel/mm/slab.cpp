/* kmalloc/kfree (see slab.h). Each small-object page: a 16-byte header, then objects of one
 * size, free ones linked through their first word. A large allocation: its pages with the
 * same 16-byte header in front. The header's magic tells the two apart in kfree. Pure. */
#include "kernel/mm/slab.h"
#include "kernel/printk.h"
#include "kernel/slab.h"
#include "kernel/string.h"

namespace {

constexpr unsigned long PAGE = 4096;
constexpr u32 SLAB_MAGIC = 0x51ab51ab;
constexpr u32 LARGE_MAGIC = 0x1a46e000;
constexpr size_t HDR = 16;
constexpr size_t sizes[] = {16, 32, 64, 128, 256, 512, 1024, 2032};
constexpr int NCLASSES = sizeof(sizes) / sizeof(sizes[0]);

struct page_hdr {
    u32 magic;
    u32 obj_size;  /* slab: object size; large: the number of pages */
    u32 inuse;     /* slab: live objects */
    u32 cls;
};
static_assert(sizeof(page_hdr) == HDR);

struct free_obj {
    free_obj *next;
};

struct size_class {
    free_obj *free;
};

size_class classes[NCLASSES];
kmem_stats stats;

int class_of(size_t size)
{
    for (int i = 0; i < NCLASSES; i++)
        if (size <= sizes[i])
            return i;
    return -1;
}

page_hdr *hdr_of(const void *p) { return (page_hdr *)((unsigned long)p & ~(PAGE - 1)); }

bool refill(int cls)
{
    page_hdr *h = (page_hdr *)kmem_page_alloc(1);
    if (!h)
        return false;
    h->magic = SLAB_MAGIC;
    h->obj_size = (u32)sizes[cls];
    h->inuse = 0;
    h->cls = (u32)cls;
    stats.pages++;
    char *base = (char *)h + HDR;
    size_t n = (PAGE - HDR) / sizes[cls];
    for (size_t i = n; i-- > 0;) {
        free_obj *o = (free_obj *)(base + i * sizes[cls]);
        o->next = classes[cls].free;
        classes[cls].free = o;
    }
    return true;
}

} // namespace

extern "C" void *__kmalloc(size_t size)
{
    if (size == 0)
        size = 1;
    int cls = class_of(size);
    if (cls < 0) {
        if (size > 64 * 1024 * 1024)
            return nullptr;
        unsigned long npages = (size + HDR + PAGE - 1) / PAGE;
        page_hdr *h = (page_hdr *)kmem_page_alloc(npages);
        if (!h)
            return nullptr;
        h->magic = LARGE_MAGIC;
        h->obj_size = (u32)npages;
        h->inuse = 1;
        h->cls = 0xffffffffu;
        stats.pages += npages;
        stats.objects++;
        return (char *)h + HDR;
    }
    if (!classes[cls].free && !refill(cls))
        return nullptr;
    free_obj *o = classes[cls].free;
    classes[cls].free = o->next;
    hdr_of(o)->inuse++;
    stats.objects++;
    return o;
}

extern "C" void __kfree(const void *p)
{
    if (!p)
        return;
    page_hdr *h = hdr_of(p);
    if (h->magic == LARGE_MAGIC && (const char *)p == (char *)h + HDR) {
        unsigned long npages = h->obj_size;
        h->magic = 0;
        stats.pages -= npages;
        stats.objects--;
        kmem_page_free(h, npages);
        return;
    }
    BUG_ON(h->magic != SLAB_MAGIC);
    BUG_ON(((const char *)p - ((char *)h + HDR)) % h->obj_size != 0);
    free_obj *o = (free_obj *)p;
    o->next = classes[h->cls].free;
    classes[h->cls].free = o;
    h->inuse--;
    stats.objects--;
    /* Empty pages stay on the free list: reclaiming them would need a per-page list, and
     * the classes are few and small. */
}

extern "C" size_t ksize(const void *p)
{
    page_hdr *h = hdr_of(p);
    if (h->magic == LARGE_MAGIC)
        return h->obj_size * PAGE - HDR;
    return h->obj_size;
}

extern "C" void kmem_get_stats(kmem_stats *st) { *st = stats; }

extern "C" void *kmalloc(size_t size, gfp_t flags)
{
    void *p = __kmalloc(size);
    if (p && (flags & __GFP_ZERO))
        memset(p, 0, size);
    return p;
}

extern "C" void kfree(const void *p) { __kfree(p); }
