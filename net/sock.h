/* The socket world's core types (include/linux/net.h, include/net/sock.h).
 *
 *   file --private_data--> socket (BSD face: state, type, ops)  --sk--> sock (protocol state)
 *
 * `proto_ops` is the per-family table the syscalls call through (inet_stream_ops, ...).
 * A sock lives as long as its last reference: the socket holds one, a protocol holds one while
 * the sock is in its tables or has timers (TCP's TIME_WAIT outlives the socket).
 * Read next: net/socket.cpp (syscalls), net/af_inet.cpp, net/af_unix.cpp. */
#pragma once
#include "kernel/fs.h"
#include "kernel/list.h"
#include "kernel/types.h"
#include "kernel/wait.h"
#include "net/skbuff.h"
#include "net/uapi.h"

struct socket;
struct sock;

/* One network namespace: the lab's gdb session shows `net=&init_net` as on Linux. */
struct net {
    int ns_id;
};
extern "C" net init_net;

enum socket_state {
    SS_FREE = 0,
    SS_UNCONNECTED,
    SS_CONNECTING,
    SS_CONNECTED,
    SS_DISCONNECTING,
};

/* Where sendmsg/recvmsg data lives: user iovecs, walked as Linux's iov_iter. The protocols
 * copy with copy_from_iter()/copy_to_iter() and never see a user pointer themselves. */
struct iov_iter {
    const iovec *iov; /* kernel copy of the array; iov_base are user pointers */
    unsigned long nr_segs;
    size_t iov_offset;
    size_t count;     /* bytes left */
};

/* A system call's message, in kernel memory (Linux: struct msghdr with msg_iter). */
struct kmsghdr {
    void *msg_name;       /* kernel copy of the address (sockaddr_storage sized), or NULL */
    int msg_namelen;
    iov_iter msg_iter;
    unsigned int msg_flags; /* MSG_* in; MSG_TRUNC... out */
};
#define SOCKADDR_STORAGE_SIZE 128

struct proto_ops {
    int family;
    int (*release)(socket *sock);
    int (*bind)(socket *sock, sockaddr *addr, int addrlen);
    int (*connect)(socket *sock, sockaddr *addr, int addrlen, int flags);
    int (*socketpair)(socket *a, socket *b);
    int (*accept)(socket *sock, socket *newsock, int flags);
    /* Fills addr; returns its length or -errno. */
    int (*getname)(socket *sock, sockaddr *addr, int peer);
    unsigned int (*poll)(file *f, socket *sock, poll_table *pt);
    int (*listen)(socket *sock, int backlog);
    int (*shutdown)(socket *sock, int how);
    int (*setsockopt)(socket *sock, int level, int optname, const void *optval, unsigned int optlen);
    int (*getsockopt)(socket *sock, int level, int optname, void *optval, int *optlen);
    int (*sendmsg)(socket *sock, kmsghdr *m, size_t len);
    int (*recvmsg)(socket *sock, kmsghdr *m, size_t len, int flags);
};

struct net_proto_family {
    int family;
    int (*create)(net *net, socket *sock, int protocol, int kern);
};

/* Linux: struct socket. */
struct socket {
    socket_state state;
    short type;
    unsigned long flags;
    struct file *file;
    sock *sk;
    const proto_ops *ops;
};

/* sk_shutdown bits */
#define RCV_SHUTDOWN 1
#define SEND_SHUTDOWN 2
#define SHUTDOWN_MASK 3

struct proto;

/* Linux: struct sock (and sock_common). Protocol socks embed it first. */
struct sock {
    u16 sk_family;
    u8 sk_type;
    u8 sk_protocol;
    u8 sk_state;          /* TCP_* for inet streams, a TCP-like state for the others */
    u8 sk_shutdown;
    bool sk_reuseaddr;
    bool sk_keepalive;
    bool sk_linger;       /* SO_LINGER on: close waits (TCP: l_linger 0 resets at once) */
    int sk_lingertime;    /* SO_LINGER's l_linger, seconds */
    bool sk_dead;         /* the socket was closed: no one will read */
    int sk_err;           /* pending error, positive errno (SO_ERROR reads and clears it) */
    int sk_refcnt;
    int sk_rcvbuf;        /* bytes the receive queue may hold */
    int sk_sndbuf;        /* bytes the send side may hold (unacked + unsent) */
    long sk_rcvtimeo;     /* jiffies, MAX_SCHEDULE_TIMEOUT: forever */
    long sk_sndtimeo;
    u16 sk_ack_backlog;
    u16 sk_max_ack_backlog;
    sk_buff_head sk_receive_queue;
    sk_buff_head sk_write_queue;
    wait_queue_head sk_wq; /* readers, writers, connect, accept and poll all wait here */
    socket *sk_socket;
    const proto *sk_prot;
    list_head sk_node;    /* all socks, for /proc/net */
    unsigned long sk_ino; /* an inode-like number shown by netstat */
};

/* Per-protocol object sizes and hooks (Linux: struct proto), enough for sk_alloc. */
struct proto {
    const char *name;
    unsigned int obj_size;
    void (*destroy)(sock *sk); /* frees protocol resources when the last reference goes */
};

extern "C" {
/* Linux: net/core/sock.c sk_alloc(): a zeroed obj_size object with one reference. */
sock *sk_alloc(net *net, int family, gfp_t gfp, const proto *prot);
void sock_init_data(socket *sock, struct sock *sk);
void sock_hold(sock *sk);
void sock_put(sock *sk);
/* Wake whoever waits on sk (only when someone does). */
void sk_wake(sock *sk);
/* Common SOL_SOCKET options. */
int sock_setsockopt(socket *sock, int level, int optname, const void *optval, unsigned int optlen);
int sock_getsockopt(socket *sock, int level, int optname, void *optval, int *optlen);
int sock_error(sock *sk); /* -pending error, and clears it */
int sock_register(const net_proto_family *ops);
socket *sock_alloc(void);
void sock_release(socket *sock);
int sock_create(int family, int type, int protocol, socket **res);
int __sock_create(net *net, int family, int type, int protocol, socket **res, int kern);
/* Blocking helpers: the wait time left for a non-blocking or timed call. */
long sock_sndtimeo(const sock *sk, bool noblock);
long sock_rcvtimeo(const sock *sk, bool noblock);
/* Converts a wait_event_interruptible_timeout result into -EINTR/-EAGAIN or 0. */
int sock_intr_errno(long timeo);

/* iov_iter copies: return the bytes copied; *fault set on a bad user pointer. */
size_t copy_from_iter(void *dst, size_t n, iov_iter *it, bool *fault);
size_t copy_to_iter(const void *src, size_t n, iov_iter *it, bool *fault);
void iov_iter_init(iov_iter *it, const iovec *iov, unsigned long nr, size_t count);

extern list_head sock_list; /* every live sock, for /proc/net */
}

/* Linux: include/net/sock.h sock_flag(SOCK_DEAD) etc. are plain bools here. */
static inline bool sock_writable_space(const sock *sk, int used) { return used < sk->sk_sndbuf; }
