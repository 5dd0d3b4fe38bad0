/* Intrusive doubly linked list (include/linux/list.h): the kernel's one list type. */
#pragma once
#include "kernel/types.h"

struct list_head {
    list_head *next, *prev;
};

#define LIST_HEAD_INIT(name) { &(name), &(name) }

static inline void INIT_LIST_HEAD(list_head *h) { h->next = h->prev = h; }
static inline bool list_empty(const list_head *h) { return h->next == h; }

static inline void __list_add(list_head *n, list_head *prev, list_head *next)
{
    next->prev = n;
    n->next = next;
    n->prev = prev;
    prev->next = n;
}
static inline void list_add(list_head *n, list_head *h) { __list_add(n, h, h->next); }
static inline void list_add_tail(list_head *n, list_head *h) { __list_add(n, h->prev, h); }

/* Unlinks and re-initialises, so list_empty(entry) tells whether it is on a list. */
static inline void list_del_init(list_head *e)
{
    e->next->prev = e->prev;
    e->prev->next = e->next;
    INIT_LIST_HEAD(e);
}
static inline void list_del(list_head *e) { list_del_init(e); }
static inline void list_move_tail(list_head *e, list_head *h)
{
    list_del_init(e);
    list_add_tail(e, h);
}

#define list_entry(ptr, type, member) container_of(ptr, type, member)
#define list_first_entry(head, type, member) list_entry((head)->next, type, member)

#define list_for_each(pos, head) for (pos = (head)->next; pos != (head); pos = pos->next)
#define list_for_each_safe(pos, n, head) \
    for (pos = (head)->next, n = pos->next; pos != (head); pos = n, n = pos->next)
#define list_for_each_entry(pos, head, member)                                  \
    for (pos = list_entry((head)->next, __typeof__(*pos), member);              \
         &pos->member != (head); pos = list_entry(pos->member.next, __typeof__(*pos), member))
#define list_for_each_entry_safe(pos, n, head, member)                         \
    for (pos = list_entry((head)->next, __typeof__(*pos), member),             \
        n = list_entry(pos->member.next, __typeof__(*pos), member);            \
         &pos->member != (head); pos = n, n = list_entry(n->member.next, __typeof__(*n), member))
