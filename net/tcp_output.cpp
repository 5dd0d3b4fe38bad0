/* TCP output (net/ipv4/tcp_output.c, tcp_timer.c): building segments, pushing the write
 * queue within the peer's window, ACKs and RSTs, the retransmission and TIME_WAIT timers.
 *
 * Segments stay on sk_write_queue until acknowledged; what goes to lo is a clone sharing the
 * payload, so nothing is copied again to send or to retransmit. The header is written into
 * the queued buffer's headroom each time the segment is sent. */
#include "net/tcp.h"
#include "net/checksum.h"
#include "net/netdevice.h"
#include "net/stats.h"
#include "kernel/string.h"
#include "uapi/errno.h"

#define TCP_HEADROOM (MAX_HEADER + 24)
#define TCPOLEN_MSS 4

/* Linux: net/ipv4/tcp_output.c tcp_receive_window() / __tcp_select_window() */
extern "C" u32 tcp_receive_window(const tcp_sock *tp)
{
    const sock *sk = &tp->inet.sk;
    long free = (long)sk->sk_rcvbuf - (long)sk->sk_receive_queue.bytes - (long)tp->out_of_order_queue.bytes;
    if (free < 0)
        free = 0;
    /* receiver-side silly window avoidance (RFC 9293 3.8.6.2.2): offer nothing rather
     * than a sliver */
    long sws = min((long)tp->advmss, (long)sk->sk_rcvbuf / 2);
    if (free < sws)
        free = 0;
    u32 win = (u32)min(free, (long)TCP_MAX_WINDOW);
    /* never move the right edge back: the peer may already use what we offered */
    s32 promised = (s32)(tp->rcv_wup + tp->rcv_wnd - tp->rcv_nxt);
    if (promised > 0 && win < (u32)promised)
        win = promised;
    return win;
}

extern "C" u16 tcp_select_window(sock *sk)
{
    tcp_sock *tp = tcp_sk(sk);
    u32 win = tcp_receive_window(tp);
    tp->rcv_wnd = win;
    tp->rcv_wup = tp->rcv_nxt;
    return (u16)win;
}

static void tcp_fill_header(sock *sk, sk_buff *skb, u32 seq, u8 flags, bool mss_opt)
{
    tcp_sock *tp = tcp_sk(sk);
    inet_sock *in = &tp->inet;
    unsigned int hlen = sizeof(tcphdr) + (mss_opt ? TCPOLEN_MSS : 0);
    tcphdr *th = (tcphdr *)skb_push(skb, hlen);
    skb_reset_transport_header(skb);
    memset(th, 0, sizeof(tcphdr));
    th->source = in->inet_sport;
    th->dest = in->inet_dport;
    th->seq = htonl(seq);
    th->doff = (u16)(hlen / 4);
    th->fin = !!(flags & TCPHDR_FIN);
    th->syn = !!(flags & TCPHDR_SYN);
    th->rst = !!(flags & TCPHDR_RST);
    th->psh = !!(flags & TCPHDR_PSH);
    th->ack = !!(flags & TCPHDR_ACK);
    if (th->ack)
        th->ack_seq = htonl(tp->rcv_nxt);
    th->window = htons(tcp_select_window(sk));
    if (mss_opt) {
        u8 *opt = (u8 *)(th + 1);
        opt[0] = 2; /* kind: MSS */
        opt[1] = TCPOLEN_MSS;
        opt[2] = (u8)(tp->advmss >> 8);
        opt[3] = (u8)tp->advmss;
    }
    /* Segments never leave this host: like Linux's loopback (checksum offload, CHECKSUM_PARTIAL)
     * the receiver trusts them without a checksum. The capture is the one outside reader, so
     * the checksum is computed only while it is on and tshark sees valid segments. */
    th->check = 0;
    if (unlikely(net_capture_enabled()))
        th->check = csum_tcpudp_magic(in->inet_saddr, in->inet_daddr, skb->len, IPPROTO_TCP,
                                      csum_partial(th, skb->len, 0));
    skb->csum_valid = true;
}

static int tcp_xmit(sock *sk, sk_buff *skb)
{
    net_stats.tcp_out_segs++;
    inet_sock *in = inet_sk(sk);
    return ip_queue_xmit(skb, in->inet_saddr, in->inet_daddr, IPPROTO_TCP, in->uc_ttl);
}

/* Linux: net/ipv4/tcp_output.c tcp_transmit_skb(): sends a clone of a queued segment */
extern "C" int tcp_transmit_skb(sock *sk, sk_buff *skb)
{
    tcp_skb_cb *cb = TCP_SKB_CB(skb);
    u8 flags = cb->tcp_flags;
    if (sk->sk_state != TCP_SYN_SENT)
        flags |= TCPHDR_ACK;
    u8 *saved_data = skb->data;
    unsigned int saved_len = skb->len;
    tcp_fill_header(sk, skb, cb->seq, flags, (flags & TCPHDR_SYN) != 0);
    sk_buff *c = skb_clone(skb, GFP_ATOMIC);
    skb->data = saved_data;
    skb->len = saved_len;
    if (!c)
        return -ENOBUFS;
    return tcp_xmit(sk, c);
}

/* Splits an unsent segment so its first part is len bytes (Linux: tcp_fragment()). */
static int tcp_fragment(sock *sk, sk_buff *skb, unsigned int len)
{
    unsigned int rest = skb->len - len;
    sk_buff *n = alloc_skb(TCP_HEADROOM + rest, GFP_ATOMIC);
    if (!n)
        return -ENOBUFS;
    skb_reserve(n, TCP_HEADROOM);
    memcpy(skb_put(n, rest), skb->data + len, rest);
    tcp_skb_cb *cb = TCP_SKB_CB(skb), *ncb = TCP_SKB_CB(n);
    ncb->seq = cb->seq + len;
    ncb->end_seq = cb->end_seq;
    ncb->tcp_flags = cb->tcp_flags;
    cb->end_seq = cb->seq + len;
    cb->tcp_flags &= (u8)~(TCPHDR_FIN | TCPHDR_PSH);
    sk_buff_head *q = &sk->sk_write_queue;
    q->bytes -= rest;
    skb_trim(skb, len);
    skb_insert_before(q, skb->next, n);
    return 0;
}

/* Linux: net/ipv4/tcp_output.c tcp_write_xmit(): sends what the peer's window allows */
extern "C" void tcp_push(sock *sk)
{
    tcp_sock *tp = tcp_sk(sk);
    while (tp->send_head) {
        sk_buff *skb = tp->send_head;
        tcp_skb_cb *cb = TCP_SKB_CB(skb);
        u32 wnd_end = tp->snd_una + tp->snd_wnd;
        if (skb->len && after(cb->end_seq, wnd_end)) {
            u32 usable = after(wnd_end, tp->snd_nxt) ? wnd_end - tp->snd_nxt : 0;
            /* sender-side silly window avoidance: wait for an ACK rather than send crumbs */
            if (!usable || (usable < tp->mss / 2 && tp->snd_una != tp->snd_nxt))
                break;
            if (tcp_fragment(sk, skb, usable))
                break;
        }
        if (tcp_transmit_skb(sk, skb))
            break;
        if (after(cb->end_seq, tp->snd_nxt))
            tp->snd_nxt = cb->end_seq;
        if (after(cb->end_seq, tp->snd_max))
            tp->snd_max = cb->end_seq;
        else
            net_stats.tcp_retrans_segs++;
        tp->send_head = skb_queue_is_last(&sk->sk_write_queue, skb) ? nullptr : skb->next;
    }
    tcp_rearm_rto(sk);
}

extern "C" void tcp_rearm_rto(sock *sk)
{
    tcp_sock *tp = tcp_sk(sk);
    bool outstanding = tp->snd_una != tp->snd_nxt;
    bool blocked = tp->send_head && tp->snd_wnd == 0; /* zero window: probe later */
    if (outstanding || blocked) {
        if (!timer_pending(&tp->retransmit_timer))
            mod_timer(&tp->retransmit_timer, jiffies + tp->rto);
    } else if (timer_pending(&tp->retransmit_timer)) {
        del_timer(&tp->retransmit_timer);
    }
}

extern "C" int tcp_queue_control(sock *sk, u8 flags)
{
    tcp_sock *tp = tcp_sk(sk);
    sk_buff *skb = alloc_skb(TCP_HEADROOM, GFP_KERNEL);
    if (!skb)
        return -ENOBUFS;
    skb_reserve(skb, TCP_HEADROOM);
    tcp_skb_cb *cb = TCP_SKB_CB(skb);
    cb->seq = tp->write_seq;
    cb->end_seq = tp->write_seq + 1;
    cb->tcp_flags = flags;
    tp->write_seq++;
    skb_queue_tail(&sk->sk_write_queue, skb);
    if (!tp->send_head)
        tp->send_head = skb;
    tcp_push(sk);
    return 0;
}

static sk_buff *alloc_ctl_skb(void)
{
    sk_buff *skb = alloc_skb(TCP_HEADROOM, GFP_ATOMIC);
    if (skb)
        skb_reserve(skb, TCP_HEADROOM);
    return skb;
}

/* Linux: net/ipv4/tcp_output.c tcp_send_ack() */
extern "C" void tcp_send_ack(sock *sk)
{
    sk_buff *skb = alloc_ctl_skb();
    if (!skb)
        return;
    tcp_fill_header(sk, skb, tcp_sk(sk)->snd_nxt, TCPHDR_ACK, false);
    tcp_xmit(sk, skb);
}

/* A window probe: an old sequence number makes the peer answer with its window. */
static void tcp_send_probe(sock *sk)
{
    sk_buff *skb = alloc_ctl_skb();
    if (!skb)
        return;
    tcp_fill_header(sk, skb, tcp_sk(sk)->snd_una - 1, TCPHDR_ACK, false);
    tcp_xmit(sk, skb);
}

/* Linux: net/ipv4/tcp_output.c tcp_send_active_reset() */
extern "C" void tcp_send_active_reset(sock *sk)
{
    sk_buff *skb = alloc_ctl_skb();
    if (!skb)
        return;
    tcp_fill_header(sk, skb, tcp_sk(sk)->snd_nxt, TCPHDR_RST | TCPHDR_ACK, false);
    net_stats.tcp_out_rsts++;
    tcp_xmit(sk, skb);
}

/* Linux: net/ipv4/tcp_ipv4.c tcp_v4_send_reset(): answers a segment no connection wants.
 * skb->data is at the TCP header, the IP header is still in front. */
extern "C" void tcp_send_reset_reply(sk_buff *in)
{
    const tcphdr *th = (const tcphdr *)skb_transport_header(in);
    const iphdr *iph = ip_hdr(in);
    unsigned int seg_bytes = (unsigned)(in->tail - (const u8 *)th);
    if (th->rst)
        return;
    sk_buff *skb = alloc_ctl_skb();
    if (!skb)
        return;
    tcphdr *r = (tcphdr *)skb_push(skb, sizeof(tcphdr));
    memset(r, 0, sizeof(*r));
    r->source = th->dest;
    r->dest = th->source;
    r->doff = 5;
    r->rst = 1;
    if (th->ack) {
        r->seq = th->ack_seq;
    } else {
        u32 seglen = seg_bytes - th->doff * 4u + th->syn + th->fin;
        r->ack = 1;
        r->ack_seq = htonl(ntohl(th->seq) + seglen);
    }
    r->check = csum_tcpudp_magic(iph->daddr, iph->saddr, sizeof(tcphdr), IPPROTO_TCP,
                                 csum_partial(r, sizeof(tcphdr), 0));
    skb->csum_valid = true;
    net_stats.tcp_out_segs++;
    net_stats.tcp_out_rsts++;
    ip_queue_xmit(skb, iph->daddr, iph->saddr, IPPROTO_TCP, 0);
}

/* Linux: net/ipv4/tcp_timer.c tcp_retransmit_timer(): go back to snd_una and send again */
extern "C" void tcp_retransmit_timer(timer_list *t)
{
    tcp_sock *tp = container_of(t, tcp_sock, retransmit_timer);
    sock *sk = &tp->inet.sk;
    if (sk->sk_state == TCP_CLOSE || sk->sk_state == TCP_LISTEN)
        return;
    sock_hold(sk);
    if (tp->snd_una == tp->snd_nxt) {
        if (tp->send_head && tp->snd_wnd == 0)
            tcp_send_probe(sk);
        mod_timer(&tp->retransmit_timer, jiffies + min(tp->rto * 2, (unsigned long)TCP_RTO_MAX));
        sock_put(sk);
        return;
    }
    if (++tp->retransmits > TCP_MAX_RETRIES) {
        sk->sk_err = sk->sk_state == TCP_SYN_SENT ? ECONNREFUSED : ETIMEDOUT;
        tcp_send_active_reset(sk);
        tcp_done(sk);
        sock_put(sk);
        return;
    }
    tp->rto = min(tp->rto * 2, (unsigned long)TCP_RTO_MAX);
    tp->send_head = skb_peek(&sk->sk_write_queue);
    tp->snd_nxt = tp->snd_una;
    /* resend at least the first segment even if the window has closed meanwhile */
    if (tp->send_head) {
        sk_buff *skb = tp->send_head;
        tcp_transmit_skb(sk, skb);
        net_stats.tcp_retrans_segs++;
        tp->snd_nxt = TCP_SKB_CB(skb)->end_seq;
        tp->send_head = skb_queue_is_last(&sk->sk_write_queue, skb) ? nullptr : skb->next;
    }
    mod_timer(&tp->retransmit_timer, jiffies + tp->rto);
    sock_put(sk);
}

/* Linux: net/ipv4/tcp_minisocks.c tcp_time_wait() expiry, and the orphan FIN_WAIT2 limit */
extern "C" void tcp_timewait_timer(timer_list *t)
{
    tcp_sock *tp = container_of(t, tcp_sock, timewait_timer);
    sock *sk = &tp->inet.sk;
    if (sk->sk_state == TCP_FIN_WAIT2 || sk->sk_state == TCP_TIME_WAIT || sk->sk_state == TCP_FIN_WAIT1 ||
        sk->sk_state == TCP_CLOSING || sk->sk_state == TCP_LAST_ACK) {
        if (sk->sk_state != TCP_TIME_WAIT)
            tcp_send_active_reset(sk);
        tcp_done(sk);
    }
}
