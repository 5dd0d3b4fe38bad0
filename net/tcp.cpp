/* TCP's socket calls (net/ipv4/tcp.c, inet_connection_sock.c, tcp_ipv4.c tcp_v4_connect):
 * what a system call does to a connection. They may sleep; the receive path runs meanwhile
 * in the NET_RX softirq and wakes them through sk_wq. */
#include "net/tcp.h"
#include "net/netdevice.h"
#include "net/stats.h"
#include "kernel/slab.h"
#include "kernel/string.h"
#include "uapi/errno.h"

static void tcp_destroy(sock *sk)
{
    tcp_sock *tp = tcp_sk(sk);
    del_timer(&tp->retransmit_timer);
    del_timer(&tp->timewait_timer);
    skb_queue_purge(&tp->out_of_order_queue);
}

extern "C" constinit const proto tcp_prot = {
    .name = "TCP",
    .obj_size = sizeof(tcp_sock),
    .destroy = tcp_destroy,
};

/* Linux: net/ipv4/tcp.c tcp_init_sock() */
extern "C" void tcp_init_sock(sock *sk)
{
    tcp_sock *tp = tcp_sk(sk);
    skb_queue_head_init(&tp->out_of_order_queue);
    timer_setup(&tp->retransmit_timer, tcp_retransmit_timer);
    timer_setup(&tp->timewait_timer, tcp_timewait_timer);
    INIT_LIST_HEAD(&tp->hash_node);
    INIT_LIST_HEAD(&tp->accept_queue);
    INIT_LIST_HEAD(&tp->syn_queue);
    INIT_LIST_HEAD(&tp->child_node);
    INIT_LIST_HEAD(&tp->inet.bind_node);
    tp->advmss = (u16)(min(loopback_dev.mtu, 65535u) - sizeof(iphdr) - sizeof(tcphdr));
    tp->mss = TCP_MSS_DEFAULT;
    tp->rto = TCP_RTO_INIT;
    sk->sk_state = TCP_CLOSE;
}

/* Linux: net/ipv4/tcp_ipv4.c tcp_v4_connect() + net/ipv4/af_inet.c __inet_stream_connect() */
extern "C" int tcp_v4_connect(socket *sock, sockaddr *uaddr, int addr_len, int flags)
{
    struct sock *sk = sock->sk;
    tcp_sock *tp = tcp_sk(sk);
    inet_sock *in = &tp->inet;
    const sockaddr_in *usin = (const sockaddr_in *)uaddr;
    int err;
    if (addr_len < (int)sizeof(sockaddr_in))
        return -EINVAL;
    if (usin->sin_family != AF_INET)
        return -EAFNOSUPPORT;
    switch (sock->state) {
    case SS_CONNECTED:
        return -EISCONN;
    case SS_CONNECTING:
        if (sk->sk_state == TCP_ESTABLISHED || sk->sk_state == TCP_CLOSE_WAIT) {
            sock->state = SS_CONNECTED;
            return -EISCONN;
        }
        if (sk->sk_state == TCP_CLOSE) {
            sock->state = SS_UNCONNECTED;
            return sk->sk_err ? sock_error(sk) : -ECONNREFUSED;
        }
        if (flags & O_NONBLOCK)
            return -EALREADY;
        goto wait;
    default:
        break;
    }
    if (sk->sk_state != TCP_CLOSE)
        return -EISCONN;
    if (tp->was_connected)
        return -EISCONN; /* a finished connection cannot be reused */
    err = ip_route_output(usin->sin_addr.s_addr);
    if (err)
        return err;
    in->inet_daddr = usin->sin_addr.s_addr ? usin->sin_addr.s_addr : loopback_daddr();
    in->inet_dport = usin->sin_port;
    in->inet_saddr = in->inet_rcv_saddr ? in->inet_rcv_saddr : in->inet_daddr;
    if (!in->inet_num) {
        err = inet_get_port(&tcp_bind_table, sk, 0);
        if (err)
            return err;
    }
    if (tcp_lookup(in->inet_saddr, in->inet_sport, in->inet_daddr, in->inet_dport))
        return -EADDRNOTAVAIL;
    tp->iss = net_random();
    tp->snd_una = tp->snd_nxt = tp->snd_max = tp->write_seq = tp->iss;
    tp->snd_wnd = 0;
    tp->rcv_nxt = tp->rcv_wup = 0;
    tcp_set_state(sk, TCP_SYN_SENT);
    tcp_hash(sk);
    net_stats.tcp_active_opens++;
    sock->state = SS_CONNECTING;
    err = tcp_queue_control(sk, TCPHDR_SYN);
    if (err) {
        tcp_done(sk);
        sock->state = SS_UNCONNECTED;
        return err;
    }
    if (flags & O_NONBLOCK)
        return -EINPROGRESS;
wait: {
    long r = wait_event_interruptible(sk->sk_wq, sk->sk_state != TCP_SYN_SENT && sk->sk_state != TCP_SYN_RECV);
    if (r < 0)
        return -EINTR; /* the handshake goes on; connect again to learn how it ended */
}
    if (sk->sk_state == TCP_CLOSE) {
        sock->state = SS_UNCONNECTED;
        return sk->sk_err ? sock_error(sk) : -ECONNREFUSED;
    }
    sock->state = SS_CONNECTED;
    return 0;
}

/* Linux: net/ipv4/inet_connection_sock.c inet_csk_listen_start() */
extern "C" int inet_csk_listen_start(struct sock *sk, int backlog)
{
    if (!inet_sk(sk)->inet_num) {
        int err = inet_get_port(&tcp_bind_table, sk, 0);
        if (err)
            return err;
    }
    sk->sk_max_ack_backlog = (u16)min(backlog < 0 ? 0 : backlog, 0xffff);
    tcp_set_state(sk, TCP_LISTEN);
    return 0;
}

/* Linux: net/ipv4/inet_connection_sock.c inet_csk_accept() + af_inet.c inet_accept() */
extern "C" int inet_csk_accept(socket *sock, socket *newsock, int flags)
{
    struct sock *sk = sock->sk;
    tcp_sock *lp = tcp_sk(sk);
    if (sk->sk_state != TCP_LISTEN)
        return -EINVAL;
    if (list_empty(&lp->accept_queue)) {
        long timeo = sock_rcvtimeo(sk, flags & O_NONBLOCK);
        if (!timeo)
            return -EAGAIN;
        timeo = wait_event_interruptible_timeout(sk->sk_wq, !list_empty(&lp->accept_queue) || sk->sk_state != TCP_LISTEN,
                                                 timeo);
        if (timeo < 0)
            return -EINTR;
        if (sk->sk_state != TCP_LISTEN)
            return -EINVAL;
        if (list_empty(&lp->accept_queue))
            return -EAGAIN;
    }
    tcp_sock *child = list_first_entry(&lp->accept_queue, tcp_sock, child_node);
    list_del_init(&child->child_node);
    child->parent = nullptr;
    sk->sk_ack_backlog--;
    struct sock *csk = &child->inet.sk;
    sock_init_data(newsock, csk);
    newsock->state = SS_CONNECTED;
    return 0;
}

static bool tcp_can_send(const struct sock *sk)
{
    return sk->sk_state == TCP_ESTABLISHED || sk->sk_state == TCP_CLOSE_WAIT;
}

/* Linux: net/ipv4/tcp.c tcp_sendmsg_locked() */
extern "C" int tcp_sendmsg(socket *sock, kmsghdr *m, size_t len)
{
    struct sock *sk = sock->sk;
    tcp_sock *tp = tcp_sk(sk);
    size_t copied = 0;
    long timeo = sock_sndtimeo(sk, m->msg_flags & MSG_DONTWAIT);
    int err = 0;
    if (m->msg_flags & MSG_OOB)
        return -EOPNOTSUPP;
    /* a connect still in progress finishes first */
    if (sk->sk_state == TCP_SYN_SENT || sk->sk_state == TCP_SYN_RECV) {
        if (!timeo)
            return -EAGAIN;
        if (wait_event_interruptible(sk->sk_wq, sk->sk_state != TCP_SYN_SENT && sk->sk_state != TCP_SYN_RECV) < 0)
            return -EINTR;
    }
    while (copied < len) {
        if (sk->sk_err) {
            err = sock_error(sk);
            goto out;
        }
        if ((sk->sk_shutdown & SEND_SHUTDOWN) || !tcp_can_send(sk)) {
            err = -EPIPE; /* no SIGPIPE in MenuOS: the error alone tells the writer */
            goto out;
        }
        int space = sk->sk_sndbuf - (int)sk->sk_write_queue.bytes;
        if (space <= 0) {
            tcp_push(sk);
            if (!timeo) {
                err = -EAGAIN;
                goto out;
            }
            timeo = wait_event_interruptible_timeout(
                sk->sk_wq, sk->sk_sndbuf > (int)sk->sk_write_queue.bytes || sk->sk_err || !tcp_can_send(sk) ||
                               (sk->sk_shutdown & SEND_SHUTDOWN), timeo);
            if (timeo <= 0) {
                err = timeo < 0 ? -EINTR : -EAGAIN;
                goto out;
            }
            continue;
        }
        size_t chunk = min(len - copied, (size_t)space);
        /* append to the last segment while it is unsent and has room */
        sk_buff *skb = skb_peek_tail(&sk->sk_write_queue);
        if (!skb || !tp->send_head || skb_tailroom(skb) == 0 || skb->len >= tp->mss ||
            (TCP_SKB_CB(skb)->tcp_flags & (TCPHDR_SYN | TCPHDR_FIN))) {
            unsigned int size = chunk >= 4096 ? tp->mss : (unsigned)min(chunk, (size_t)tp->mss);
            skb = alloc_skb(MAX_HEADER + 24 + size, GFP_KERNEL);
            if (!skb) {
                err = -ENOBUFS;
                goto out;
            }
            skb_reserve(skb, MAX_HEADER + 24);
            tcp_skb_cb *cb = TCP_SKB_CB(skb);
            cb->seq = cb->end_seq = tp->write_seq;
            cb->tcp_flags = 0;
            skb_queue_tail(&sk->sk_write_queue, skb);
            if (!tp->send_head)
                tp->send_head = skb;
        }
        chunk = min(chunk, (size_t)min(skb_tailroom(skb), (unsigned)tp->mss - skb->len));
        bool fault = false;
        size_t n = copy_from_iter(skb_put(skb, (unsigned)chunk), chunk, &m->msg_iter, &fault);
        if (n < chunk)
            skb_trim(skb, skb->len - (unsigned)(chunk - n));
        sk->sk_write_queue.bytes += (u32)n;
        TCP_SKB_CB(skb)->end_seq += (u32)n;
        tp->write_seq += (u32)n;
        copied += n;
        if (fault) {
            err = -EFAULT;
            goto out;
        }
        if (skb->len == tp->mss)
            tcp_push(sk);
    }
out:
    if (copied) {
        TCP_SKB_CB(skb_peek_tail(&sk->sk_write_queue))->tcp_flags |= TCPHDR_PSH;
        tcp_push(sk);
        return (int)copied;
    }
    tcp_push(sk);
    return err;
}

/* Linux: net/ipv4/tcp.c tcp_cleanup_rbuf(): after a read, tell the peer about the space */
static void tcp_cleanup_rbuf(struct sock *sk)
{
    tcp_sock *tp = tcp_sk(sk);
    if (sk->sk_state != TCP_ESTABLISHED && sk->sk_state != TCP_FIN_WAIT1 && sk->sk_state != TCP_FIN_WAIT2)
        return;
    s32 offered = (s32)(tp->rcv_wup + tp->rcv_wnd - tp->rcv_nxt);
    if (offered < 0)
        offered = 0;
    u32 now = tcp_receive_window(tp);
    u32 step = min((u32)tp->advmss, (u32)sk->sk_rcvbuf / 2);
    if (now >= (u32)offered + step || (offered == 0 && now > 0))
        tcp_send_ack(sk);
}

/* Linux: net/ipv4/tcp.c tcp_recvmsg() */
extern "C" int tcp_recvmsg(socket *sock, kmsghdr *m, size_t len, int flags)
{
    struct sock *sk = sock->sk;
    size_t copied = 0;
    long timeo = sock_rcvtimeo(sk, flags & MSG_DONTWAIT);
    if (flags & MSG_OOB)
        return -EINVAL;
    if (sk->sk_state == TCP_LISTEN)
        return -ENOTCONN;
    size_t target = (flags & MSG_WAITALL) ? len : 1;
    sk_buff *peek_pos = nullptr;
    size_t peek_off = 0;
    while (copied < len) {
        sk_buff *skb = (flags & MSG_PEEK) ? (peek_pos ? peek_pos : skb_peek(&sk->sk_receive_queue))
                                          : skb_peek(&sk->sk_receive_queue);
        if (skb && skb != (sk_buff *)&sk->sk_receive_queue) {
            size_t off = (flags & MSG_PEEK) ? peek_off : 0;
            size_t n = min((size_t)skb->len - off, len - copied);
            bool fault = false;
            size_t done = copy_to_iter(skb->data + off, n, &m->msg_iter, &fault);
            copied += done;
            if (fault)
                return copied ? (int)copied : -EFAULT;
            if (flags & MSG_PEEK) {
                peek_off += done;
                if (peek_off == skb->len) {
                    peek_pos = skb->next;
                    peek_off = 0;
                } else {
                    peek_pos = skb;
                }
            } else if (done == skb->len) {
                skb_unlink(skb, &sk->sk_receive_queue);
                kfree_skb(skb);
            } else {
                skb_queue_pull(&sk->sk_receive_queue, skb, (unsigned)done);
            }
            continue;
        }
        if (copied >= target)
            break;
        if (sk->sk_err) {
            if (copied)
                break;
            return sock_error(sk);
        }
        if (sk->sk_shutdown & RCV_SHUTDOWN)
            break;
        if (sk->sk_state == TCP_CLOSE) {
            if (!tcp_sk(sk)->was_connected)
                return copied ? (int)copied : -ENOTCONN;
            break;
        }
        if (!timeo) {
            if (copied)
                break;
            return -EAGAIN;
        }
        if (!(flags & MSG_PEEK))
            tcp_cleanup_rbuf(sk);
        size_t have = copied;
        timeo = wait_event_interruptible_timeout(
            sk->sk_wq,
            (sk->sk_receive_queue.bytes > ((flags & MSG_PEEK) ? 0u + (u32)(have) : 0u)) || sk->sk_err ||
                (sk->sk_shutdown & RCV_SHUTDOWN) || sk->sk_state == TCP_CLOSE,
            timeo);
        if (timeo < 0)
            return copied ? (int)copied : -EINTR;
        if (timeo == 0 && !copied && skb_queue_empty(&sk->sk_receive_queue))
            return -EAGAIN;
        if (flags & MSG_PEEK) { /* start the peek over: the queue may have changed */
            peek_pos = nullptr;
            peek_off = 0;
            if (copied)
                break;
        }
    }
    if (!(flags & MSG_PEEK))
        tcp_cleanup_rbuf(sk);
    return (int)copied;
}

static void tcp_send_fin(struct sock *sk)
{
    tcp_sock *tp = tcp_sk(sk);
    if (tp->fin_queued)
        return;
    tp->fin_queued = true;
    tcp_queue_control(sk, TCPHDR_FIN);
}

/* Linux: net/ipv4/tcp.c tcp_shutdown() */
extern "C" int tcp_shutdown(socket *sock, int how)
{
    struct sock *sk = sock->sk;
    int mask = how + 1; /* SHUT_RD 0 -> 1, SHUT_WR 1 -> 2, SHUT_RDWR 2 -> 3 */
    if (sk->sk_state == TCP_LISTEN || sk->sk_state == TCP_SYN_SENT || sk->sk_state == TCP_CLOSE) {
        if (sk->sk_state == TCP_LISTEN && (mask & RCV_SHUTDOWN)) {
            sk->sk_shutdown |= (u8)mask;
            sk_wake(sk);
            return 0;
        }
        return -ENOTCONN;
    }
    sk->sk_shutdown |= (u8)mask;
    if (mask & SEND_SHUTDOWN) {
        if (sk->sk_state == TCP_ESTABLISHED || sk->sk_state == TCP_SYN_RECV) {
            tcp_set_state(sk, TCP_FIN_WAIT1);
            tcp_send_fin(sk);
        } else if (sk->sk_state == TCP_CLOSE_WAIT) {
            tcp_set_state(sk, TCP_LAST_ACK);
            tcp_send_fin(sk);
        }
    }
    sk_wake(sk);
    return 0;
}

/* Linux: net/ipv4/tcp.c tcp_close(): the socket is gone; the connection may live on */
extern "C" void tcp_close(struct sock *sk)
{
    tcp_sock *tp = tcp_sk(sk);
    sk->sk_dead = true;
    sk->sk_socket = nullptr;
    sk->sk_shutdown = SHUTDOWN_MASK;
    if (sk->sk_state == TCP_LISTEN) {
        /* children nobody accepted are reset */
        list_head *lists[2] = {&tp->accept_queue, &tp->syn_queue};
        for (list_head *l : lists) {
            while (!list_empty(l)) {
                tcp_sock *c = list_first_entry(l, tcp_sock, child_node);
                tcp_send_active_reset(&c->inet.sk);
                tcp_done(&c->inet.sk);
            }
        }
        tcp_done(sk);
    } else if (sk->sk_state == TCP_SYN_SENT || sk->sk_state == TCP_CLOSE) {
        tcp_done(sk);
    } else if (!skb_queue_empty(&sk->sk_receive_queue) || (sk->sk_linger && !sk->sk_lingertime)) {
        /* unread data, or SO_LINGER with a zero timeout: abort with a RST, as RFC 2525 2.17
         * and Linux do */
        skb_queue_purge(&sk->sk_receive_queue);
        tcp_send_active_reset(sk);
        tcp_done(sk);
    } else if (sk->sk_state == TCP_ESTABLISHED || sk->sk_state == TCP_SYN_RECV) {
        tcp_set_state(sk, TCP_FIN_WAIT1);
        tcp_send_fin(sk);
    } else if (sk->sk_state == TCP_CLOSE_WAIT) {
        tcp_set_state(sk, TCP_LAST_ACK);
        tcp_send_fin(sk);
    } else if (sk->sk_state == TCP_FIN_WAIT2) {
        mod_timer(&tp->timewait_timer, jiffies + TCP_FIN_TIMEOUT);
    }
    sock_put(sk); /* the socket's reference; the connection table may still hold one */
}

/* Linux: net/ipv4/tcp.c tcp_poll() */
extern "C" unsigned int tcp_poll(file *f, socket *sock, poll_table *pt)
{
    struct sock *sk = sock->sk;
    tcp_sock *tp = tcp_sk(sk);
    poll_wait(f, &sk->sk_wq, pt);
    if (sk->sk_state == TCP_LISTEN)
        return list_empty(&tp->accept_queue) ? 0 : POLLIN | POLLRDNORM;
    unsigned int mask = 0;
    if (sk->sk_err)
        mask |= POLLERR;
    if (sk->sk_shutdown == SHUTDOWN_MASK || (sk->sk_state == TCP_CLOSE && tp->was_connected))
        mask |= POLLHUP;
    if (sk->sk_shutdown & RCV_SHUTDOWN)
        mask |= POLLIN | POLLRDNORM | POLLRDHUP;
    if (sk->sk_state == TCP_SYN_SENT || sk->sk_state == TCP_SYN_RECV)
        return mask;
    if (!skb_queue_empty(&sk->sk_receive_queue))
        mask |= POLLIN | POLLRDNORM;
    if (tcp_can_send(sk) && !(sk->sk_shutdown & SEND_SHUTDOWN) && sk->sk_sndbuf > (int)sk->sk_write_queue.bytes)
        mask |= POLLOUT | POLLWRNORM;
    if (sk->sk_state == TCP_CLOSE && !tp->was_connected && sk->sk_err)
        mask |= POLLOUT; /* a failed non-blocking connect reports through SO_ERROR */
    return mask;
}

/* Linux: net/ipv4/tcp.c do_tcp_setsockopt(): TCP_NODELAY is accepted (we never delay) */
extern "C" int tcp_setsockopt(socket *, int level, int optname, const void *, unsigned int optlen)
{
    if (level != SOL_TCP)
        return -ENOPROTOOPT;
    if (optlen < sizeof(int))
        return -EINVAL;
    return optname == TCP_NODELAY ? 0 : -ENOPROTOOPT;
}

extern "C" int tcp_getsockopt(socket *sock, int level, int optname, void *optval, int *optlen)
{
    if (level != SOL_TCP)
        return -ENOPROTOOPT;
    int val;
    if (optname == TCP_NODELAY)
        val = 1;
    else if (optname == TCP_MAXSEG)
        val = tcp_sk(sock->sk)->mss;
    else
        return -ENOPROTOOPT;
    int n = min(*optlen, (int)sizeof(int));
    memcpy(optval, &val, n);
    *optlen = n;
    return 0;
}
