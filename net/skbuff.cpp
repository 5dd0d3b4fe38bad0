/* Socket buffer allocation, clones and queues (net/core/skbuff.c). See net/skbuff.h. */
#include "net/skbuff.h"
#include "net/stats.h"
#include "kernel/slab.h"
#include "kernel/string.h"

/* Linux: net/core/skbuff.c __alloc_skb() */
extern "C" sk_buff *alloc_skb(unsigned int size, gfp_t gfp)
{
    size = ALIGN(size, 4u);
    sk_buff *skb = (sk_buff *)kmalloc(sizeof(sk_buff), gfp);
    if (!skb)
        return nullptr;
    /* the shared reference count sits after the data, as Linux's skb_shared_info */
    u8 *buf = (u8 *)kmalloc(size + sizeof(int), gfp);
    if (!buf) {
        kfree(skb);
        return nullptr;
    }
    memset(skb, 0, offsetof(sk_buff, cb));
    skb->head = skb->data = skb->tail = buf;
    skb->end = buf + size;
    skb->dataref = (int *)(buf + size);
    *skb->dataref = 1;
    net_stats.skb_alloc++;
    return skb;
}

/* Linux: net/core/skbuff.c skb_clone() */
extern "C" sk_buff *skb_clone(sk_buff *skb, gfp_t gfp)
{
    sk_buff *n = (sk_buff *)kmalloc(sizeof(sk_buff), gfp);
    if (!n)
        return nullptr;
    memcpy(n, skb, sizeof(sk_buff));
    n->next = n->prev = nullptr;
    n->sk = nullptr;
    (*skb->dataref)++;
    net_stats.skb_alloc++;
    return n;
}

/* Linux: net/core/skbuff.c skb_copy() */
extern "C" sk_buff *skb_copy(const sk_buff *skb, gfp_t gfp)
{
    unsigned int size = (unsigned)(skb->end - skb->head);
    sk_buff *n = alloc_skb(size, gfp);
    if (!n)
        return nullptr;
    memcpy(n->head, skb->head, size);
    u8 *h = n->head, *e = n->end;
    int *ref = n->dataref;
    memcpy(n, skb, sizeof(sk_buff));
    n->head = h;
    n->end = e;
    n->dataref = ref;
    n->data = h + (skb->data - skb->head);
    n->tail = h + (skb->tail - skb->head);
    n->next = n->prev = nullptr;
    n->sk = nullptr;
    return n;
}

/* Linux: net/core/skbuff.c kfree_skb() */
extern "C" void kfree_skb(sk_buff *skb)
{
    if (!skb)
        return;
    if (--*skb->dataref == 0)
        kfree(skb->head);
    kfree(skb);
    net_stats.skb_free++;
}

/* Linux: net/core/skbuff.c skb_queue_purge() */
extern "C" void skb_queue_purge(sk_buff_head *q)
{
    sk_buff *skb;
    while ((skb = skb_dequeue(q)) != nullptr)
        kfree_skb(skb);
}
