/* ICMP (net/ipv4/icmp.c): echo replies, and destination-unreachable errors both ways. */
#include "net/ip.h"
#include "net/checksum.h"
#include "net/stats.h"
#include "net/inet_sock.h"
#include "kernel/string.h"

/* Linux: net/ipv4/icmp.c icmp_send() */
extern "C" void icmp_send(const sk_buff *skb_in, int type, int code)
{
    const iphdr *iph = ip_hdr(skb_in);
    if (iph->protocol == IPPROTO_ICMP) {
        /* never answer an error with an error (RFC 1122 3.2.2) */
        const icmphdr *ic = (const icmphdr *)((const u8 *)iph + iph->ihl * 4);
        if (ic->type != ICMP_ECHO)
            return;
    }
    unsigned int inner = iph->ihl * 4u + 8u;
    unsigned int avail = (unsigned)(skb_in->tail - (const u8 *)iph);
    if (inner > avail)
        inner = avail;
    sk_buff *skb = alloc_skb(MAX_HEADER + sizeof(icmphdr) + inner, GFP_ATOMIC);
    if (!skb)
        return;
    skb_reserve(skb, MAX_HEADER);
    icmphdr *ic = (icmphdr *)skb_put(skb, sizeof(icmphdr));
    ic->type = (u8)type;
    ic->code = (u8)code;
    ic->checksum = 0;
    ic->id = 0;
    ic->sequence = 0;
    memcpy(skb_put(skb, inner), iph, inner);
    ic->checksum = ip_compute_csum(ic, skb->len);
    net_stats.icmp_out_msgs++;
    if (type == ICMP_DEST_UNREACH)
        net_stats.icmp_out_dest_unreachs++;
    ip_queue_xmit(skb, iph->daddr, iph->saddr, IPPROTO_ICMP, 0);
}

/* Linux: net/ipv4/icmp.c icmp_echo() */
static void icmp_echo(sk_buff *skb)
{
    const iphdr *iph = ip_hdr(skb);
    __be32 saddr = iph->daddr, daddr = iph->saddr;
    sk_buff *r = alloc_skb(MAX_HEADER + skb->len, GFP_ATOMIC);
    if (!r)
        return;
    skb_reserve(r, MAX_HEADER);
    icmphdr *ic = (icmphdr *)skb_put(r, skb->len);
    memcpy(ic, skb->data, skb->len);
    ic->type = ICMP_ECHOREPLY;
    ic->checksum = 0;
    ic->checksum = ip_compute_csum(ic, r->len);
    r->csum_valid = true;
    net_stats.icmp_out_msgs++;
    net_stats.icmp_out_echo_reps++;
    ip_queue_xmit(r, saddr, daddr, IPPROTO_ICMP, 0);
}

/* Linux: net/ipv4/icmp.c icmp_rcv() */
extern "C" int icmp_rcv(sk_buff *skb)
{
    net_stats.icmp_in_msgs++;
    if (skb->len < sizeof(icmphdr) || (!skb->csum_valid && ip_compute_csum(skb->data, skb->len) != 0)) {
        net_stats.icmp_in_errors++;
        kfree_skb(skb);
        return -1;
    }
    const icmphdr *ic = (const icmphdr *)skb->data;
    switch (ic->type) {
    case ICMP_ECHO:
        net_stats.icmp_in_echos++;
        icmp_echo(skb);
        break;
    case ICMP_ECHOREPLY:
        ping_rcv(skb); /* consumes */
        return 0;
    case ICMP_DEST_UNREACH:
        net_stats.icmp_in_dest_unreachs++;
        if (skb->len >= sizeof(icmphdr) + sizeof(iphdr) + 8) {
            const iphdr *inner = (const iphdr *)(skb->data + sizeof(icmphdr));
            unsigned int ihl = inner->ihl * 4u;
            if (ihl >= sizeof(iphdr) && skb->len >= sizeof(icmphdr) + ihl + 8 && inner->protocol == IPPROTO_UDP)
                udp_err(inner, (const u8 *)inner + ihl, ic->type, ic->code);
        }
        break;
    }
    kfree_skb(skb);
    return 0;
}
