/* Socket buffers (include/linux/skbuff.h), simplified: one linear buffer per packet.
 *
 *   head <= data <= tail <= end;  len == tail - data
 *
 * The buffer is shared by clones (skb_clone): TCP keeps the original on its retransmit queue
 * while the clone travels through lo, so the payload is copied once from the sender and once
 * to the receiver. Nobody writes into a shared buffer after it has been cloned. */
#pragma once
#include "kernel/types.h"
#include "kernel/slab.h"

struct sock;
struct net_device;

struct sk_buff {
    /* first two members match sk_buff_head: a queue is a ring through its head */
    sk_buff *next;
    sk_buff *prev;
    sock *sk;
    net_device *dev;
    u8 *head, *data, *tail, *end;
    unsigned int len;
    int *dataref;          /* shared by clones; the buffer is freed when it drops to 0 */
    u16 network_header;    /* offsets from head */
    u16 transport_header;
    bool csum_valid;       /* the sender computed the checksums: lo need not verify them */
    unsigned long tstamp;  /* jiffies at transmit, for capture */
    alignas(8) u8 cb[48];  /* per-layer control block (TCP_SKB_CB) */
};

struct sk_buff_head {
    sk_buff *next;
    sk_buff *prev;
    u32 qlen;
    u32 bytes;             /* sum of skb->len of queued buffers */
};

extern "C" {
/* Room for `size` bytes of data; data == tail == head. NULL when memory is exhausted. */
sk_buff *alloc_skb(unsigned int size, gfp_t gfp);
/* A second sk_buff sharing the same data. */
sk_buff *skb_clone(sk_buff *skb, gfp_t gfp);
/* A private copy of header and data. */
sk_buff *skb_copy(const sk_buff *skb, gfp_t gfp);
void kfree_skb(sk_buff *skb);
}
static inline void consume_skb(sk_buff *skb) { kfree_skb(skb); }

static inline unsigned int skb_headroom(const sk_buff *skb) { return (unsigned)(skb->data - skb->head); }
static inline unsigned int skb_tailroom(const sk_buff *skb) { return (unsigned)(skb->end - skb->tail); }
static inline void skb_reserve(sk_buff *skb, unsigned int n)
{
    skb->data += n;
    skb->tail += n;
}
/* Extends the data at the tail; returns the start of the new room. */
static inline u8 *skb_put(sk_buff *skb, unsigned int n)
{
    u8 *p = skb->tail;
    skb->tail += n;
    skb->len += n;
    return p;
}
/* Prepends a header in the headroom; returns its start. */
static inline u8 *skb_push(sk_buff *skb, unsigned int n)
{
    skb->data -= n;
    skb->len += n;
    return skb->data;
}
/* Removes n bytes from the front (a header, or consumed payload). */
static inline u8 *skb_pull(sk_buff *skb, unsigned int n)
{
    if (n > skb->len)
        return nullptr;
    skb->len -= n;
    skb->data += n;
    return skb->data;
}
static inline void skb_trim(sk_buff *skb, unsigned int len)
{
    if (len < skb->len) {
        skb->len = len;
        skb->tail = skb->data + len;
    }
}
static inline void skb_reset_network_header(sk_buff *skb) { skb->network_header = (u16)(skb->data - skb->head); }
static inline void skb_reset_transport_header(sk_buff *skb) { skb->transport_header = (u16)(skb->data - skb->head); }
static inline u8 *skb_network_header(const sk_buff *skb) { return skb->head + skb->network_header; }
static inline u8 *skb_transport_header(const sk_buff *skb) { return skb->head + skb->transport_header; }

/* Queues (FIFO). */
static inline void skb_queue_head_init(sk_buff_head *q)
{
    q->next = q->prev = (sk_buff *)q;
    q->qlen = 0;
    q->bytes = 0;
}
static inline bool skb_queue_empty(const sk_buff_head *q) { return q->next == (const sk_buff *)q; }
static inline sk_buff *skb_peek(const sk_buff_head *q) { return skb_queue_empty(q) ? nullptr : q->next; }
static inline sk_buff *skb_peek_tail(const sk_buff_head *q) { return skb_queue_empty(q) ? nullptr : q->prev; }
static inline bool skb_queue_is_last(const sk_buff_head *q, const sk_buff *skb) { return skb->next == (const sk_buff *)q; }
static inline void __skb_insert(sk_buff *n, sk_buff *prev, sk_buff *next, sk_buff_head *q)
{
    n->next = next;
    n->prev = prev;
    next->prev = n;
    prev->next = n;
    q->qlen++;
    q->bytes += n->len;
}
static inline void skb_queue_tail(sk_buff_head *q, sk_buff *skb) { __skb_insert(skb, q->prev, (sk_buff *)q, q); }
static inline void skb_queue_head(sk_buff_head *q, sk_buff *skb) { __skb_insert(skb, (sk_buff *)q, q->next, q); }
/* Inserts n before `before` (which is on q, or is q itself for the tail). */
static inline void skb_insert_before(sk_buff_head *q, sk_buff *before, sk_buff *n) { __skb_insert(n, before->prev, before, q); }
static inline void skb_unlink(sk_buff *skb, sk_buff_head *q)
{
    q->qlen--;
    q->bytes -= skb->len;
    skb->next->prev = skb->prev;
    skb->prev->next = skb->next;
    skb->next = skb->prev = nullptr;
}
static inline sk_buff *skb_dequeue(sk_buff_head *q)
{
    sk_buff *skb = skb_peek(q);
    if (skb)
        skb_unlink(skb, q);
    return skb;
}
/* Drops n bytes from the front of the queued skb (keeps q->bytes right). */
static inline void skb_queue_pull(sk_buff_head *q, sk_buff *skb, unsigned int n)
{
    skb_pull(skb, n);
    q->bytes -= n;
}
extern "C" void skb_queue_purge(sk_buff_head *q);
#define skb_queue_walk(q, skb) for (skb = (q)->next; skb != (sk_buff *)(q); skb = skb->next)
#define skb_queue_walk_safe(q, skb, tmp) \
    for (skb = (q)->next, tmp = skb->next; skb != (sk_buff *)(q); skb = tmp, tmp = skb->next)
