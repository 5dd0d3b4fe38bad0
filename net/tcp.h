/* TCP (include/net/tcp.h, RFC 9293). The connection block, the header and the functions the
 * three TCP files share: tcp.cpp (the socket calls), tcp_input.cpp (segment arrival, the state
 * machine of RFC 9293 3.10.7), tcp_output.cpp (segments, timers).
 *
 * Sequence space invariants: snd_una <= snd_nxt <= write_seq; rcv_nxt only grows.
 * sk_write_queue holds every segment from snd_una on (sent and unsent, SYN and FIN too);
 * send_head is the first one not yet sent (NULL: all sent). */
#pragma once
#include "net/inet_sock.h"
#include "net/tcp_states.h"
#include "kernel/timer.h"

struct tcphdr {
    __be16 source;
    __be16 dest;
    __be32 seq;
    __be32 ack_seq;
    u16 res1 : 4, doff : 4, fin : 1, syn : 1, rst : 1, psh : 1, ack : 1, urg : 1, ece : 1, cwr : 1;
    __be16 window;
    __sum16 check;
    __be16 urg_ptr;
};
static_assert(sizeof(tcphdr) == 20);

#define TCPHDR_FIN 0x01
#define TCPHDR_SYN 0x02
#define TCPHDR_RST 0x04
#define TCPHDR_PSH 0x08
#define TCPHDR_ACK 0x10

/* Per-segment state in skb->cb (Linux: struct tcp_skb_cb). */
struct tcp_skb_cb {
    u32 seq;       /* first sequence number */
    u32 end_seq;   /* seq + SYN + FIN + data length */
    u8 tcp_flags;  /* TCPHDR_* */
    u32 ack_seq;   /* received segments: the ACK field */
    u16 window;
};
static inline tcp_skb_cb *TCP_SKB_CB(sk_buff *skb) { return (tcp_skb_cb *)skb->cb; }

/* Sequence arithmetic modulo 2^32 (RFC 9293 3.4). */
static inline bool before(u32 a, u32 b) { return (s32)(a - b) < 0; }
static inline bool after(u32 a, u32 b) { return before(b, a); }
static inline bool between(u32 x, u32 lo, u32 hi) { return hi - lo >= x - lo; } /* lo <= x <= hi */

#define TCP_MSS_DEFAULT 536
#define TCP_MAX_WINDOW 65535   /* no window scaling: one 64 KiB segment in flight */
#define TCP_RTO_INIT (HZ / 5)  /* 200 ms: the loopback's round trip is microseconds */
#define TCP_RTO_MAX (10 * HZ)
#define TCP_MAX_RETRIES 12
#define TCP_TIMEWAIT_LEN (1 * HZ) /* 1 s instead of 2*MSL = 60 s: see docs/net.md */
#define TCP_FIN_TIMEOUT (5 * HZ)  /* an orphan in FIN_WAIT2 waits this long for the peer's FIN */
#define TCP_INVALID_RATELIMIT (HZ / 2) /* Linux's tcp_invalid_ratelimit: 500 ms */

struct tcp_sock {
    inet_sock inet;
    u32 iss, irs;
    u32 snd_una, snd_nxt, snd_wnd, snd_wl1, snd_wl2;
    u32 snd_max;          /* highest sequence ever sent (snd_nxt goes back on a timeout) */
    u32 write_seq;        /* end of the data queued by sendmsg */
    u32 rcv_nxt;
    u32 rcv_wup;          /* rcv_nxt when the window was last advertised */
    u32 rcv_wnd;          /* the window last advertised */
    u16 mss;              /* the largest segment we send */
    u16 advmss;           /* the MSS option we announce */
    bool fin_queued;      /* close/shutdown queued our FIN */
    bool was_connected;   /* reached ESTABLISHED once */
    bool hashed;          /* in the connection table: holds a reference */
    u8 retransmits;
    unsigned long rto;
    unsigned long last_oow_ack_time; /* jiffies of the last ACK to an invalid segment */
    bool oow_ack_sent;               /* ... if there was one */
    sk_buff *send_head;
    sk_buff_head out_of_order_queue;
    timer_list retransmit_timer;
    timer_list timewait_timer; /* TIME_WAIT and the orphan FIN_WAIT2 timeout */
    list_head hash_node;  /* connection table (established, SYN_RECV, TIME_WAIT...) */
    /* listener side */
    tcp_sock *parent;     /* a child not yet accepted */
    list_head accept_queue; /* listener: established children waiting for accept() */
    list_head child_node;   /* child: on the listener's accept_queue or syn list */
    list_head syn_queue;    /* listener: children in SYN_RECV */
    u16 syn_count;
};
static inline tcp_sock *tcp_sk(const sock *sk) { return (tcp_sock *)sk; }

extern "C" {
extern const proto tcp_prot;
void tcp_init(void);
void tcp_init_sock(sock *sk);
/* tcp_output.cpp */
void tcp_send_ack(sock *sk);
void tcp_send_reset_reply(sk_buff *skb); /* answers the received segment skb with a RST */
void tcp_send_active_reset(sock *sk);
int tcp_queue_control(sock *sk, u8 flags); /* queues a SYN or FIN and sends it */
void tcp_push(sock *sk);
void tcp_rearm_rto(sock *sk);
u16 tcp_select_window(sock *sk);
void tcp_retransmit_timer(timer_list *t);
void tcp_timewait_timer(timer_list *t);
/* tcp_input.cpp */
void tcp_set_state(sock *sk, int state);
void tcp_done(sock *sk);
void tcp_hash(sock *sk);
void tcp_unhash(sock *sk);
sock *tcp_lookup(__be32 saddr, __be16 sport, __be32 daddr, __be16 dport);
void tcp_time_wait(sock *sk, unsigned long timeo);
/* tcp.cpp */
int tcp_sendmsg(socket *sock, kmsghdr *m, size_t len);
int tcp_recvmsg(socket *sock, kmsghdr *m, size_t len, int flags);
void tcp_close(sock *sk);
int tcp_shutdown(socket *sock, int how);
int tcp_v4_connect(socket *sock, sockaddr *uaddr, int addr_len, int flags);
int inet_csk_accept(socket *sock, socket *newsock, int flags);
int inet_csk_listen_start(sock *sk, int backlog);
unsigned int tcp_poll(file *f, socket *sock, poll_table *pt);
int tcp_setsockopt(socket *sock, int level, int optname, const void *optval, unsigned int optlen);
int tcp_getsockopt(socket *sock, int level, int optname, void *optval, int *optlen);
/* the window to offer now: free receive space, never shrinking the right edge */
u32 tcp_receive_window(const tcp_sock *tp);
}
