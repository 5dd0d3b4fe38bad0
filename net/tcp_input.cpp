/* TCP input (net/ipv4/tcp_ipv4.c tcp_v4_rcv, tcp_input.c tcp_rcv_state_process): finding
 * the connection a segment belongs to and the RFC 9293 3.10.7 "SEGMENT ARRIVES" rules.
 * Runs in the NET_RX softirq, never in the middle of a system call. */
#include "net/tcp.h"
#include "net/checksum.h"
#include "net/stats.h"
#include "kernel/string.h"
#include "uapi/errno.h"

#define TCP_EHASH_SIZE 512
static list_head tcp_ehash[TCP_EHASH_SIZE];

static unsigned int ehashfn(__be32 laddr, __be16 lport, __be32 raddr, __be16 rport)
{
    u32 h = laddr ^ (raddr * 2654435761u) ^ ((u32)lport << 16 | rport);
    h ^= h >> 15;
    h *= 0x2c1b3c6du;
    h ^= h >> 12;
    return h % TCP_EHASH_SIZE;
}

extern "C" void tcp_init(void)
{
    for (auto &c : tcp_ehash)
        INIT_LIST_HEAD(&c);
    inet_bind_table_init(&tcp_bind_table);
}

/* Linux: net/ipv4/inet_hashtables.c inet_hash() (the connection table holds a reference) */
extern "C" void tcp_hash(sock *sk)
{
    tcp_sock *tp = tcp_sk(sk);
    inet_sock *in = &tp->inet;
    if (tp->hashed)
        return;
    list_add(&tp->hash_node, &tcp_ehash[ehashfn(in->inet_saddr, in->inet_sport, in->inet_daddr, in->inet_dport)]);
    tp->hashed = true;
    sock_hold(sk);
}

extern "C" void tcp_unhash(sock *sk)
{
    tcp_sock *tp = tcp_sk(sk);
    if (!tp->hashed)
        return;
    list_del_init(&tp->hash_node);
    tp->hashed = false;
    sock_put(sk);
}

/* Linux: net/ipv4/inet_hashtables.c __inet_lookup_established() */
extern "C" sock *tcp_lookup(__be32 laddr, __be16 lport, __be32 raddr, __be16 rport)
{
    tcp_sock *tp;
    list_for_each_entry(tp, &tcp_ehash[ehashfn(laddr, lport, raddr, rport)], hash_node) {
        inet_sock *in = &tp->inet;
        if (in->inet_sport == lport && in->inet_dport == rport && in->inet_saddr == laddr && in->inet_daddr == raddr)
            return &tp->inet.sk;
    }
    return nullptr;
}

/* Linux: net/ipv4/inet_hashtables.c __inet_lookup_listener() */
static sock *tcp_lookup_listener(__be32 daddr, u16 port)
{
    inet_sock *in;
    sock *wild = nullptr;
    list_for_each_entry(in, inet_bind_chain(&tcp_bind_table, port), bind_node) {
        if (in->inet_num != port || in->sk.sk_state != TCP_LISTEN)
            continue;
        if (in->inet_rcv_saddr == daddr)
            return &in->sk;
        if (in->inet_rcv_saddr == INADDR_ANY)
            wild = &in->sk;
    }
    return wild;
}

extern "C" void tcp_set_state(sock *sk, int state)
{
    if (state == TCP_ESTABLISHED)
        tcp_sk(sk)->was_connected = true;
    sk->sk_state = (u8)state;
}

static void tcp_unlink_child(tcp_sock *child)
{
    tcp_sock *parent = child->parent;
    if (!parent)
        return;
    list_del_init(&child->child_node);
    if (child->inet.sk.sk_state == TCP_SYN_RECV)
        parent->syn_count--;
    else
        parent->inet.sk.sk_ack_backlog--;
    child->parent = nullptr;
}

/* Linux: net/ipv4/tcp.c tcp_done(): the connection is over; drops the table's reference
 * (and, for a child nobody accepted, the one its socket would have taken). */
extern "C" void tcp_done(sock *sk)
{
    tcp_sock *tp = tcp_sk(sk);
    bool orphan_child = tp->parent != nullptr;
    if (sk->sk_state == TCP_SYN_SENT || sk->sk_state == TCP_SYN_RECV)
        net_stats.tcp_attempt_fails++;
    if (orphan_child) {
        tcp_unlink_child(tp);
    }
    tcp_set_state(sk, TCP_CLOSE);
    sk->sk_shutdown = SHUTDOWN_MASK;
    del_timer(&tp->retransmit_timer);
    del_timer(&tp->timewait_timer);
    skb_queue_purge(&sk->sk_write_queue);
    skb_queue_purge(&tp->out_of_order_queue);
    tp->send_head = nullptr;
    inet_put_port(sk);
    sk_wake(sk);
    sock_hold(sk);
    tcp_unhash(sk);
    if (orphan_child)
        sock_put(sk);
    sock_put(sk);
}

extern "C" void tcp_time_wait(sock *sk, unsigned long timeo)
{
    tcp_sock *tp = tcp_sk(sk);
    tcp_set_state(sk, TCP_TIME_WAIT);
    del_timer(&tp->retransmit_timer);
    skb_queue_purge(&sk->sk_write_queue);
    tp->send_head = nullptr;
    mod_timer(&tp->timewait_timer, jiffies + timeo);
}

/* Linux: net/ipv4/tcp_input.c tcp_reset() */
static void tcp_reset(sock *sk)
{
    switch (sk->sk_state) {
    case TCP_SYN_SENT: sk->sk_err = ECONNREFUSED; break;
    case TCP_CLOSE_WAIT: sk->sk_err = EPIPE; break;
    case TCP_CLOSE: return;
    default: sk->sk_err = ECONNRESET; break;
    }
    if (sk->sk_state == TCP_ESTABLISHED || sk->sk_state == TCP_CLOSE_WAIT)
        net_stats.tcp_estab_resets++;
    tcp_done(sk);
}

static u16 tcp_parse_mss(const tcphdr *th)
{
    const u8 *p = (const u8 *)(th + 1), *end = (const u8 *)th + th->doff * 4;
    while (p < end) {
        if (*p == 0)
            break;
        if (*p == 1) {
            p++;
            continue;
        }
        if (p + 1 >= end || p[1] < 2 || p + p[1] > end)
            break;
        if (p[0] == 2 && p[1] == 4)
            return (u16)(p[2] << 8 | p[3]);
        p += p[1];
    }
    return TCP_MSS_DEFAULT;
}

/* Linux: net/ipv4/tcp_input.c tcp_clean_rtx_queue(): frees what the peer acknowledged */
static void tcp_clean_rtx_queue(sock *sk, u32 ack)
{
    tcp_sock *tp = tcp_sk(sk);
    sk_buff *skb;
    while ((skb = skb_peek(&sk->sk_write_queue)) != nullptr) {
        tcp_skb_cb *cb = TCP_SKB_CB(skb);
        if (!after(cb->end_seq, ack)) {
            if (skb == tp->send_head)
                tp->send_head = skb_queue_is_last(&sk->sk_write_queue, skb) ? nullptr : skb->next;
            skb_unlink(skb, &sk->sk_write_queue);
            kfree_skb(skb);
            continue;
        }
        if (after(ack, cb->seq)) { /* partly acknowledged: drop the front */
            u32 n = ack - cb->seq;
            if (cb->tcp_flags & TCPHDR_SYN)
                n--;
            skb_queue_pull(&sk->sk_write_queue, skb, min(n, skb->len));
            cb->seq = ack;
            cb->tcp_flags &= (u8)~TCPHDR_SYN;
        }
        break;
    }
}

/* Linux: net/ipv4/tcp_input.c tcp_ack() */
static void tcp_ack(sock *sk, tcp_skb_cb *cb)
{
    tcp_sock *tp = tcp_sk(sk);
    u32 ack = cb->ack_seq;
    if (before(tp->snd_wl1, cb->seq) || (tp->snd_wl1 == cb->seq && !before(ack, tp->snd_wl2))) {
        tp->snd_wnd = cb->window;
        tp->snd_wl1 = cb->seq;
        tp->snd_wl2 = ack;
    }
    if (after(ack, tp->snd_una)) {
        tp->snd_una = ack;
        if (after(ack, tp->snd_nxt))
            tp->snd_nxt = ack;
        tcp_clean_rtx_queue(sk, ack);
        tp->retransmits = 0;
        tp->rto = TCP_RTO_INIT;
        del_timer(&tp->retransmit_timer);
        sk_wake(sk); /* writers waiting for send space */
    }
    tcp_rearm_rto(sk);
}

/* Linux: net/ipv4/tcp_input.c tcp_fin() */
static void tcp_fin(sock *sk)
{
    sk->sk_shutdown |= RCV_SHUTDOWN;
    switch (sk->sk_state) {
    case TCP_SYN_RECV:
    case TCP_ESTABLISHED:
        tcp_set_state(sk, TCP_CLOSE_WAIT);
        break;
    case TCP_FIN_WAIT1:
        tcp_set_state(sk, TCP_CLOSING);
        break;
    case TCP_FIN_WAIT2:
        tcp_time_wait(sk, TCP_TIMEWAIT_LEN);
        break;
    }
    sk_wake(sk);
}

/* An in-order segment: its data joins the receive queue, its FIN ends the stream. */
static void tcp_queue_in_order(sock *sk, sk_buff *skb)
{
    tcp_sock *tp = tcp_sk(sk);
    bool fin = TCP_SKB_CB(skb)->tcp_flags & TCPHDR_FIN;
    if (skb->len) {
        tp->rcv_nxt += skb->len;
        if (sk->sk_shutdown & RCV_SHUTDOWN) {
            kfree_skb(skb);
        } else {
            skb_queue_tail(&sk->sk_receive_queue, skb);
            sk_wake(sk);
        }
    } else {
        kfree_skb(skb);
    }
    if (fin) {
        tp->rcv_nxt++;
        tcp_fin(sk);
    }
}

/* Linux: net/ipv4/tcp_input.c tcp_data_queue(): skb->data is the payload */
static void tcp_data_queue(sock *sk, sk_buff *skb)
{
    tcp_sock *tp = tcp_sk(sk);
    tcp_skb_cb *cb = TCP_SKB_CB(skb);
    if (sk->sk_dead && skb->len &&
        (sk->sk_state == TCP_FIN_WAIT1 || sk->sk_state == TCP_FIN_WAIT2)) {
        /* closed: nobody will ever read this (RFC 9293 3.10.4 ABORT) */
        kfree_skb(skb);
        tcp_send_active_reset(sk);
        tcp_done(sk);
        return;
    }
    if (before(cb->seq, tp->rcv_nxt)) {
        u32 dup = tp->rcv_nxt - cb->seq;
        if (dup >= skb->len + ((cb->tcp_flags & TCPHDR_FIN) ? 1 : 0)) {
            net_stats.tcp_dup_segs++;
            kfree_skb(skb);
            tcp_send_ack(sk);
            return;
        }
        skb_pull(skb, min(dup, skb->len));
        cb->seq = tp->rcv_nxt;
    }
    if (cb->seq == tp->rcv_nxt) {
        tcp_queue_in_order(sk, skb);
        /* the gap may be filled now */
        sk_buff *o;
        while ((o = skb_peek(&tp->out_of_order_queue)) != nullptr && !after(TCP_SKB_CB(o)->seq, tp->rcv_nxt)) {
            skb_unlink(o, &tp->out_of_order_queue);
            tcp_skb_cb *ocb = TCP_SKB_CB(o);
            u32 dup = tp->rcv_nxt - ocb->seq;
            if (!before(tp->rcv_nxt, ocb->end_seq)) {
                kfree_skb(o);
                continue;
            }
            skb_pull(o, min(dup, o->len));
            ocb->seq = tp->rcv_nxt;
            tcp_queue_in_order(sk, o);
        }
        tcp_send_ack(sk);
        return;
    }
    /* out of order: keep it, sorted by seq, and tell the peer what we miss (a dup ACK) */
    sk_buff *pos;
    skb_queue_walk(&tp->out_of_order_queue, pos)
    {
        tcp_skb_cb *pcb = TCP_SKB_CB(pos);
        if (!before(pcb->seq, cb->seq) ) {
            if (pcb->seq == cb->seq && !before(pcb->end_seq, cb->end_seq)) {
                net_stats.tcp_dup_segs++;
                kfree_skb(skb);
                tcp_send_ack(sk);
                return;
            }
            break;
        }
    }
    net_stats.tcp_ofo_queued++;
    skb_insert_before(&tp->out_of_order_queue, pos, skb);
    tcp_send_ack(sk);
}

/* Linux: net/ipv4/tcp_input.c tcp_oow_rate_limited(). The ACK that answers an invalid segment
 * (outside the window, acknowledging data never sent, a challenge ACK) goes out at most once
 * per TCP_INVALID_RATELIMIT. Two ends that disagree about the sequence space would otherwise
 * answer each other's ACKs forever: on the loopback that loop never leaves the bottom half. */
static void tcp_send_oow_ack(sock *sk)
{
    tcp_sock *tp = tcp_sk(sk);
    unsigned long now = jiffies;
    if (tp->oow_ack_sent && now - tp->last_oow_ack_time < TCP_INVALID_RATELIMIT) {
        net_stats.tcp_ack_skipped++;
        return;
    }
    tp->oow_ack_sent = true; /* jiffies may be 0: a flag, not a zero time, says "never" */
    tp->last_oow_ack_time = now;
    tcp_send_ack(sk);
}

/* RFC 9293 3.10.7.4 first check: is the segment in the window we offered? */
static bool tcp_sequence_ok(const tcp_sock *tp, const tcp_skb_cb *cb)
{
    u32 wnd = tp->rcv_wup + tp->rcv_wnd - tp->rcv_nxt;
    if ((s32)wnd < 0)
        wnd = 0;
    u32 len = cb->end_seq - cb->seq;
    if (len == 0) {
        if (wnd == 0)
            return cb->seq == tp->rcv_nxt;
        return !before(cb->seq, tp->rcv_nxt) && before(cb->seq, tp->rcv_nxt + wnd);
    }
    if (wnd == 0)
        return false;
    return (!before(cb->seq, tp->rcv_nxt) && before(cb->seq, tp->rcv_nxt + wnd)) ||
           (!before(cb->end_seq - 1, tp->rcv_nxt) && before(cb->end_seq - 1, tp->rcv_nxt + wnd));
}

/* Linux: net/ipv4/tcp_ipv4.c tcp_v4_syn_recv_sock() via tcp_conn_request(): a SYN to a
 * listener makes a child in SYN_RECV, answered with SYN+ACK. */
static void tcp_listen_rcv(sock *lsk, sk_buff *skb)
{
    tcp_sock *lp = tcp_sk(lsk);
    tcp_skb_cb *cb = TCP_SKB_CB(skb);
    const tcphdr *th = (const tcphdr *)skb_transport_header(skb);
    const iphdr *iph = ip_hdr(skb);
    if (th->rst)
        goto drop;
    if (th->ack) {
        tcp_send_reset_reply(skb);
        goto drop;
    }
    if (!th->syn)
        goto drop;
    if (lsk->sk_ack_backlog + lp->syn_count > lsk->sk_max_ack_backlog) {
        net_stats.tcp_listen_drops++; /* the client's SYN timer will try again */
        goto drop;
    }
    {
        sock *sk = sk_alloc(&init_net, AF_INET, GFP_ATOMIC, &tcp_prot);
        if (!sk)
            goto drop;
        tcp_init_sock(sk);
        sk->sk_type = SOCK_STREAM;
        sk->sk_protocol = IPPROTO_TCP;
        sk->sk_rcvbuf = lsk->sk_rcvbuf;
        sk->sk_sndbuf = lsk->sk_sndbuf;
        sk->sk_reuseaddr = lsk->sk_reuseaddr;
        sk->sk_keepalive = lsk->sk_keepalive;
        tcp_sock *tp = tcp_sk(sk);
        inet_sock *in = &tp->inet;
        in->inet_rcv_saddr = in->inet_saddr = iph->daddr;
        in->inet_daddr = iph->saddr;
        in->inet_dport = th->source;
        in->uc_ttl = inet_sk(lsk)->uc_ttl;
        inet_inherit_port(&tcp_bind_table, lsk, sk);
        tp->irs = cb->seq;
        tp->rcv_nxt = cb->seq + 1;
        tp->rcv_wup = tp->rcv_nxt;
        tp->iss = net_random();
        tp->snd_una = tp->snd_nxt = tp->snd_max = tp->write_seq = tp->iss;
        tp->snd_wnd = cb->window;
        tp->snd_wl1 = cb->seq;
        tp->snd_wl2 = tp->iss;
        tp->mss = min(tp->advmss, tcp_parse_mss(th));
        tcp_set_state(sk, TCP_SYN_RECV);
        tp->parent = lp;
        list_add_tail(&tp->child_node, &lp->syn_queue);
        lp->syn_count++;
        tcp_hash(sk);
        net_stats.tcp_passive_opens++;
        tcp_queue_control(sk, TCPHDR_SYN); /* SYN+ACK: every state past SYN_SENT adds ACK */
    }
drop:
    kfree_skb(skb);
}

/* RFC 9293 3.10.7.3: SEGMENT ARRIVES in SYN-SENT */
static void tcp_rcv_synsent(sock *sk, sk_buff *skb)
{
    tcp_sock *tp = tcp_sk(sk);
    tcp_skb_cb *cb = TCP_SKB_CB(skb);
    const tcphdr *th = (const tcphdr *)skb_transport_header(skb);
    if (th->ack && (!after(cb->ack_seq, tp->iss) || after(cb->ack_seq, tp->snd_max))) {
        tcp_send_reset_reply(skb);
        goto drop;
    }
    if (th->rst) {
        if (th->ack)
            tcp_reset(sk); /* connection refused */
        goto drop;
    }
    if (!th->syn)
        goto drop;
    tp->irs = cb->seq;
    tp->rcv_nxt = cb->seq + 1;
    tp->rcv_wup = tp->rcv_nxt;
    tp->mss = min(tp->advmss, tcp_parse_mss(th));
    if (th->ack) {
        tp->snd_una = cb->ack_seq;
        tcp_clean_rtx_queue(sk, cb->ack_seq);
        tp->snd_wnd = cb->window;
        tp->snd_wl1 = cb->seq;
        tp->snd_wl2 = cb->ack_seq;
        tp->retransmits = 0;
        tp->rto = TCP_RTO_INIT;
        del_timer(&tp->retransmit_timer);
        tcp_set_state(sk, TCP_ESTABLISHED);
        if (sk->sk_socket)
            sk->sk_socket->state = SS_CONNECTED;
        tcp_send_ack(sk);
        tcp_push(sk);
        sk_wake(sk);
    } else {
        /* simultaneous open: send our SYN again, now with an ACK */
        tcp_set_state(sk, TCP_SYN_RECV);
        tp->send_head = skb_peek(&sk->sk_write_queue);
        tp->snd_nxt = tp->snd_una;
        tcp_push(sk);
    }
drop:
    kfree_skb(skb);
}

/* Linux: net/ipv4/tcp_input.c tcp_rcv_state_process() (RFC 9293 3.10.7.4) */
static void tcp_rcv_state_process(sock *sk, sk_buff *skb)
{
    tcp_sock *tp = tcp_sk(sk);
    tcp_skb_cb *cb = TCP_SKB_CB(skb);
    switch (sk->sk_state) {
    case TCP_CLOSE:
        tcp_send_reset_reply(skb);
        kfree_skb(skb);
        return;
    case TCP_LISTEN:
        tcp_listen_rcv(sk, skb);
        return;
    case TCP_SYN_SENT:
        tcp_rcv_synsent(sk, skb);
        return;
    }
    u8 flags = cb->tcp_flags;
    if (!tcp_sequence_ok(tp, cb)) {
        if (!after(cb->end_seq, tp->rcv_nxt) && cb->end_seq != cb->seq)
            net_stats.tcp_dup_segs++; /* a retransmission of what we already have */
        if (!(flags & TCPHDR_RST))
            tcp_send_oow_ack(sk);
        if (sk->sk_state == TCP_TIME_WAIT && (flags & TCPHDR_FIN))
            mod_timer(&tp->timewait_timer, jiffies + TCP_TIMEWAIT_LEN);
        goto drop;
    }
    if (flags & TCPHDR_RST) {
        if (cb->seq == tp->rcv_nxt)
            tcp_reset(sk);
        else
            tcp_send_oow_ack(sk); /* challenge ACK (RFC 5961 3.2) */
        goto drop;
    }
    if (flags & TCPHDR_SYN) {
        tcp_send_oow_ack(sk); /* challenge ACK (RFC 5961 4.2) */
        goto drop;
    }
    if (!(flags & TCPHDR_ACK))
        goto drop;
    if (sk->sk_state == TCP_SYN_RECV) {
        if (!after(cb->ack_seq, tp->snd_una) || after(cb->ack_seq, tp->snd_max)) {
            tcp_send_reset_reply(skb);
            goto drop;
        }
        tcp_set_state(sk, TCP_ESTABLISHED);
        tcp_sock *parent = tp->parent;
        if (parent) {
            list_del_init(&tp->child_node);
            parent->syn_count--;
            list_add_tail(&tp->child_node, &parent->accept_queue);
            parent->inet.sk.sk_ack_backlog++;
            sk_wake(&parent->inet.sk);
        }
    }
    if (after(cb->ack_seq, tp->snd_max)) {
        tcp_send_oow_ack(sk); /* it acknowledges what we never sent */
        goto drop;
    }
    tcp_ack(sk, cb);
    {
        bool fin_acked = tp->fin_queued && tp->snd_una == tp->write_seq;
        switch (sk->sk_state) {
        case TCP_FIN_WAIT1:
            if (fin_acked) {
                tcp_set_state(sk, TCP_FIN_WAIT2);
                if (sk->sk_dead)
                    mod_timer(&tp->timewait_timer, jiffies + TCP_FIN_TIMEOUT);
            }
            break;
        case TCP_CLOSING:
            if (fin_acked)
                tcp_time_wait(sk, TCP_TIMEWAIT_LEN);
            break;
        case TCP_LAST_ACK:
            if (fin_acked) {
                tcp_done(sk);
                goto drop;
            }
            break;
        }
    }
    if (skb->len || (flags & TCPHDR_FIN)) {
        switch (sk->sk_state) {
        case TCP_ESTABLISHED:
        case TCP_FIN_WAIT1:
        case TCP_FIN_WAIT2:
            tcp_data_queue(sk, skb);
            if (sk->sk_state != TCP_CLOSE)
                tcp_push(sk);
            return;
        default:
            break; /* the peer already sent its FIN: ignore */
        }
    }
    if (sk->sk_state != TCP_CLOSE)
        tcp_push(sk);
drop:
    kfree_skb(skb);
}

/* Linux: net/ipv4/tcp_ipv4.c tcp_v4_rcv() */
extern "C" int tcp_v4_rcv(sk_buff *skb)
{
    const iphdr *iph = ip_hdr(skb);
    net_stats.tcp_in_segs++;
    if (skb->len < sizeof(tcphdr))
        goto bad;
    {
        tcphdr *th = (tcphdr *)skb->data;
        unsigned int hlen = th->doff * 4u;
        if (hlen < sizeof(tcphdr) || hlen > skb->len)
            goto bad;
        if (!skb->csum_valid &&
            csum_tcpudp_magic(iph->saddr, iph->daddr, skb->len, IPPROTO_TCP, csum_partial(th, skb->len, 0)) != 0)
            goto bad;
        tcp_skb_cb *cb = TCP_SKB_CB(skb);
        cb->seq = ntohl(th->seq);
        cb->end_seq = cb->seq + th->syn + th->fin + skb->len - hlen;
        cb->ack_seq = ntohl(th->ack_seq);
        cb->window = ntohs(th->window);
        cb->tcp_flags = (u8)((th->fin ? TCPHDR_FIN : 0) | (th->syn ? TCPHDR_SYN : 0) | (th->rst ? TCPHDR_RST : 0) |
                             (th->psh ? TCPHDR_PSH : 0) | (th->ack ? TCPHDR_ACK : 0));
        sock *sk = tcp_lookup(iph->daddr, th->dest, iph->saddr, th->source);
        if (!sk)
            sk = tcp_lookup_listener(iph->daddr, ntohs(th->dest));
        if (!sk) {
            tcp_send_reset_reply(skb);
            kfree_skb(skb);
            return -1;
        }
        skb_pull(skb, hlen);
        sock_hold(sk);
        tcp_rcv_state_process(sk, skb);
        sock_put(sk);
        return 0;
    }
bad:
    net_stats.tcp_in_errs++;
    kfree_skb(skb);
    return -1;
}
