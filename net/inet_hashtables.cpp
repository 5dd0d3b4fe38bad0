/* Port tables and ephemeral ports (net/ipv4/inet_hashtables.c, inet_connection_sock.c).
 * Ephemeral ports come from 32768-60999 (Linux's ip_local_port_range default). */
#include "net/inet_sock.h"
#include "net/tcp_states.h"
#include "kernel/timer.h"
#include "uapi/errno.h"

extern "C" {
constinit inet_bind_table tcp_bind_table = {"tcp", {}, 0};
constinit inet_bind_table udp_bind_table = {"udp", {}, 0};
constinit inet_bind_table ping_bind_table = {"ping", {}, 0};
}

static u32 rnd_state;

/* xorshift32, seeded from the time stamp counter: unpredictable enough for a teaching ISN */
extern "C" u32 net_random(void)
{
    if (!rnd_state) {
#ifdef MENUOS_HOST_TEST
        rnd_state = 0x12345678u;
#else
        u32 lo, hi;
        asm volatile("rdtsc" : "=a"(lo), "=d"(hi));
        rnd_state = (lo ^ (hi << 16) ^ (u32)jiffies) | 1u;
#endif
    }
    u32 x = rnd_state;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    rnd_state = x;
    return x;
}

extern "C" void inet_bind_table_init(inet_bind_table *t)
{
    for (auto &c : t->chain)
        INIT_LIST_HEAD(&c);
    t->next_ephemeral = (u16)(EPHEMERAL_LOW + net_random() % (EPHEMERAL_HIGH - EPHEMERAL_LOW + 1));
}

static bool addr_overlap(__be32 a, __be32 b) { return a == INADDR_ANY || b == INADDR_ANY || a == b; }

/* Linux: net/ipv4/inet_connection_sock.c inet_csk_bind_conflict() */
static bool bind_conflict(inet_bind_table *t, sock *sk, u16 snum)
{
    inet_sock *in = inet_sk(sk), *o;
    list_for_each_entry(o, inet_bind_chain(t, snum), bind_node) {
        if (o->inet_num != snum || &o->sk == sk || !addr_overlap(o->inet_rcv_saddr, in->inet_rcv_saddr))
            continue;
        bool shareable = sk->sk_reuseaddr && o->sk.sk_reuseaddr && o->sk.sk_state != TCP_LISTEN;
        if (sk->sk_reuseaddr && o->sk.sk_state == TCP_TIME_WAIT)
            shareable = true;
        if (!shareable)
            return true;
    }
    return false;
}

static bool port_unused(inet_bind_table *t, u16 port)
{
    inet_sock *o;
    list_for_each_entry(o, inet_bind_chain(t, port), bind_node) if (o->inet_num == port) return false;
    return true;
}

/* Linux: net/ipv4/inet_connection_sock.c inet_csk_get_port() */
extern "C" int inet_get_port(inet_bind_table *t, sock *sk, u16 snum)
{
    inet_sock *in = inet_sk(sk);
    if (!snum) {
        const u32 range = EPHEMERAL_HIGH - EPHEMERAL_LOW + 1;
        u16 port = t->next_ephemeral;
        for (u32 i = 0; i < range; i++) {
            if (port < EPHEMERAL_LOW || port > EPHEMERAL_HIGH)
                port = EPHEMERAL_LOW;
            if (port_unused(t, port)) {
                snum = port;
                break;
            }
            port++;
        }
        if (!snum)
            return -EAGAIN;
        t->next_ephemeral = (u16)(snum + 1);
    } else if (bind_conflict(t, sk, snum)) {
        return -EADDRINUSE;
    }
    in->inet_num = snum;
    in->inet_sport = htons(snum);
    list_add_tail(&in->bind_node, inet_bind_chain(t, snum));
    return 0;
}

extern "C" void inet_inherit_port(inet_bind_table *t, sock *parent, sock *child)
{
    inet_sock *c = inet_sk(child);
    c->inet_num = inet_sk(parent)->inet_num;
    c->inet_sport = inet_sk(parent)->inet_sport;
    list_add_tail(&c->bind_node, inet_bind_chain(t, c->inet_num));
}

extern "C" void inet_put_port(sock *sk)
{
    inet_sock *in = inet_sk(sk);
    if (in->inet_num && !list_empty(&in->bind_node))
        list_del_init(&in->bind_node);
    in->inet_num = 0;
}
