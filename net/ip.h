/* IPv4 (include/uapi/linux/ip.h, include/net/ip.h): the header, output and input.
 * One route: every 127.0.0.0/8 address is lo; anything else is unreachable. */
#pragma once
#include "kernel/types.h"
#include "net/skbuff.h"
#include "net/uapi.h"

struct net_device;
struct sock;

struct iphdr {
    u8 ihl : 4, version : 4; /* little-endian bit order, as Linux's __LITTLE_ENDIAN_BITFIELD */
    u8 tos;
    __be16 tot_len;
    __be16 id;
    __be16 frag_off;
    u8 ttl;
    u8 protocol;
    __sum16 check;
    __be32 saddr;
    __be32 daddr;
};
static_assert(sizeof(iphdr) == 20 && offsetof(iphdr, saddr) == 12);

#define IP_DF 0x4000
#define IP_MF 0x2000
#define IP_OFFSET 0x1fff
#define IPDEFTTL 64
/* headroom every protocol reserves in front of its header */
#define MAX_HEADER 64

static inline iphdr *ip_hdr(const sk_buff *skb) { return (iphdr *)skb_network_header(skb); }

/* True for addresses this host owns: 127.0.0.0/8 (all of it answers on lo, as Linux). */
static inline bool ipv4_is_loopback(__be32 addr) { return (addr & 0xff) == 127; }
static inline bool inet_addr_is_local(__be32 addr) { return ipv4_is_loopback(addr); }
/* 127.0.0.1, network order: where INADDR_ANY destinations go */
static inline constexpr __be32 loopback_daddr() { return 0x0100007f; }

extern "C" {
/* Linux: net/ipv4/ip_output.c ip_queue_xmit() (ip_build_and_send_pkt): pushes the IP header
 * in front of skb->data and hands the packet to lo. Consumes skb. */
int ip_queue_xmit(sk_buff *skb, __be32 saddr, __be32 daddr, u8 protocol, u8 ttl);
/* Linux: net/ipv4/ip_input.c ip_rcv(): checks and demultiplexes one received packet. */
int ip_rcv(sk_buff *skb, net_device *dev);
/* 0 when daddr is reachable (it is on lo), -ENETUNREACH otherwise. */
int ip_route_output(__be32 daddr);

/* transport receive handlers: each consumes skb (data at its header) */
int tcp_v4_rcv(sk_buff *skb);
int udp_rcv(sk_buff *skb);
int icmp_rcv(sk_buff *skb);
/* Linux: net/ipv4/icmp.c icmp_send(): an error about the packet in skb_in (not consumed). */
void icmp_send(const sk_buff *skb_in, int type, int code);
/* An ICMP error arrived about one of our datagrams (udp_err, tcp_v4_err). */
void udp_err(const iphdr *inner, const u8 *transport, int type, int code);
}

#define ICMP_ECHOREPLY 0
#define ICMP_DEST_UNREACH 3
#define ICMP_ECHO 8
#define ICMP_TIME_EXCEEDED 11
#define ICMP_PROT_UNREACH 2
#define ICMP_PORT_UNREACH 3

struct icmphdr {
    u8 type;
    u8 code;
    __sum16 checksum;
    __be16 id;
    __be16 sequence;
};
static_assert(sizeof(icmphdr) == 8);
