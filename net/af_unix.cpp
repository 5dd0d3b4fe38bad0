/* AF_UNIX (net/unix/af_unix.c): stream and datagram sockets on this machine, named by a
 * ramfs path (the seed's /somepath) or by an abstract name (sun_path[0] == 0), or unnamed
 * pairs from socketpair(). Data never crosses a device: sendmsg queues an skb on the peer. */
#include "net/unix.h"
#include "net/kernel_deps.h"
#include "net/tcp_states.h"
#include "kernel/string.h"
#include "uapi/errno.h"

static constinit list_head unix_abstract = LIST_HEAD_INIT(unix_abstract);

static void unix_destroy(sock *) {}
static constinit const proto unix_proto = {.name = "UNIX", .obj_size = sizeof(unix_sock), .destroy = unix_destroy};


extern "C" void unix_sock_name(const sock *sk, char *buf, size_t len)
{
    const unix_sock *u = unix_sk(sk);
    if (!u->addr_len || len < 2) {
        strlcpy(buf, "-", len);
        return;
    }
    int n = u->addr_len - (int)sizeof(sa_family_t);
    if (u->addr.sun_path[0] == 0) {
        buf[0] = '@';
        size_t k = min((size_t)(n - 1), len - 2);
        memcpy(buf + 1, u->addr.sun_path + 1, k);
        buf[k + 1] = 0;
    } else {
        strlcpy(buf, u->addr.sun_path, len);
    }
}

static sock *unix_create1(net *net, socket *sock, int type)
{
    struct sock *sk = sk_alloc(net, AF_UNIX, GFP_KERNEL, &unix_proto);
    if (!sk)
        return nullptr;
    unix_sock *u = unix_sk(sk);
    INIT_LIST_HEAD(&u->accept_queue);
    INIT_LIST_HEAD(&u->accept_node);
    INIT_LIST_HEAD(&u->abstract_node);
    sk->sk_type = (u8)type;
    sk->sk_state = TCP_CLOSE;
    sock_init_data(sock, sk);
    return sk;
}

/* Checks a sockaddr_un; returns the length to keep, or -EINVAL. */
static int unix_mkname(const sockaddr_un *a, int len)
{
    if (len <= (int)sizeof(sa_family_t) || len > (int)sizeof(sockaddr_un) || a->sun_family != AF_UNIX)
        return -EINVAL;
    return len;
}

/* Copies the NUL-terminated path of a into path. */
static void unix_path(const sockaddr_un *a, int len, char *path)
{
    int n = len - (int)sizeof(sa_family_t);
    memcpy(path, a->sun_path, n);
    path[n] = 0;
}

static unix_sock *unix_find_abstract(const sockaddr_un *a, int len, int type)
{
    unix_sock *u;
    list_for_each_entry(u, &unix_abstract, abstract_node) {
        if (u->addr_len == len && !memcmp(u->addr.sun_path, a->sun_path, len - sizeof(sa_family_t)) &&
            u->sk.sk_type == type)
            return u;
    }
    return nullptr;
}

/* Linux: net/unix/af_unix.c unix_find_other(): the bound sock a name refers to */
extern "C" int unix_find_other(const sockaddr_un *a, int len, int type, unix_sock **res)
{
    if (a->sun_path[0] == 0) {
        *res = unix_find_abstract(a, len, type);
        return *res ? 0 : -ECONNREFUSED;
    }
    char path[sizeof(a->sun_path) + 1];
    unix_path(a, len, path);
    inode *ino;
    int err = vfs_lookup(path, &ino);
    if (err)
        return err;
    if (!S_ISSOCK(ino->i_mode) || !ino->i_private)
        return -ECONNREFUSED;
    unix_sock *u = (unix_sock *)ino->i_private;
    if (u->sk.sk_type != type)
        return -EPROTOTYPE;
    *res = u;
    return 0;
}

/* Linux: net/unix/af_unix.c unix_bind() */
extern "C" int unix_bind(socket *sock, sockaddr *uaddr, int addr_len)
{
    struct sock *sk = sock->sk;
    unix_sock *u = unix_sk(sk);
    const sockaddr_un *a = (const sockaddr_un *)uaddr;
    if (addr_len == (int)sizeof(sa_family_t) && a->sun_family == AF_UNIX)
        return -EINVAL; /* autobind is not supported */
    int len = unix_mkname(a, addr_len);
    if (len < 0)
        return len;
    if (u->addr_len)
        return -EINVAL;
    if (a->sun_path[0] == 0) {
        if (unix_find_abstract(a, len, SOCK_STREAM) || unix_find_abstract(a, len, SOCK_DGRAM) ||
            unix_find_abstract(a, len, SOCK_SEQPACKET))
            return -EADDRINUSE;
        list_add(&u->abstract_node, &unix_abstract);
    } else {
        char path[sizeof(a->sun_path) + 1];
        unix_path(a, len, path);
        if (!path[0])
            return -EINVAL;
        inode *ino;
        int err = vfs_mksock(path, u, &ino);
        if (err)
            return err == -EEXIST ? -EADDRINUSE : err;
        ino->i_count++;
        u->path_inode = ino;
        /* the stored name ends at its NUL, as Linux reports it */
        len = (int)(sizeof(sa_family_t) + strnlen(a->sun_path, sizeof(a->sun_path)) + 1);
        if (len > (int)sizeof(sockaddr_un))
            len = sizeof(sockaddr_un);
    }
    memset(&u->addr, 0, sizeof(u->addr));
    memcpy(&u->addr, a, len);
    u->addr_len = len;
    return 0;
}

extern "C" int unix_listen(socket *sock, int backlog)
{
    struct sock *sk = sock->sk;
    if (sock->type != SOCK_STREAM && sock->type != SOCK_SEQPACKET)
        return -EOPNOTSUPP;
    if (!unix_sk(sk)->addr_len)
        return -EINVAL; /* Linux: listen on an unbound AF_UNIX socket */
    if (sk->sk_state != TCP_CLOSE && sk->sk_state != TCP_LISTEN)
        return -EINVAL;
    if (sk->sk_state == TCP_LISTEN && backlog > sk->sk_max_ack_backlog)
        sk_wake(sk); /* connectors waiting for room */
    sk->sk_max_ack_backlog = (u16)min(backlog < 0 ? 0 : backlog, 0xffff);
    sk->sk_state = TCP_LISTEN;
    return 0;
}

static void unix_pair(unix_sock *a, unix_sock *b)
{
    sock_hold(&b->sk);
    a->peer = b;
    sock_hold(&a->sk);
    b->peer = a;
    a->sk.sk_state = b->sk.sk_state = TCP_ESTABLISHED;
}

/* Linux: net/unix/af_unix.c unix_recvq_full(): a listener takes one connection more than its
 * backlog (listen(fd, 0) still admits one), as Linux counts. */
static bool unix_recvq_full(const struct sock *sk) { return sk->sk_ack_backlog > sk->sk_max_ack_backlog; }

/* Linux: net/unix/af_unix.c unix_stream_connect() */
extern "C" int unix_stream_connect(socket *sock, sockaddr *uaddr, int addr_len, int flags)
{
    struct sock *sk = sock->sk;
    unix_sock *u = unix_sk(sk);
    int len = unix_mkname((const sockaddr_un *)uaddr, addr_len);
    if (len < 0)
        return len;
    if (sk->sk_state == TCP_ESTABLISHED)
        return -EISCONN;
    if (sk->sk_state != TCP_CLOSE)
        return -EINVAL;
    unix_sock *other;
    int err;
    for (;;) {
        err = unix_find_other((const sockaddr_un *)uaddr, len, sock->type, &other);
        if (err)
            return err;
        if (other->sk.sk_state != TCP_LISTEN || (other->sk.sk_shutdown & RCV_SHUTDOWN))
            return -ECONNREFUSED;
        if (!unix_recvq_full(&other->sk))
            break;
        if (flags & O_NONBLOCK)
            return -EAGAIN;
        struct sock *osk = &other->sk;
        sock_hold(osk);
        int r = wait_event_interruptible(osk->sk_wq, osk->sk_state != TCP_LISTEN || !unix_recvq_full(osk));
        sock_put(osk);
        if (r < 0)
            return -EINTR;
        if (sk->sk_state != TCP_CLOSE)
            return -EISCONN;
    }
    /* the server's end of the connection, handed out by accept() */
    struct sock *newsk = unix_create1(&init_net, nullptr, sock->type);
    if (!newsk)
        return -ENOMEM;
    unix_sock *nu = unix_sk(newsk);
    newsk->sk_rcvbuf = other->sk.sk_rcvbuf;
    newsk->sk_sndbuf = other->sk.sk_sndbuf;
    memcpy(&nu->addr, &other->addr, sizeof(nu->addr));
    nu->addr_len = other->addr_len;
    unix_pair(u, nu);
    sock_put(newsk); /* the pair holds it now, plus the accept queue below */
    sock_hold(newsk);
    list_add_tail(&nu->accept_node, &other->accept_queue);
    other->sk.sk_ack_backlog++;
    sock->state = SS_CONNECTED;
    sk_wake(&other->sk);
    return 0;
}

/* Linux: net/unix/af_unix.c unix_accept() */
extern "C" int unix_accept(socket *sock, socket *newsock, int flags)
{
    struct sock *sk = sock->sk;
    unix_sock *u = unix_sk(sk);
    if (sock->type != SOCK_STREAM && sock->type != SOCK_SEQPACKET)
        return -EOPNOTSUPP;
    if (sk->sk_state != TCP_LISTEN)
        return -EINVAL;
    if (list_empty(&u->accept_queue)) {
        if (flags & O_NONBLOCK)
            return -EAGAIN;
        if (wait_event_interruptible(sk->sk_wq, !list_empty(&u->accept_queue) || sk->sk_state != TCP_LISTEN) < 0)
            return -EINTR;
        if (list_empty(&u->accept_queue))
            return -EINVAL;
    }
    unix_sock *nu = list_first_entry(&u->accept_queue, unix_sock, accept_node);
    list_del_init(&nu->accept_node);
    sk->sk_ack_backlog--;
    sk_wake(sk); /* a connector may wait for room in the backlog */
    sock_init_data(newsock, &nu->sk); /* takes over the accept queue's reference */
    newsock->state = SS_CONNECTED;
    return 0;
}

extern "C" int unix_socketpair(socket *a, socket *b)
{
    unix_pair(unix_sk(a->sk), unix_sk(b->sk));
    if (a->type != SOCK_DGRAM) {
        a->state = SS_CONNECTED;
        b->state = SS_CONNECTED;
    }
    return 0;
}

extern "C" int unix_getname(socket *sock, sockaddr *uaddr, int peer)
{
    unix_sock *u = unix_sk(sock->sk);
    if (peer) {
        u = u->peer;
        if (!u)
            return -ENOTCONN;
    }
    sockaddr_un *a = (sockaddr_un *)uaddr;
    if (!u->addr_len) {
        a->sun_family = AF_UNIX;
        return (int)sizeof(sa_family_t);
    }
    memcpy(a, &u->addr, u->addr_len);
    return u->addr_len;
}

/* Drops the link to the peer and tells it (EOF for streams). */
static void unix_disconnect(unix_sock *u)
{
    unix_sock *p = u->peer;
    if (!p)
        return;
    u->peer = nullptr;
    if (u->sk.sk_type != SOCK_DGRAM || p->peer == u) {
        p->sk.sk_shutdown = SHUTDOWN_MASK;
        if (u->sk.sk_type != SOCK_DGRAM && !skb_queue_empty(&u->sk.sk_receive_queue))
            p->sk.sk_err = ECONNRESET; /* we close with unread data, as Linux reports */
        sk_wake(&p->sk);
    }
    sock_put(&p->sk);
}

/* Linux: net/unix/af_unix.c unix_release_sock() */
extern "C" int unix_release(socket *sock)
{
    struct sock *sk = sock->sk;
    if (!sk)
        return 0;
    unix_sock *u = unix_sk(sk);
    sock->sk = nullptr;
    sk->sk_socket = nullptr;
    sk->sk_dead = true;
    sk->sk_shutdown = SHUTDOWN_MASK;
    int old_state = sk->sk_state;
    sk->sk_state = TCP_CLOSE;
    sk_wake(sk);
    if (old_state == TCP_LISTEN) {
        while (!list_empty(&u->accept_queue)) { /* connections nobody accepted */
            unix_sock *nu = list_first_entry(&u->accept_queue, unix_sock, accept_node);
            list_del_init(&nu->accept_node);
            nu->sk.sk_dead = true;
            unix_disconnect(nu);
            sock_put(&nu->sk);
        }
    }
    unix_disconnect(u);
    skb_queue_purge(&sk->sk_receive_queue);
    if (u->path_inode) {
        u->path_inode->i_private = nullptr; /* the name stays, refusing connections (Linux) */
        iput(u->path_inode);
        u->path_inode = nullptr;
    }
    if (!list_empty(&u->abstract_node))
        list_del_init(&u->abstract_node);
    sock_put(sk);
    return 0;
}

extern "C" int unix_shutdown(socket *sock, int how)
{
    struct sock *sk = sock->sk;
    unix_sock *u = unix_sk(sk);
    int mask = how + 1;
    sk->sk_shutdown |= (u8)mask;
    sk_wake(sk);
    if (u->peer && sk->sk_type != SOCK_DGRAM) {
        struct sock *psk = &u->peer->sk;
        if (mask & SEND_SHUTDOWN)
            psk->sk_shutdown |= RCV_SHUTDOWN;
        if (mask & RCV_SHUTDOWN)
            psk->sk_shutdown |= SEND_SHUTDOWN;
        sk_wake(psk);
    }
    return 0;
}

/* Linux: net/unix/af_unix.c unix_stream_sendmsg(): straight onto the peer's queue */
extern "C" int unix_stream_sendmsg(socket *sock, kmsghdr *m, size_t len)
{
    struct sock *sk = sock->sk;
    unix_sock *u = unix_sk(sk);
    size_t sent = 0;
    long timeo = sock_sndtimeo(sk, m->msg_flags & MSG_DONTWAIT);
    if (m->msg_flags & MSG_OOB)
        return -EOPNOTSUPP;
    if (m->msg_name)
        return sk->sk_state == TCP_ESTABLISHED ? -EISCONN : -EOPNOTSUPP;
    if (!u->peer)
        return sk->sk_state == TCP_CLOSE && (sk->sk_shutdown & SEND_SHUTDOWN) ? -EPIPE : -ENOTCONN;
    while (sent < len) {
        unix_sock *p = u->peer;
        if ((sk->sk_shutdown & SEND_SHUTDOWN) || !p || (p->sk.sk_shutdown & RCV_SHUTDOWN) || p->sk.sk_dead)
            return sent ? (int)sent : -EPIPE; /* no SIGPIPE: see docs/sockets.md */
        struct sock *psk = &p->sk;
        /* What this end has sent and the peer not yet read is exactly the peer's queue: as on
         * Linux, the writer's SO_SNDBUF bounds it (the reader's SO_RCVBUF does not). */
        int room = sk->sk_sndbuf - (int)psk->sk_receive_queue.bytes;
        if (room <= 0) {
            if (!timeo)
                return sent ? (int)sent : -EAGAIN;
            sock_hold(psk);
            timeo = wait_event_interruptible_timeout(
                psk->sk_wq, sk->sk_sndbuf > (int)psk->sk_receive_queue.bytes || psk->sk_dead ||
                                (psk->sk_shutdown & RCV_SHUTDOWN) || (sk->sk_shutdown & SEND_SHUTDOWN), timeo);
            sock_put(psk);
            if (timeo <= 0)
                return sent ? (int)sent : (timeo < 0 ? -EINTR : -EAGAIN);
            continue;
        }
        size_t n = min(len - sent, (size_t)min(room, 64 * 1024));
        sk_buff *skb = alloc_skb((unsigned)n, GFP_KERNEL);
        if (!skb)
            return sent ? (int)sent : -ENOBUFS;
        bool fault = false;
        copy_from_iter(skb_put(skb, (unsigned)n), n, &m->msg_iter, &fault);
        if (fault) {
            kfree_skb(skb);
            return sent ? (int)sent : -EFAULT;
        }
        skb_queue_tail(&psk->sk_receive_queue, skb);
        sk_wake(psk);
        sent += n;
    }
    return (int)sent;
}

extern "C" int unix_stream_recvmsg(socket *sock, kmsghdr *m, size_t len, int flags)
{
    struct sock *sk = sock->sk;
    unix_sock *u = unix_sk(sk);
    if (flags & MSG_OOB)
        return -EOPNOTSUPP;
    if (sk->sk_state == TCP_LISTEN)
        return -EINVAL;
    size_t copied = 0;
    size_t target = (flags & MSG_WAITALL) ? len : 1;
    long timeo = sock_rcvtimeo(sk, flags & MSG_DONTWAIT);
    for (;;) {
        sk_buff *skb;
        size_t skip = 0;
        if (flags & MSG_PEEK) {
            skb_queue_walk(&sk->sk_receive_queue, skb)
            {
                if (copied >= len)
                    break;
                if (skip + skb->len <= copied) {
                    skip += skb->len;
                    continue;
                }
                size_t off = copied - skip;
                size_t n = min((size_t)skb->len - off, len - copied);
                bool fault = false;
                copy_to_iter(skb->data + off, n, &m->msg_iter, &fault);
                if (fault)
                    return copied ? (int)copied : -EFAULT;
                copied += n;
                skip += skb->len;
            }
        } else {
            while (copied < len && (skb = skb_peek(&sk->sk_receive_queue)) != nullptr) {
                size_t n = min((size_t)skb->len, len - copied);
                bool fault = false;
                copy_to_iter(skb->data, n, &m->msg_iter, &fault);
                if (fault)
                    return copied ? (int)copied : -EFAULT;
                copied += n;
                if (n == skb->len) {
                    skb_unlink(skb, &sk->sk_receive_queue);
                    kfree_skb(skb);
                } else {
                    skb_queue_pull(&sk->sk_receive_queue, skb, (unsigned)n);
                }
            }
            if (copied)
                sk_wake(sk); /* writers wait on our queue's wait queue for room */
        }
        if (copied >= target || copied == len)
            break;
        if (sk->sk_err && !copied)
            return sock_error(sk);
        if ((sk->sk_shutdown & RCV_SHUTDOWN) || (!u->peer && sk->sk_state != TCP_ESTABLISHED))
            break;
        if (!u->peer)
            break;
        if (!timeo)
            return copied ? (int)copied : -EAGAIN;
        if (flags & MSG_PEEK && copied)
            break;
        timeo = wait_event_interruptible_timeout(sk->sk_wq, !skb_queue_empty(&sk->sk_receive_queue) ||
                                                                (sk->sk_shutdown & RCV_SHUTDOWN) || !u->peer,
                                                 timeo);
        if (timeo < 0)
            return copied ? (int)copied : -EINTR;
        if (timeo == 0 && skb_queue_empty(&sk->sk_receive_queue))
            return copied ? (int)copied : -EAGAIN;
    }
    /* never connected: Linux's unix_stream_read_generic() says EINVAL (not ENOTCONN) */
    if (!copied && u->peer == nullptr && sk->sk_state == TCP_CLOSE && !(sk->sk_shutdown & RCV_SHUTDOWN))
        return -EINVAL;
    return (int)copied;
}

/* Linux: net/unix/af_unix.c unix_dgram_connect() */
extern "C" int unix_dgram_connect(socket *sock, sockaddr *uaddr, int addr_len, int)
{
    unix_sock *u = unix_sk(sock->sk);
    if (addr_len >= (int)sizeof(sa_family_t) && uaddr->sa_family == AF_UNSPEC) {
        if (u->peer) {
            sock_put(&u->peer->sk);
            u->peer = nullptr;
        }
        sock->sk->sk_state = TCP_CLOSE;
        return 0;
    }
    int len = unix_mkname((const sockaddr_un *)uaddr, addr_len);
    if (len < 0)
        return len;
    unix_sock *other;
    int err = unix_find_other((const sockaddr_un *)uaddr, len, SOCK_DGRAM, &other);
    if (err)
        return err;
    if (u->peer)
        sock_put(&u->peer->sk);
    sock_hold(&other->sk);
    u->peer = other;
    sock->sk->sk_state = TCP_ESTABLISHED;
    return 0;
}

extern "C" int unix_dgram_sendmsg(socket *sock, kmsghdr *m, size_t len)
{
    struct sock *sk = sock->sk;
    unix_sock *u = unix_sk(sk), *other;
    if (m->msg_flags & MSG_OOB)
        return -EOPNOTSUPP;
    if (sk->sk_shutdown & SEND_SHUTDOWN)
        return -EPIPE;
    if (m->msg_name) {
        int alen = unix_mkname((const sockaddr_un *)m->msg_name, m->msg_namelen);
        if (alen < 0)
            return alen;
        int err = unix_find_other((const sockaddr_un *)m->msg_name, alen, SOCK_DGRAM, &other);
        if (err)
            return err;
    } else {
        other = u->peer;
        if (!other)
            return -ENOTCONN;
        if (other->sk.sk_dead)
            return -ECONNREFUSED;
    }
    if (len > (size_t)sk->sk_sndbuf - 32)
        return -EMSGSIZE;
    struct sock *osk = &other->sk;
    long timeo = sock_sndtimeo(sk, m->msg_flags & MSG_DONTWAIT);
    while ((int)(osk->sk_receive_queue.bytes + len) > osk->sk_rcvbuf && osk->sk_receive_queue.qlen) {
        if (!timeo)
            return -EAGAIN;
        sock_hold(osk);
        timeo = wait_event_interruptible_timeout(
            osk->sk_wq, (int)(osk->sk_receive_queue.bytes + len) <= osk->sk_rcvbuf || osk->sk_dead, timeo);
        bool dead = osk->sk_dead;
        sock_put(osk);
        if (dead)
            return -ECONNREFUSED;
        if (timeo <= 0)
            return timeo < 0 ? -EINTR : -EAGAIN;
    }
    sk_buff *skb = alloc_skb((unsigned)len + 1, GFP_KERNEL);
    if (!skb)
        return -ENOBUFS;
    bool fault = false;
    copy_from_iter(skb_put(skb, (unsigned)len), len, &m->msg_iter, &fault);
    if (fault) {
        kfree_skb(skb);
        return -EFAULT;
    }
    /* the sender's name travels in skb->cb (its length, then the name) when it fits;
     * longer names are not reported to the receiver */
    int nl = u->addr_len;
    if (nl > (int)(sizeof(skb->cb) - sizeof(int)))
        nl = 0; /* long names are not reported to the receiver */
    memcpy((u8 *)skb->cb + sizeof(int), &u->addr, nl);
    memcpy(skb->cb, &nl, sizeof(int));
    skb_queue_tail(&osk->sk_receive_queue, skb);
    sk_wake(osk);
    return (int)len;
}

extern "C" int unix_dgram_recvmsg(socket *sock, kmsghdr *m, size_t len, int flags)
{
    struct sock *sk = sock->sk;
    long timeo = sock_rcvtimeo(sk, flags & MSG_DONTWAIT);
    while (skb_queue_empty(&sk->sk_receive_queue)) {
        if (sk->sk_shutdown & RCV_SHUTDOWN)
            return 0;
        if (!timeo)
            return -EAGAIN;
        timeo = wait_event_interruptible_timeout(
            sk->sk_wq, !skb_queue_empty(&sk->sk_receive_queue) || (sk->sk_shutdown & RCV_SHUTDOWN), timeo);
        if (timeo < 0)
            return -EINTR;
    }
    sk_buff *skb = skb_peek(&sk->sk_receive_queue);
    size_t n = min((size_t)skb->len, len);
    bool fault = false;
    copy_to_iter(skb->data, n, &m->msg_iter, &fault);
    if (fault)
        return -EFAULT;
    if (n < skb->len)
        m->msg_flags |= MSG_TRUNC;
    if (m->msg_name) {
        int nl;
        memcpy(&nl, skb->cb, sizeof(int));
        sockaddr_un *a = (sockaddr_un *)m->msg_name;
        if (nl) {
            memcpy(a, skb->cb + sizeof(int), nl);
            m->msg_namelen = nl;
        } else {
            a->sun_family = AF_UNIX;
            m->msg_namelen = sizeof(sa_family_t);
        }
    }
    int ret = (flags & MSG_TRUNC) ? (int)skb->len : (int)n;
    if (!(flags & MSG_PEEK)) {
        skb_unlink(skb, &sk->sk_receive_queue);
        kfree_skb(skb);
        sk_wake(sk); /* senders waiting for room */
    }
    return ret;
}

extern "C" unsigned int unix_poll(file *f, socket *sock, poll_table *pt)
{
    struct sock *sk = sock->sk;
    unix_sock *u = unix_sk(sk);
    poll_wait(f, &sk->sk_wq, pt);
    if (sk->sk_state == TCP_LISTEN)
        return list_empty(&u->accept_queue) ? 0 : POLLIN | POLLRDNORM;
    unsigned int mask = 0;
    if (sk->sk_err)
        mask |= POLLERR;
    if (!skb_queue_empty(&sk->sk_receive_queue))
        mask |= POLLIN | POLLRDNORM;
    if (sk->sk_shutdown & RCV_SHUTDOWN)
        mask |= POLLIN | POLLRDNORM | POLLRDHUP;
    if (sk->sk_shutdown == SHUTDOWN_MASK)
        mask |= POLLHUP;
    unix_sock *p = u->peer;
    if (p) {
        poll_wait(f, &p->sk.sk_wq, pt);
        /* the bound unix_stream_sendmsg() waits on: the writer's SO_SNDBUF for streams */
        int limit = sk->sk_type == SOCK_STREAM ? sk->sk_sndbuf : p->sk.sk_rcvbuf;
        if (p->sk.sk_receive_queue.bytes < (u32)limit)
            mask |= POLLOUT | POLLWRNORM;
    } else {
        /* Linux's unix_poll(): nothing to wait for, a write returns at once (ENOTCONN,
         * EPIPE); a stream with no connection has hung up */
        mask |= POLLOUT | POLLWRNORM;
        if (sk->sk_type == SOCK_STREAM && sk->sk_state == TCP_CLOSE)
            mask |= POLLHUP;
    }
    return mask;
}

static int unix_no_listen(socket *, int) { return -EOPNOTSUPP; }
static int unix_no_accept(socket *, socket *, int) { return -EOPNOTSUPP; }

extern "C" constinit const proto_ops unix_stream_ops = {
    .family = AF_UNIX,
    .release = unix_release,
    .bind = unix_bind,
    .connect = unix_stream_connect,
    .socketpair = unix_socketpair,
    .accept = unix_accept,
    .getname = unix_getname,
    .poll = unix_poll,
    .listen = unix_listen,
    .shutdown = unix_shutdown,
    .setsockopt = nullptr,
    .getsockopt = nullptr,
    .sendmsg = unix_stream_sendmsg,
    .recvmsg = unix_stream_recvmsg,
};

extern "C" constinit const proto_ops unix_dgram_ops = {
    .family = AF_UNIX,
    .release = unix_release,
    .bind = unix_bind,
    .connect = unix_dgram_connect,
    .socketpair = unix_socketpair,
    .accept = unix_no_accept,
    .getname = unix_getname,
    .poll = unix_poll,
    .listen = unix_no_listen,
    .shutdown = unix_shutdown,
    .setsockopt = nullptr,
    .getsockopt = nullptr,
    .sendmsg = unix_dgram_sendmsg,
    .recvmsg = unix_dgram_recvmsg,
};

/* Linux: net/unix/af_unix.c unix_create() */
extern "C" int unix_create(net *net, socket *sock, int protocol, int)
{
    if (protocol && protocol != PF_UNIX)
        return -EPROTONOSUPPORT;
    sock->state = SS_UNCONNECTED;
    switch (sock->type) {
    case SOCK_STREAM:
        sock->ops = &unix_stream_ops;
        break;
    case SOCK_DGRAM:
        sock->ops = &unix_dgram_ops;
        break;
    default:
        return -ESOCKTNOSUPPORT;
    }
    return unix_create1(net, sock, sock->type) ? 0 : -ENOMEM;
}

static constinit const net_proto_family unix_family_ops = {
    .family = PF_UNIX,
    .create = unix_create,
};

/* Linux: net/unix/af_unix.c af_unix_init() */
extern "C" void af_unix_init(void) { sock_register(&unix_family_ops); }
