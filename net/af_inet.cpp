/* The AF_INET family (net/ipv4/af_inet.c): socket creation and the BSD calls that are the
 * same for every inet protocol; the proto_ops tables the syscalls call through.
 *   SOCK_STREAM            -> TCP  (inet_stream_ops)
 *   SOCK_DGRAM             -> UDP  (inet_dgram_ops)
 *   SOCK_DGRAM+IPPROTO_ICMP -> ICMP echo "ping" socket (inet_dgram_ops)
 *   SOCK_RAW+IPPROTO_RAW   -> send whole IPv4 packets, header included (inet_raw_ops)
 * Read next: net/tcp.cpp, net/udp.cpp. */
#include "net/tcp.h"
#include "net/netdevice.h"
#include "net/stats.h"
#include "kernel/printk.h"
#include "kernel/string.h"
#include "uapi/errno.h"

static void udp_destroy(sock *) {}
static constinit const proto udp_prot = {.name = "UDP", .obj_size = sizeof(inet_sock), .destroy = udp_destroy};
static constinit const proto ping_prot = {.name = "PING", .obj_size = sizeof(inet_sock), .destroy = udp_destroy};
static constinit const proto raw_prot = {.name = "RAW", .obj_size = sizeof(inet_sock), .destroy = udp_destroy};

static bool is_stream(const sock *sk) { return sk->sk_type == SOCK_STREAM; }

/* Linux: net/ipv4/af_inet.c inet_release() */
extern "C" int inet_release(socket *sock)
{
    struct sock *sk = sock->sk;
    if (!sk)
        return 0;
    sock->sk = nullptr;
    if (is_stream(sk)) {
        tcp_close(sk);
    } else {
        sk->sk_socket = nullptr;
        sk->sk_dead = true;
        udp_release(sk);
    }
    return 0;
}

/* Linux: net/ipv4/af_inet.c inet_bind() -> __inet_bind() */
extern "C" int inet_bind(socket *sock, sockaddr *uaddr, int addr_len)
{
    struct sock *sk = sock->sk;
    inet_sock *in = inet_sk(sk);
    const sockaddr_in *addr = (const sockaddr_in *)uaddr;
    if (addr_len < (int)sizeof(sockaddr_in))
        return -EINVAL;
    if (addr->sin_family != AF_INET) {
        /* Linux tolerates AF_UNSPEC with INADDR_ANY for old programs */
        if (addr->sin_family != AF_UNSPEC || addr->sin_addr.s_addr != INADDR_ANY)
            return -EAFNOSUPPORT;
    }
    __be32 a = addr->sin_addr.s_addr;
    if (a != INADDR_ANY && !inet_addr_is_local(a))
        return -EADDRNOTAVAIL;
    if (in->inet_num || (is_stream(sk) && sk->sk_state != TCP_CLOSE))
        return -EINVAL;
    in->inet_rcv_saddr = in->inet_saddr = a;
    inet_bind_table *t = is_stream(sk) ? &tcp_bind_table
                         : sk->sk_protocol == IPPROTO_ICMP ? &ping_bind_table
                                                           : &udp_bind_table;
    int err = inet_get_port(t, sk, ntohs(addr->sin_port));
    if (err) {
        in->inet_rcv_saddr = in->inet_saddr = 0;
        return err;
    }
    return 0;
}

/* Linux: net/ipv4/af_inet.c inet_getname() */
extern "C" int inet_getname(socket *sock, sockaddr *uaddr, int peer)
{
    struct sock *sk = sock->sk;
    inet_sock *in = inet_sk(sk);
    if (peer) {
        bool connected = is_stream(sk) ? (tcp_sk(sk)->was_connected || sk->sk_state == TCP_SYN_RECV) &&
                                             sk->sk_state != TCP_CLOSE && sk->sk_state != TCP_SYN_SENT
                                       : in->inet_connected;
        if (!connected || (peer == 1 && is_stream(sk) && (sk->sk_shutdown & SHUTDOWN_MASK) == SHUTDOWN_MASK &&
                           sk->sk_state == TCP_CLOSE))
            return -ENOTCONN;
        return inet_fill_addr(uaddr, in->inet_daddr, in->inet_dport);
    }
    __be32 a = in->inet_rcv_saddr ? in->inet_rcv_saddr : (is_stream(sk) ? in->inet_saddr : 0);
    return inet_fill_addr(uaddr, a, in->inet_sport);
}

/* Linux: net/ipv4/af_inet.c inet_listen() */
extern "C" int inet_listen(socket *sock, int backlog)
{
    struct sock *sk = sock->sk;
    if (sock->state != SS_UNCONNECTED || sock->type != SOCK_STREAM)
        return -EINVAL;
    if (sk->sk_state == TCP_LISTEN) {
        sk->sk_max_ack_backlog = (u16)min(backlog < 0 ? 0 : backlog, 0xffff);
        return 0;
    }
    if (sk->sk_state != TCP_CLOSE || tcp_sk(sk)->was_connected)
        return -EINVAL;
    return inet_csk_listen_start(sk, backlog);
}

extern "C" int inet_stream_connect(socket *sock, sockaddr *uaddr, int addr_len, int flags)
{
    if (addr_len >= (int)sizeof(sa_family_t) && uaddr->sa_family == AF_UNSPEC)
        return -EINVAL; /* disconnecting a TCP socket this way is not supported */
    return tcp_v4_connect(sock, uaddr, addr_len, flags);
}

extern "C" int inet_accept(socket *sock, socket *newsock, int flags) { return inet_csk_accept(sock, newsock, flags); }

/* Linux: net/ipv4/af_inet.c inet_shutdown() */
extern "C" int inet_shutdown(socket *sock, int how)
{
    struct sock *sk = sock->sk;
    if (is_stream(sk))
        return tcp_shutdown(sock, how);
    if (!inet_sk(sk)->inet_connected)
        return -ENOTCONN;
    sk->sk_shutdown |= (u8)(how + 1);
    sk_wake(sk);
    return 0;
}

extern "C" int inet_dgram_setsockopt(socket *, int level, int, const void *, unsigned int)
{
    return level == SOL_SOCKET ? -ENOPROTOOPT : -ENOPROTOOPT; /* no UDP or IP options yet */
}

static int sock_no_socketpair(socket *, socket *) { return -EOPNOTSUPP; }
static int sock_no_listen(socket *, int) { return -EOPNOTSUPP; }
static int sock_no_accept(socket *, socket *, int) { return -EOPNOTSUPP; }

extern "C" constinit const proto_ops inet_stream_ops = {
    .family = AF_INET,
    .release = inet_release,
    .bind = inet_bind,
    .connect = inet_stream_connect,
    .socketpair = sock_no_socketpair,
    .accept = inet_accept,
    .getname = inet_getname,
    .poll = tcp_poll,
    .listen = inet_listen,
    .shutdown = inet_shutdown,
    .setsockopt = tcp_setsockopt,
    .getsockopt = tcp_getsockopt,
    .sendmsg = tcp_sendmsg,
    .recvmsg = tcp_recvmsg,
};

extern "C" constinit const proto_ops inet_dgram_ops = {
    .family = AF_INET,
    .release = inet_release,
    .bind = inet_bind,
    .connect = udp_connect,
    .socketpair = sock_no_socketpair,
    .accept = sock_no_accept,
    .getname = inet_getname,
    .poll = udp_poll,
    .listen = sock_no_listen,
    .shutdown = inet_shutdown,
    .setsockopt = inet_dgram_setsockopt,
    .getsockopt = nullptr,
    .sendmsg = udp_sendmsg,
    .recvmsg = udp_recvmsg,
};

/* Raw IPPROTO_RAW sockets are send-only (as on Linux): the program writes a complete IPv4
 * packet, header included, and it goes to lo as it is. Nothing trusts it: the receive path
 * verifies every checksum and length, drops what is wrong and counts it (/proc/net/snmp). */
extern "C" int raw_release(socket *sock)
{
    struct sock *sk = sock->sk;
    if (!sk)
        return 0;
    sock->sk = nullptr;
    sk->sk_socket = nullptr;
    sk->sk_dead = true;
    sock_put(sk);
    return 0;
}

/* Linux: net/ipv4/raw.c raw_sendmsg() with IP_HDRINCL */
extern "C" int raw_sendmsg(socket *, kmsghdr *m, size_t len)
{
    if (len > 65535)
        return -EMSGSIZE;
    sk_buff *skb = alloc_skb((unsigned int)len, GFP_KERNEL);
    if (!skb)
        return -ENOBUFS;
    bool fault = false;
    copy_from_iter(skb_put(skb, (unsigned int)len), len, &m->msg_iter, &fault);
    if (fault) {
        kfree_skb(skb);
        return -EFAULT;
    }
    skb_reset_network_header(skb);
    skb->csum_valid = false; /* made by a program: the receiver checks everything */
    skb->dev = &loopback_dev;
    net_stats.ip_out_requests++;
    int err = dev_queue_xmit(skb);
    return err < 0 ? err : (int)len;
}

static int raw_recvmsg(socket *, kmsghdr *, size_t, int) { return -EOPNOTSUPP; }

static unsigned int raw_poll(file *, socket *, poll_table *) { return POLLOUT | POLLWRNORM; }
static int raw_no_bind(socket *, sockaddr *, int) { return -EOPNOTSUPP; }
static int raw_no_connect(socket *, sockaddr *, int, int) { return -EOPNOTSUPP; }
static int raw_no_shutdown(socket *, int) { return -EOPNOTSUPP; }

static constinit const proto_ops inet_raw_ops = {
    .family = PF_INET,
    .release = raw_release,
    .bind = raw_no_bind,
    .connect = raw_no_connect,
    .socketpair = sock_no_socketpair,
    .accept = sock_no_accept,
    .getname = inet_getname,
    .poll = raw_poll,
    .listen = sock_no_listen,
    .shutdown = raw_no_shutdown,
    .setsockopt = nullptr,
    .getsockopt = nullptr,
    .sendmsg = raw_sendmsg,
    .recvmsg = raw_recvmsg,
};

/* Linux: net/ipv4/af_inet.c inet_create() */
extern "C" int inet_create(net *net, socket *sock, int protocol, int)
{
    const proto_ops *ops;
    const proto *prot;
    sock->state = SS_UNCONNECTED;
    switch (sock->type) {
    case SOCK_STREAM:
        if (protocol && protocol != IPPROTO_TCP)
            return -EPROTONOSUPPORT;
        protocol = IPPROTO_TCP;
        ops = &inet_stream_ops;
        prot = &tcp_prot;
        break;
    case SOCK_DGRAM:
        if (protocol == IPPROTO_ICMP) {
            prot = &ping_prot;
        } else if (!protocol || protocol == IPPROTO_UDP) {
            protocol = IPPROTO_UDP;
            prot = &udp_prot;
        } else {
            return -EPROTONOSUPPORT;
        }
        ops = &inet_dgram_ops;
        break;
    case SOCK_RAW:
        if (protocol != IPPROTO_RAW)
            return -EPROTONOSUPPORT; /* ICMP echo: use a ping socket */
        ops = &inet_raw_ops;
        prot = &raw_prot;
        break;
    default:
        return -ESOCKTNOSUPPORT;
    }
    struct sock *sk = sk_alloc(net, AF_INET, GFP_KERNEL, prot);
    if (!sk)
        return -ENOBUFS;
    sock->ops = ops;
    sock_init_data(sock, sk);
    sk->sk_protocol = (u8)protocol;
    inet_sock *in = inet_sk(sk);
    INIT_LIST_HEAD(&in->bind_node);
    in->uc_ttl = IPDEFTTL;
    if (prot == &tcp_prot)
        tcp_init_sock(sk);
    else
        sk->sk_state = TCP_CLOSE;
    return 0;
}

static constinit const net_proto_family inet_family_ops = {
    .family = PF_INET,
    .create = inet_create,
};

/* Linux: net/ipv4/af_inet.c inet_init() */
extern "C" void inet_init(void)
{
    tcp_init();
    inet_bind_table_init(&udp_bind_table);
    inet_bind_table_init(&ping_bind_table);
    sock_register(&inet_family_ops);
    net_proc_init();
}
