/* UDP (net/ipv4/udp.c) and ICMP echo "ping" sockets (net/ipv4/ping.c): datagram sockets
 * share one receive path. A ping socket is socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP): the
 * program writes an ICMP echo header and payload; the kernel sets the identifier to the
 * socket's bound "port" and computes the checksum, and reads return the echo reply's ICMP
 * header and payload. */
#include "net/inet_sock.h"
#include "net/checksum.h"
#include "net/stats.h"
#include "net/tcp_states.h"
#include "kernel/string.h"
#include "kernel/timer.h"
#include "uapi/errno.h"

struct udphdr {
    __be16 source;
    __be16 dest;
    __be16 len;
    __sum16 check;
};
static_assert(sizeof(udphdr) == 8);
#define UDP_MAX_PAYLOAD (65535 - 20 - 8)

static bool is_ping(const sock *sk) { return sk->sk_protocol == IPPROTO_ICMP; }
static inet_bind_table *dgram_table(const sock *sk) { return is_ping(sk) ? &ping_bind_table : &udp_bind_table; }

/* Linux: net/ipv4/udp.c __udp4_lib_lookup(): the best match wins (connected over bound) */
static sock *dgram_lookup(inet_bind_table *t, __be32 saddr, __be16 sport, __be32 daddr, u16 dport)
{
    inet_sock *in, *best = nullptr;
    int best_score = -1;
    list_for_each_entry(in, inet_bind_chain(t, dport), bind_node) {
        if (in->inet_num != dport)
            continue;
        int score = 0;
        if (in->inet_rcv_saddr != INADDR_ANY) {
            if (in->inet_rcv_saddr != daddr)
                continue;
            score += 2;
        }
        if (in->inet_connected) {
            if (in->inet_daddr != saddr || (t == &udp_bind_table && in->inet_dport != sport))
                continue;
            score += 4;
        }
        if (score > best_score) {
            best = in;
            best_score = score;
        }
    }
    return best ? &best->sk : nullptr;
}

static int dgram_queue_rcv(sock *sk, sk_buff *skb, __be32 saddr, __be16 sport)
{
    if ((int)(sk->sk_receive_queue.bytes + skb->len) > sk->sk_rcvbuf) {
        net_stats.udp_rcvbuf_errors++;
        kfree_skb(skb);
        return -1;
    }
    DGRAM_CB(skb)->saddr = saddr;
    DGRAM_CB(skb)->sport = sport;
    skb_queue_tail(&sk->sk_receive_queue, skb);
    sk_wake(sk);
    return 0;
}

/* Linux: net/ipv4/udp.c udp_rcv() -> __udp4_lib_rcv() */
extern "C" int udp_rcv(sk_buff *skb)
{
    const iphdr *iph = ip_hdr(skb);
    if (skb->len < sizeof(udphdr))
        goto drop;
    {
        udphdr *uh = (udphdr *)skb->data;
        unsigned int ulen = ntohs(uh->len);
        if (ulen < sizeof(udphdr) || ulen > skb->len)
            goto drop;
        skb_trim(skb, ulen);
        if (uh->check && !skb->csum_valid &&
            csum_tcpudp_magic(iph->saddr, iph->daddr, ulen, IPPROTO_UDP, csum_partial(uh, ulen, 0)) != 0)
            goto drop;
        sock *sk = dgram_lookup(&udp_bind_table, iph->saddr, uh->source, iph->daddr, ntohs(uh->dest));
        if (!sk) {
            net_stats.udp_no_ports++;
            icmp_send(skb, ICMP_DEST_UNREACH, ICMP_PORT_UNREACH);
            kfree_skb(skb);
            return -1;
        }
        net_stats.udp_in_datagrams++;
        __be16 sport = uh->source;
        skb_pull(skb, sizeof(udphdr));
        return dgram_queue_rcv(sk, skb, iph->saddr, sport);
    }
drop:
    net_stats.udp_in_errors++;
    kfree_skb(skb);
    return -1;
}

/* Linux: net/ipv4/ping.c ping_rcv() */
extern "C" void ping_rcv(sk_buff *skb)
{
    const iphdr *iph = ip_hdr(skb);
    const icmphdr *ic = (const icmphdr *)skb->data;
    sock *sk = dgram_lookup(&ping_bind_table, iph->saddr, 0, iph->daddr, ntohs(ic->id));
    if (!sk) {
        kfree_skb(skb);
        return;
    }
    dgram_queue_rcv(sk, skb, iph->saddr, 0);
}

/* Linux: net/ipv4/udp.c __udp4_lib_err(): ICMP port unreachable for a connected socket */
extern "C" void udp_err(const iphdr *inner, const u8 *transport, int type, int code)
{
    const udphdr *uh = (const udphdr *)transport;
    /* the inner packet is ours: we were its source */
    sock *sk = dgram_lookup(&udp_bind_table, inner->daddr, uh->dest, inner->saddr, ntohs(uh->source));
    if (!sk || type != ICMP_DEST_UNREACH || !inet_sk(sk)->inet_connected)
        return;
    sk->sk_err = code == ICMP_PORT_UNREACH ? ECONNREFUSED : EHOSTUNREACH;
    sk_wake(sk);
}

static int dgram_autobind(sock *sk)
{
    if (inet_sk(sk)->inet_num)
        return 0;
    return inet_get_port(dgram_table(sk), sk, 0);
}

/* Linux: net/ipv4/udp.c udp_sendmsg(), net/ipv4/ping.c ping_v4_sendmsg() */
extern "C" int udp_sendmsg(socket *sock, kmsghdr *m, size_t len)
{
    struct sock *sk = sock->sk;
    inet_sock *in = inet_sk(sk);
    __be32 daddr;
    __be16 dport;
    if (m->msg_flags & MSG_OOB)
        return -EOPNOTSUPP;
    if (len > UDP_MAX_PAYLOAD)
        return -EMSGSIZE;
    if (m->msg_name) {
        const sockaddr_in *sin = (const sockaddr_in *)m->msg_name;
        if (m->msg_namelen < (int)sizeof(sockaddr_in))
            return -EINVAL;
        if (sin->sin_family != AF_INET && sin->sin_family != AF_UNSPEC)
            return -EAFNOSUPPORT;
        daddr = sin->sin_addr.s_addr;
        dport = sin->sin_port;
        if (!is_ping(sk) && dport == 0)
            return -EINVAL;
    } else {
        if (!in->inet_connected)
            return -EDESTADDRREQ;
        if (sk->sk_err)
            return sock_error(sk);
        daddr = in->inet_daddr;
        dport = in->inet_dport;
    }
    if (ip_route_output(daddr))
        return -ENETUNREACH;
    if (is_ping(sk) && len < sizeof(icmphdr))
        return -EINVAL;
    int err = dgram_autobind(sk);
    if (err)
        return err;
    unsigned int hlen = is_ping(sk) ? 0 : sizeof(udphdr);
    sk_buff *skb = alloc_skb(MAX_HEADER + hlen + (unsigned)len, GFP_KERNEL);
    if (!skb)
        return -ENOBUFS;
    skb_reserve(skb, MAX_HEADER + hlen);
    bool fault = false;
    copy_from_iter(skb_put(skb, (unsigned)len), len, &m->msg_iter, &fault);
    if (fault) {
        kfree_skb(skb);
        return -EFAULT;
    }
    __be32 saddr = in->inet_rcv_saddr ? in->inet_rcv_saddr : (daddr ? daddr : loopback_daddr());
    if (is_ping(sk)) {
        icmphdr *ic = (icmphdr *)skb->data;
        if (ic->type != ICMP_ECHO || ic->code != 0) {
            kfree_skb(skb);
            return -EINVAL;
        }
        ic->id = in->inet_sport;
        ic->checksum = 0;
        ic->checksum = ip_compute_csum(ic, skb->len);
        net_stats.icmp_out_msgs++;
    } else {
        udphdr *uh = (udphdr *)skb_push(skb, sizeof(udphdr));
        uh->source = in->inet_sport;
        uh->dest = dport;
        uh->len = htons((u16)skb->len);
        uh->check = 0;
        __sum16 c = csum_tcpudp_magic(saddr, daddr ? daddr : saddr, skb->len, IPPROTO_UDP,
                                      csum_partial(uh, skb->len, 0));
        uh->check = c ? c : 0xffff;
        net_stats.udp_out_datagrams++;
    }
    skb->csum_valid = true;
    err = ip_queue_xmit(skb, saddr, daddr, is_ping(sk) ? IPPROTO_ICMP : IPPROTO_UDP, in->uc_ttl);
    return err < 0 ? err : (int)len;
}

/* Linux: net/ipv4/udp.c udp_recvmsg() */
extern "C" int udp_recvmsg(socket *sock, kmsghdr *m, size_t len, int flags)
{
    struct sock *sk = sock->sk;
    if (flags & MSG_OOB)
        return -EOPNOTSUPP;
    long timeo = sock_rcvtimeo(sk, flags & MSG_DONTWAIT);
    for (;;) {
        if (sk->sk_err)
            return sock_error(sk);
        if (!skb_queue_empty(&sk->sk_receive_queue))
            break;
        if (sk->sk_shutdown & RCV_SHUTDOWN)
            return 0;
        if (!timeo)
            return -EAGAIN;
        timeo = wait_event_interruptible_timeout(sk->sk_wq, !skb_queue_empty(&sk->sk_receive_queue) || sk->sk_err ||
                                                                (sk->sk_shutdown & RCV_SHUTDOWN), timeo);
        if (timeo < 0)
            return -EINTR;
        if (timeo == 0 && skb_queue_empty(&sk->sk_receive_queue))
            return -EAGAIN;
    }
    sk_buff *skb = skb_peek(&sk->sk_receive_queue);
    size_t copied = min((size_t)skb->len, len);
    bool fault = false;
    copy_to_iter(skb->data, copied, &m->msg_iter, &fault);
    if (fault)
        return -EFAULT;
    if (copied < skb->len)
        m->msg_flags |= MSG_TRUNC;
    if (m->msg_name)
        m->msg_namelen = inet_fill_addr((sockaddr *)m->msg_name, DGRAM_CB(skb)->saddr, DGRAM_CB(skb)->sport);
    int ret = (flags & MSG_TRUNC) ? (int)skb->len : (int)copied;
    if (!(flags & MSG_PEEK)) {
        skb_unlink(skb, &sk->sk_receive_queue);
        kfree_skb(skb);
    }
    return ret;
}

/* Linux: net/ipv4/datagram.c ip4_datagram_connect() */
extern "C" int udp_connect(socket *sock, sockaddr *uaddr, int addr_len, int)
{
    struct sock *sk = sock->sk;
    inet_sock *in = inet_sk(sk);
    const sockaddr_in *sin = (const sockaddr_in *)uaddr;
    if (addr_len < (int)sizeof(sa_family_t))
        return -EINVAL;
    if (sin->sin_family == AF_UNSPEC)
        return udp_disconnect(sk);
    if (addr_len < (int)sizeof(sockaddr_in))
        return -EINVAL;
    if (sin->sin_family != AF_INET)
        return -EAFNOSUPPORT;
    if (ip_route_output(sin->sin_addr.s_addr))
        return -ENETUNREACH;
    int err = dgram_autobind(sk);
    if (err)
        return err;
    in->inet_daddr = sin->sin_addr.s_addr ? sin->sin_addr.s_addr : loopback_daddr();
    in->inet_dport = sin->sin_port;
    in->inet_connected = true;
    sk->sk_state = TCP_ESTABLISHED;
    sk->sk_err = 0;
    sock->state = SS_CONNECTED;
    return 0;
}

extern "C" int udp_disconnect(struct sock *sk)
{
    inet_sock *in = inet_sk(sk);
    in->inet_connected = false;
    in->inet_daddr = 0;
    in->inet_dport = 0;
    sk->sk_state = TCP_CLOSE;
    if (sk->sk_socket)
        sk->sk_socket->state = SS_UNCONNECTED;
    return 0;
}

extern "C" void udp_release(struct sock *sk)
{
    inet_put_port(sk);
    sk->sk_shutdown = SHUTDOWN_MASK;
    sock_put(sk);
}

extern "C" unsigned int udp_poll(file *f, socket *sock, poll_table *pt)
{
    struct sock *sk = sock->sk;
    poll_wait(f, &sk->sk_wq, pt);
    unsigned int mask = POLLOUT | POLLWRNORM;
    if (!skb_queue_empty(&sk->sk_receive_queue))
        mask |= POLLIN | POLLRDNORM;
    if (sk->sk_err)
        mask |= POLLERR;
    if (sk->sk_shutdown & RCV_SHUTDOWN)
        mask |= POLLIN | POLLRDNORM | POLLRDHUP;
    return mask;
}
