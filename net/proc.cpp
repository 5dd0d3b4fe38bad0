/* /proc/net: the socket table (netstat), lo's counters (ifconfig), drop counters (snmp),
 * and two switches: /proc/net/capture ("1"/"0": pcap on COM2) and /proc/net/drop
 * ("N": drop the next N packets sent on lo, to watch retransmission). */
#include "net/tcp.h"
#include "net/netdevice.h"
#include "net/stats.h"
#include "net/unix.h"
#include "kernel/fs.h"
#include "kernel/printk.h"
#include "uapi/errno.h"

#define OUT(...) (n += snprintf(buf + n, n < size ? size - n : 0, __VA_ARGS__))

static void fmt_addr(char *s, size_t len, __be32 a, __be16 p)
{
    u32 h = ntohl(a);
    snprintf(s, len, "%u.%u.%u.%u:%u", h >> 24, (h >> 16) & 255, (h >> 8) & 255, h & 255, ntohs(p));
}

/* One line per socket: proto state local remote recv-q send-q inode. */
static int net_sockets_show(char *buf, size_t size)
{
    size_t n = 0;
    OUT("Proto State       Local                 Remote                Recv-Q Send-Q Inode\n");
    sock *sk;
    list_for_each_entry(sk, &sock_list, sk_node) {
        const char *proto;
        char l[64] = "-", r[64] = "-";
        if (sk->sk_family == AF_INET) {
            inet_sock *in = inet_sk(sk);
            proto = sk->sk_type == SOCK_STREAM ? "tcp" : sk->sk_protocol == IPPROTO_ICMP ? "icmp" : "udp";
            fmt_addr(l, sizeof(l), in->inet_rcv_saddr ? in->inet_rcv_saddr : in->inet_saddr, in->inet_sport);
            fmt_addr(r, sizeof(r), in->inet_daddr, in->inet_dport);
        } else if (sk->sk_family == AF_UNIX) {
            proto = sk->sk_type == SOCK_STREAM ? "unix" : "unix-dg";
            unix_sock_name(sk, l, sizeof(l));
        } else {
            continue;
        }
        u32 recvq = sk->sk_receive_queue.bytes;
        u32 sendq = sk->sk_write_queue.bytes;
        if (sk->sk_state == TCP_LISTEN)
            recvq = sk->sk_ack_backlog;
        const char *st = sk->sk_state < TCP_MAX_STATES ? tcp_state_name[sk->sk_state] : "?";
        if (sk->sk_family == AF_INET && sk->sk_type != SOCK_STREAM)
            st = sk->sk_state == TCP_ESTABLISHED ? "ESTABLISHED" : "";
        OUT("%-5s %-11s %-21s %-21s %6u %6u %lu\n", proto, st, l, r, recvq, sendq, sk->sk_ino);
    }
    return (int)min(n, size);
}

/* Linux's /proc/net/dev layout. */
static int net_dev_show(char *buf, size_t size)
{
    size_t n = 0;
    const net_device *d = &loopback_dev;
    OUT("Inter-|   Receive                            |  Transmit\n");
    OUT(" face |bytes    packets errs drop |bytes    packets errs drop\n");
    OUT("%5s: %llu %u %u %u %llu %u %u %u\n", d->name, (unsigned long long)d->stats.rx_bytes, d->stats.rx_packets,
        d->stats.rx_errors, d->stats.rx_dropped, (unsigned long long)d->stats.tx_bytes, d->stats.tx_packets, 0u,
        d->stats.tx_dropped);
    u32 a = ntohl(d->ip_addr), m = ntohl(d->netmask);
    OUT("# %s inet %u.%u.%u.%u netmask %u.%u.%u.%u mtu %u flags%s%s%s\n", d->name, a >> 24, (a >> 16) & 255,
        (a >> 8) & 255, a & 255, m >> 24, (m >> 16) & 255, (m >> 8) & 255, m & 255, d->mtu,
        (d->flags & IFF_UP) ? " UP" : "", (d->flags & IFF_LOOPBACK) ? " LOOPBACK" : "",
        (d->flags & IFF_RUNNING) ? " RUNNING" : "");
    return (int)min(n, size);
}

static int net_snmp_show(char *buf, size_t size)
{
    size_t n = 0;
    const net_mib &s = net_stats;
    OUT("Ip: InReceives %u InHdrErrors %u InAddrErrors %u InUnknownProtos %u InDiscards %u InDelivers %u "
        "OutRequests %u OutDiscards %u\n",
        s.ip_in_receives, s.ip_in_hdr_errors, s.ip_in_addr_errors, s.ip_in_unknown_protos, s.ip_in_discards,
        s.ip_in_delivers, s.ip_out_requests, s.ip_out_discards);
    OUT("Icmp: InMsgs %u InErrors %u InEchos %u InDestUnreachs %u OutMsgs %u OutEchoReps %u OutDestUnreachs %u\n",
        s.icmp_in_msgs, s.icmp_in_errors, s.icmp_in_echos, s.icmp_in_dest_unreachs, s.icmp_out_msgs,
        s.icmp_out_echo_reps, s.icmp_out_dest_unreachs);
    OUT("Tcp: ActiveOpens %u PassiveOpens %u AttemptFails %u EstabResets %u InSegs %u OutSegs %u RetransSegs %u "
        "InErrs %u OutRsts %u ListenDrops %u OfoQueued %u DupSegs %u AckSkipped %u\n",
        s.tcp_active_opens, s.tcp_passive_opens, s.tcp_attempt_fails, s.tcp_estab_resets, s.tcp_in_segs,
        s.tcp_out_segs, s.tcp_retrans_segs, s.tcp_in_errs, s.tcp_out_rsts, s.tcp_listen_drops, s.tcp_ofo_queued,
        s.tcp_dup_segs, s.tcp_ack_skipped);
    OUT("Udp: InDatagrams %u NoPorts %u InErrors %u OutDatagrams %u RcvbufErrors %u\n", s.udp_in_datagrams,
        s.udp_no_ports, s.udp_in_errors, s.udp_out_datagrams, s.udp_rcvbuf_errors);
    OUT("Skb: Alloc %u Free %u\n", s.skb_alloc, s.skb_free);
    return (int)min(n, size);
}

static int parse_uint(const char *b, size_t len, unsigned *out)
{
    unsigned v = 0;
    size_t i = 0;
    for (; i < len && b[i] >= '0' && b[i] <= '9'; i++)
        v = v * 10 + (unsigned)(b[i] - '0');
    if (i == 0)
        return -EINVAL;
    *out = v;
    return 0;
}

static int capture_show(char *buf, size_t size) { return snprintf(buf, size, "%d\n", net_capture_enabled() ? 1 : 0); }
static int capture_write(const char *b, size_t len)
{
    unsigned v;
    if (parse_uint(b, len, &v))
        return -EINVAL;
    net_capture_enable(v != 0);
    return 0;
}
static int drop_show(char *buf, size_t size) { return snprintf(buf, size, "%u\n", loopback_dev.drop_next); }
static int drop_write(const char *b, size_t len)
{
    unsigned v;
    if (parse_uint(b, len, &v))
        return -EINVAL;
    loopback_dev.drop_next = v;
    return 0;
}

extern "C" void net_proc_init(void)
{
    proc_create("/proc/net/sockets", net_sockets_show);
    proc_create("/proc/net/tcp", net_sockets_show);
    proc_create("/proc/net/dev", net_dev_show);
    proc_create("/proc/net/snmp", net_snmp_show);
    proc_create_rw("/proc/net/capture", capture_show, capture_write);
    proc_create_rw("/proc/net/drop", drop_show, drop_write);
}
