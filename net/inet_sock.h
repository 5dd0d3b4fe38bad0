/* The AF_INET part of a sock (include/net/inet_sock.h) and the port tables
 * (include/net/inet_hashtables.h). Addresses and ports are kept in network order, as Linux;
 * inet_num is the local port in host order (0: not bound yet). Read next: net/af_inet.cpp. */
#pragma once
#include "net/sock.h"
#include "net/ip.h"

struct inet_sock {
    struct sock sk;
    __be32 inet_rcv_saddr; /* bound local address (INADDR_ANY: every local address) */
    __be32 inet_saddr;     /* source address used on output */
    __be32 inet_daddr;     /* peer (connected sockets) */
    __be16 inet_sport;
    __be16 inet_dport;
    u16 inet_num;
    u8 uc_ttl;
    bool inet_connected;   /* datagram sockets: connect() fixed the peer */
    list_head bind_node;   /* on its table's bind chain while inet_num != 0 */
};
static inline inet_sock *inet_sk(const sock *sk) { return (inet_sock *)sk; }

#define INET_BHASH_SIZE 256
/* One per protocol (TCP, UDP, ping): every bound sock, chained by local port. */
struct inet_bind_table {
    const char *name;
    list_head chain[INET_BHASH_SIZE];
    u16 next_ephemeral;
};
#define EPHEMERAL_LOW 32768
#define EPHEMERAL_HIGH 60999

extern "C" {
extern inet_bind_table tcp_bind_table, udp_bind_table, ping_bind_table;
void inet_bind_table_init(inet_bind_table *t);
/* Linux: net/ipv4/inet_connection_sock.c inet_csk_get_port(): binds sk to snum (0: pick an
 * ephemeral port). -EADDRINUSE when taken (SO_REUSEADDR on both sides allows sharing unless
 * one listens), -EAGAIN when no ephemeral port is free. */
int inet_get_port(inet_bind_table *t, sock *sk, u16 snum);
/* Shares parent's port (an accepted child). */
void inet_inherit_port(inet_bind_table *t, sock *parent, sock *child);
void inet_put_port(sock *sk);
static inline list_head *inet_bind_chain(inet_bind_table *t, u16 port) { return &t->chain[port % INET_BHASH_SIZE]; }
/* A random number for ISNs, ephemeral port starts and ping idents. */
u32 net_random(void);

/* UDP and ping sockets (net/ipv4/udp.cpp) */
int udp_sendmsg(socket *sock, kmsghdr *m, size_t len);
int udp_recvmsg(socket *sock, kmsghdr *m, size_t len, int flags);
int udp_connect(socket *sock, sockaddr *uaddr, int addr_len, int flags);
int udp_disconnect(sock *sk);
void udp_release(sock *sk);
unsigned int udp_poll(file *f, socket *sock, poll_table *pt);
void ping_rcv(sk_buff *skb);
/* /proc/net files (net/proc.cpp) */
void net_proc_init(void);
}

/* Where a datagram came from, kept in skb->cb while it waits on a receive queue. */
struct dgram_cb {
    __be32 saddr;
    __be16 sport;
};
static inline dgram_cb *DGRAM_CB(sk_buff *skb) { return (dgram_cb *)skb->cb; }

/* Fills a sockaddr_in; returns its size. */
static inline int inet_fill_addr(sockaddr *addr, __be32 a, __be16 port)
{
    sockaddr_in *sin = (sockaddr_in *)addr;
    sin->sin_family = AF_INET;
    sin->sin_port = port;
    sin->sin_addr.s_addr = a;
    for (auto &z : sin->sin_zero)
        z = 0;
    return (int)sizeof(sockaddr_in);
}
