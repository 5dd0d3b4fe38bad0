/* Bitmap bookkeeping of physical frames. Pure (see page_alloc.h). */
#include "kernel/mm/page_alloc.h"

static inline bool test_bit(const u32 *b, unsigned long n) { return b[n / 32] & (1u << (n % 32)); }
static inline void set_bit(u32 *b, unsigned long n) { b[n / 32] |= 1u << (n % 32); }
static inline void clear_bit(u32 *b, unsigned long n) { b[n / 32] &= ~(1u << (n % 32)); }

void pb_init(page_bitmap *pb, u32 *bits, unsigned long npages)
{
    pb->bits = bits;
    pb->npages = npages;
    pb->nfree = 0;
    pb->hint = 0;
    for (unsigned long i = 0; i < (npages + 31) / 32; i++)
        bits[i] = 0xffffffffu;
}

void pb_free_range(page_bitmap *pb, unsigned long pfn, unsigned long count)
{
    for (unsigned long i = pfn; i < pfn + count && i < pb->npages; i++) {
        if (test_bit(pb->bits, i)) {
            clear_bit(pb->bits, i);
            pb->nfree++;
        }
    }
    if (pfn < pb->hint)
        pb->hint = pfn;
}

void pb_reserve_range(page_bitmap *pb, unsigned long pfn, unsigned long count)
{
    for (unsigned long i = pfn; i < pfn + count && i < pb->npages; i++) {
        if (!test_bit(pb->bits, i)) {
            set_bit(pb->bits, i);
            pb->nfree--;
        }
    }
}

bool pb_is_free(const page_bitmap *pb, unsigned long pfn)
{
    return pfn < pb->npages && !test_bit(pb->bits, pfn);
}

unsigned long pb_alloc(page_bitmap *pb, unsigned long count)
{
    if (count == 0 || count > pb->nfree)
        return -1UL;
    for (int pass = 0; pass < 2; pass++) {
        unsigned long start = pass == 0 ? pb->hint : 0;
        unsigned long run = 0;
        for (unsigned long i = start; i < pb->npages; i++) {
            /* Skip whole used words quickly. */
            if (run == 0 && (i % 32) == 0 && pb->bits[i / 32] == 0xffffffffu) {
                i += 31;
                continue;
            }
            if (test_bit(pb->bits, i)) {
                run = 0;
                continue;
            }
            if (++run == count) {
                unsigned long first = i + 1 - count;
                pb_reserve_range(pb, first, count);
                pb->hint = count == 1 ? i + 1 : pb->hint;
                return first;
            }
        }
    }
    return -1UL;
}
