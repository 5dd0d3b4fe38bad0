/* IPv4 output and input (net/ipv4/ip_output.c, ip_input.c), no options, no fragments.
 * Every bad packet is dropped and counted in net_stats (see /proc/net/snmp). */
#include "net/ip.h"
#include "net/checksum.h"
#include "net/netdevice.h"
#include "net/stats.h"
#include "kernel/string.h"
#include "uapi/errno.h"

static u16 ip_ident = 1;

/* The route to daddr: 127.0.0.0/8 (and 0.0.0.0, this host) go to lo while lo is up; there
 * is no other route. */
extern "C" int ip_route_output(__be32 daddr)
{
    if (!netif_running(&loopback_dev))
        return -ENETUNREACH;
    return inet_addr_is_local(daddr) || daddr == INADDR_ANY ? 0 : -ENETUNREACH;
}

/* Linux: net/ipv4/ip_output.c ip_queue_xmit() */
extern "C" int ip_queue_xmit(sk_buff *skb, __be32 saddr, __be32 daddr, u8 protocol, u8 ttl)
{
    if (daddr == INADDR_ANY) /* 0.0.0.0 means this host, as on Linux */
        daddr = loopback_dev.ip_addr;
    if (ip_route_output(daddr)) {
        net_stats.ip_out_discards++;
        kfree_skb(skb);
        return -ENETUNREACH;
    }
    if (skb->len + sizeof(iphdr) > 65535) {
        net_stats.ip_out_discards++;
        kfree_skb(skb);
        return -EMSGSIZE;
    }
    iphdr *iph = (iphdr *)skb_push(skb, sizeof(iphdr));
    skb_reset_network_header(skb);
    iph->version = 4;
    iph->ihl = 5;
    iph->tos = 0;
    iph->tot_len = htons((u16)skb->len);
    iph->id = htons(ip_ident++);
    iph->frag_off = htons(IP_DF);
    iph->ttl = ttl ? ttl : IPDEFTTL;
    iph->protocol = protocol;
    iph->saddr = saddr ? saddr : loopback_dev.ip_addr;
    iph->daddr = daddr;
    iph->check = 0;
    iph->check = ip_compute_csum(iph, sizeof(iphdr));
    net_stats.ip_out_requests++;
    skb->dev = &loopback_dev;
    return dev_queue_xmit(skb);
}

static int ip_drop(sk_buff *skb, u32 *counter)
{
    (*counter)++;
    kfree_skb(skb);
    return -1;
}

/* Linux: net/ipv4/ip_input.c ip_rcv() -> ip_rcv_finish() -> ip_local_deliver_finish() */
extern "C" int ip_rcv(sk_buff *skb, net_device *)
{
    net_stats.ip_in_receives++;
    if (skb->len < sizeof(iphdr))
        return ip_drop(skb, &net_stats.ip_in_hdr_errors);
    skb_reset_network_header(skb);
    const iphdr *iph = ip_hdr(skb);
    unsigned int hlen = iph->ihl * 4u;
    if (iph->version != 4 || iph->ihl < 5 || skb->len < hlen)
        return ip_drop(skb, &net_stats.ip_in_hdr_errors);
    if (!skb->csum_valid && ip_compute_csum(iph, hlen) != 0)
        return ip_drop(skb, &net_stats.ip_in_hdr_errors);
    unsigned int len = ntohs(iph->tot_len);
    if (len > skb->len || len < hlen)
        return ip_drop(skb, &net_stats.ip_in_hdr_errors);
    if (iph->ttl == 0)
        return ip_drop(skb, &net_stats.ip_in_hdr_errors);
    if (ntohs(iph->frag_off) & (IP_MF | IP_OFFSET)) /* we never fragment; nor reassemble */
        return ip_drop(skb, &net_stats.ip_in_discards);
    if (!inet_addr_is_local(iph->daddr))
        return ip_drop(skb, &net_stats.ip_in_addr_errors);
    skb_trim(skb, len);
    skb_pull(skb, hlen);
    skb_reset_transport_header(skb);
    switch (iph->protocol) {
    case IPPROTO_TCP:
        net_stats.ip_in_delivers++;
        return tcp_v4_rcv(skb);
    case IPPROTO_UDP:
        net_stats.ip_in_delivers++;
        return udp_rcv(skb);
    case IPPROTO_ICMP:
        net_stats.ip_in_delivers++;
        return icmp_rcv(skb);
    }
    icmp_send(skb, ICMP_DEST_UNREACH, ICMP_PROT_UNREACH);
    return ip_drop(skb, &net_stats.ip_in_unknown_protos);
}
