/* malloc on brk: a first-fit free list kept in address order, so a freed block merges with
 * free neighbours at once. Every block has a 16-byte header (its size and whether it is in
 * use); user pointers are 16-byte aligned. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

namespace {

struct block {
    size_t size;   /* whole block, header included */
    size_t used;   /* 0 on the free list, a magic when handed out */
    block *next;   /* free list only */
    block *prev;
};
static_assert(sizeof(block) == 16);

constexpr size_t USED_MAGIC = 0xa110c8ed;
constexpr size_t MIN_BLOCK = 32;
block *free_list; /* address order */

size_t round_up(size_t n) { return (n + 15) & ~(size_t)15; }

void unlink_block(block *b)
{
    if (b->prev)
        b->prev->next = b->next;
    else
        free_list = b->next;
    if (b->next)
        b->next->prev = b->prev;
}

/* Inserts in address order and merges with the neighbours it touches. */
void insert_free(block *b)
{
    b->used = 0;
    block *prev = nullptr, *cur = free_list;
    while (cur && cur < b) {
        prev = cur;
        cur = cur->next;
    }
    b->prev = prev;
    b->next = cur;
    if (prev)
        prev->next = b;
    else
        free_list = b;
    if (cur)
        cur->prev = b;
    if (cur && (char *)b + b->size == (char *)cur) {
        b->size += cur->size;
        unlink_block(cur);
    }
    if (prev && (char *)prev + prev->size == (char *)b) {
        prev->size += b->size;
        unlink_block(b);
    }
}

block *grow(size_t need)
{
    size_t chunk = need < 64 * 1024 ? 64 * 1024 : round_up(need);
    void *p = sbrk((intptr_t)chunk);
    if (p == (void *)-1)
        return nullptr;
    block *b = (block *)p;
    b->size = chunk;
    insert_free(b);
    return free_list;
}

} // namespace

extern "C" void *malloc(size_t n)
{
    if (n > 0x7ffff000) {
        errno = ENOMEM;
        return nullptr;
    }
    size_t need = round_up(n + sizeof(block));
    if (need < MIN_BLOCK)
        need = MIN_BLOCK;
    for (int attempt = 0; attempt < 2; attempt++) {
        for (block *b = free_list; b; b = b->next) {
            if (b->size < need)
                continue;
            unlink_block(b);
            if (b->size - need >= MIN_BLOCK) {
                block *rest = (block *)((char *)b + need);
                rest->size = b->size - need;
                b->size = need;
                insert_free(rest);
            }
            b->used = USED_MAGIC;
            return b + 1;
        }
        if (!grow(need))
            break;
    }
    errno = ENOMEM;
    return nullptr;
}

extern "C" void free(void *p)
{
    if (!p)
        return;
    block *b = (block *)p - 1;
    if (b->used != USED_MAGIC)
        abort(); /* a double free or a pointer malloc never returned */
    insert_free(b);
}

extern "C" void *calloc(size_t n, size_t size)
{
    if (size && n > (size_t)-1 / size) {
        errno = ENOMEM;
        return nullptr;
    }
    void *p = malloc(n * size);
    if (p)
        memset(p, 0, n * size);
    return p;
}

extern "C" void *realloc(void *p, size_t n)
{
    if (!p)
        return malloc(n);
    if (n == 0) {
        free(p);
        return nullptr;
    }
    block *b = (block *)p - 1;
    size_t have = b->size - sizeof(block);
    if (n <= have)
        return p;
    void *q = malloc(n);
    if (!q)
        return nullptr;
    memcpy(q, p, have);
    free(p);
    return q;
}
