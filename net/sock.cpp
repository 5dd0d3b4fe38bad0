/* Generic sock handling (net/core/sock.c): allocation, references, SOL_SOCKET options,
 * and the iov_iter copies between user iovecs and kernel buffers (lib/iov_iter.c). */
#include "net/sock.h"
#include "kernel/slab.h"
#include "kernel/string.h"
#include "kernel/timer.h"
#include "kernel/uaccess.h"
#include "uapi/errno.h"

extern "C" {
constinit net init_net = {0};
constinit list_head sock_list = LIST_HEAD_INIT(sock_list);
}
static unsigned long next_sock_ino = 1000;

#define SK_RCVBUF_DEFAULT (256 * 1024)
#define SK_SNDBUF_DEFAULT (256 * 1024)

/* Linux: net/core/sock.c sk_alloc() */
extern "C" sock *sk_alloc(net *, int family, gfp_t gfp, const proto *prot)
{
    sock *sk = (sock *)kzalloc(prot->obj_size, gfp);
    if (!sk)
        return nullptr;
    sk->sk_family = (u16)family;
    sk->sk_prot = prot;
    sk->sk_refcnt = 1;
    sk->sk_rcvbuf = SK_RCVBUF_DEFAULT;
    sk->sk_sndbuf = SK_SNDBUF_DEFAULT;
    sk->sk_rcvtimeo = MAX_SCHEDULE_TIMEOUT;
    sk->sk_sndtimeo = MAX_SCHEDULE_TIMEOUT;
    sk->sk_ino = next_sock_ino++;
    skb_queue_head_init(&sk->sk_receive_queue);
    skb_queue_head_init(&sk->sk_write_queue);
    init_waitqueue_head(&sk->sk_wq);
    list_add_tail(&sk->sk_node, &sock_list);
    return sk;
}

/* Linux: net/core/sock.c sock_init_data() */
extern "C" void sock_init_data(socket *sock, struct sock *sk)
{
    if (sock) {
        sock->sk = sk;
        sk->sk_type = (u8)sock->type;
    }
    sk->sk_socket = sock;
}

extern "C" void sock_hold(sock *sk) { sk->sk_refcnt++; }

/* Linux: include/net/sock.h sock_put() -> sk_free() */
extern "C" void sock_put(sock *sk)
{
    if (--sk->sk_refcnt > 0)
        return;
    if (sk->sk_prot->destroy)
        sk->sk_prot->destroy(sk);
    skb_queue_purge(&sk->sk_receive_queue);
    skb_queue_purge(&sk->sk_write_queue);
    list_del(&sk->sk_node);
    kfree(sk);
}

extern "C" void sk_wake(sock *sk)
{
    if (waitqueue_active(&sk->sk_wq))
        wake_up_interruptible(&sk->sk_wq);
}

extern "C" int sock_error(sock *sk)
{
    int err = sk->sk_err;
    sk->sk_err = 0;
    return -err;
}

extern "C" long sock_sndtimeo(const sock *sk, bool noblock) { return noblock ? 0 : sk->sk_sndtimeo; }
extern "C" long sock_rcvtimeo(const sock *sk, bool noblock) { return noblock ? 0 : sk->sk_rcvtimeo; }
extern "C" int sock_intr_errno(long timeo) { return timeo < 0 ? -EINTR : -EAGAIN; }

struct timeval32 {
    long tv_sec;
    long tv_usec;
};

static long timeval_to_jiffies(const timeval32 &tv)
{
    if (tv.tv_sec == 0 && tv.tv_usec == 0)
        return MAX_SCHEDULE_TIMEOUT;
    if (tv.tv_sec < 0 || tv.tv_usec < 0 || tv.tv_usec >= 1000000)
        return -EDOM;
    if (tv.tv_sec >= MAX_SCHEDULE_TIMEOUT / HZ - 1)
        return MAX_SCHEDULE_TIMEOUT;
    long j = tv.tv_sec * HZ + (tv.tv_usec + 1000000 / HZ - 1) / (1000000 / HZ);
    return j ? j : 1;
}

/* Linux: net/core/sock.c sock_setsockopt() */
extern "C" int sock_setsockopt(socket *sock, int level, int optname, const void *optval, unsigned int optlen)
{
    struct sock *sk = sock->sk;
    if (level != SOL_SOCKET)
        return -ENOPROTOOPT;
    if (optname == SO_RCVTIMEO || optname == SO_SNDTIMEO) {
        if (optlen < sizeof(timeval32))
            return -EINVAL;
        timeval32 tv;
        memcpy(&tv, optval, sizeof(tv));
        long j = timeval_to_jiffies(tv);
        if (j < 0)
            return (int)j;
        (optname == SO_RCVTIMEO ? sk->sk_rcvtimeo : sk->sk_sndtimeo) = j;
        return 0;
    }
    if (optlen < sizeof(int))
        return -EINVAL;
    int val;
    memcpy(&val, optval, sizeof(val));
    switch (optname) {
    case SO_REUSEADDR:
        sk->sk_reuseaddr = val != 0;
        return 0;
    case SO_KEEPALIVE:
        sk->sk_keepalive = val != 0; /* accepted; loopback peers never vanish silently */
        return 0;
    case SO_RCVBUF:
        /* Linux doubles the value for its bookkeeping overhead; so do we (getsockopt shows it) */
        sk->sk_rcvbuf = max(min(val, 4 * 1024 * 1024) * 2, 2048);
        return 0;
    case SO_SNDBUF:
        sk->sk_sndbuf = max(min(val, 4 * 1024 * 1024) * 2, 4608);
        return 0;
    case SO_DEBUG:
    case SO_BROADCAST:
    case SO_REUSEPORT:
        return 0;
    case SO_LINGER: {
        if (optlen < sizeof(linger))
            return -EINVAL;
        linger l;
        memcpy(&l, optval, sizeof(l));
        sk->sk_linger = l.l_onoff != 0;
        sk->sk_lingertime = l.l_linger < 0 ? 0 : l.l_linger;
        return 0;
    }
    }
    return -ENOPROTOOPT;
}

/* Linux: net/core/sock.c sock_getsockopt() */
extern "C" int sock_getsockopt(socket *sock, int level, int optname, void *optval, int *optlen)
{
    struct sock *sk = sock->sk;
    if (level != SOL_SOCKET)
        return -ENOPROTOOPT;
    int val;
    switch (optname) {
    case SO_RCVTIMEO:
    case SO_SNDTIMEO: {
        long j = optname == SO_RCVTIMEO ? sk->sk_rcvtimeo : sk->sk_sndtimeo;
        timeval32 tv = {0, 0};
        if (j != MAX_SCHEDULE_TIMEOUT) {
            tv.tv_sec = j / HZ;
            tv.tv_usec = (j % HZ) * (1000000 / HZ);
        }
        int n = min(*optlen, (int)sizeof(tv));
        memcpy(optval, &tv, n);
        *optlen = n;
        return 0;
    }
    case SO_LINGER: {
        linger l = {sk->sk_linger ? 1 : 0, sk->sk_lingertime};
        if (*optlen < 0)
            return -EINVAL;
        int n = min(*optlen, (int)sizeof(l));
        memcpy(optval, &l, n);
        *optlen = n;
        return 0;
    }
    case SO_TYPE: val = sk->sk_type; break;
    case SO_ERROR: val = -sock_error(sk); break;
    case SO_REUSEADDR: val = sk->sk_reuseaddr; break;
    case SO_KEEPALIVE: val = sk->sk_keepalive; break;
    case SO_RCVBUF: val = sk->sk_rcvbuf; break;
    case SO_SNDBUF: val = sk->sk_sndbuf; break;
    case SO_ACCEPTCONN: val = sk->sk_state == 10 /* TCP_LISTEN */; break;
    case SO_DOMAIN: val = sk->sk_family; break;
    case SO_PROTOCOL: val = sk->sk_protocol; break;
    case SO_DEBUG:
    case SO_BROADCAST:
    case SO_REUSEPORT: val = 0; break;
    default: return -ENOPROTOOPT;
    }
    if (*optlen < 0)
        return -EINVAL;
    int n = min(*optlen, (int)sizeof(int));
    memcpy(optval, &val, n);
    *optlen = n;
    return 0;
}

extern "C" void iov_iter_init(iov_iter *it, const iovec *iov, unsigned long nr, size_t count)
{
    it->iov = iov;
    it->nr_segs = nr;
    it->iov_offset = 0;
    it->count = count;
}

/* Linux: lib/iov_iter.c copy_from_iter() */
extern "C" size_t copy_from_iter(void *dst, size_t n, iov_iter *it, bool *fault)
{
    size_t done = 0;
    n = min(n, it->count);
    while (done < n && it->nr_segs) {
        size_t seg = it->iov->iov_len - it->iov_offset;
        size_t k = min(seg, n - done);
        if (k && copy_from_user((u8 *)dst + done, (const u8 __user *)it->iov->iov_base + it->iov_offset, k)) {
            *fault = true;
            return done;
        }
        done += k;
        it->iov_offset += k;
        it->count -= k;
        if (it->iov_offset == it->iov->iov_len) {
            it->iov++;
            it->nr_segs--;
            it->iov_offset = 0;
        }
    }
    return done;
}

/* Linux: lib/iov_iter.c copy_to_iter() */
extern "C" size_t copy_to_iter(const void *src, size_t n, iov_iter *it, bool *fault)
{
    size_t done = 0;
    n = min(n, it->count);
    while (done < n && it->nr_segs) {
        size_t seg = it->iov->iov_len - it->iov_offset;
        size_t k = min(seg, n - done);
        if (k && copy_to_user((u8 __user *)it->iov->iov_base + it->iov_offset, (const u8 *)src + done, k)) {
            *fault = true;
            return done;
        }
        done += k;
        it->iov_offset += k;
        it->count -= k;
        if (it->iov_offset == it->iov->iov_len) {
            it->iov++;
            it->nr_segs--;
            it->iov_offset = 0;
        }
    }
    return done;
}
