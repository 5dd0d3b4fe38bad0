#include <catch2/catch.hpp>
#include "tests/unit/net/net_test.h"
#include "net/tcp.h"
#include "uapi/errno.h"
#include <stdlib.h>
#include <string.h>

static int tcp_listener(u16 port, int backlog = 16)
{
    int s = __sys_socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(s >= 0);
    int one = 1;
    REQUIRE(__sys_setsockopt(s, SOL_SOCKET, SO_REUSEADDR, (char *)&one, sizeof(one)) == 0);
    sockaddr_in a = lo_addr(port);
    REQUIRE(__sys_bind(s, (sockaddr *)&a, sizeof(a)) == 0);
    REQUIRE(__sys_listen(s, backlog) == 0);
    return s;
}

TEST_CASE("socketcall range and bad pointer give EINVAL and EFAULT", "[net][socket]")
{
    net_test_init();
    unsigned long args[6] = {AF_INET, SOCK_STREAM, 0};
    CHECK(sys_socketcall(0, args) == -EINVAL);
    CHECK(sys_socketcall(21, args) == -EINVAL);
    CHECK(sys_socketcall(SYS_SOCKET, nullptr) == -EFAULT);
    CHECK(sys_socketcall(SYS_RECVMMSG, args) == -ENOSYS);
    long fd = sys_socketcall(SYS_SOCKET, args);
    CHECK(fd >= 0);
    CHECK(net_fake_close((int)fd) == 0);
}

TEST_CASE("socket argument errors match Linux", "[net][socket]")
{
    net_test_init();
    CHECK(__sys_socket(99, SOCK_STREAM, 0) == -EAFNOSUPPORT);
    CHECK(__sys_socket(AF_INET, 99, 0) == -EINVAL);
    CHECK(__sys_socket(AF_INET, SOCK_STREAM, IPPROTO_UDP) == -EPROTONOSUPPORT);
    CHECK(__sys_bind(50, nullptr, 0) == -EBADF);
    int s = __sys_socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a = lo_addr(7000);
    CHECK(__sys_bind(s, (sockaddr *)&a, 8) == -EINVAL);
    a.sin_addr.s_addr = htonl(0x0a000001);
    CHECK(__sys_bind(s, (sockaddr *)&a, sizeof(a)) == -EADDRNOTAVAIL);
    CHECK(__sys_accept4(s, nullptr, nullptr, 0) == -EINVAL);
    char b[4];
    CHECK(__sys_recvfrom(s, b, 4, 0, nullptr, nullptr) == -ENOTCONN);
    CHECK(__sys_sendto(s, b, 4, 0, nullptr, 0) == -EPIPE);
    int v = 0, len = 4;
    CHECK(__sys_getsockopt(s, SOL_SOCKET, 12345, (char *)&v, &len) == -ENOPROTOOPT);
    CHECK(__sys_getsockopt(s, SOL_SOCKET, SO_TYPE, (char *)&v, &len) == 0);
    CHECK(v == SOCK_STREAM);
    net_fake_close(s);
}

TEST_CASE("connect to a closed port returns ECONNREFUSED", "[net][tcp]")
{
    net_test_init();
    u32 rsts = net_stats.tcp_out_rsts;
    int c = __sys_socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a = lo_addr(4999);
    CHECK(__sys_connect(c, (sockaddr *)&a, sizeof(a)) == -ECONNREFUSED);
    CHECK(net_stats.tcp_out_rsts == rsts + 1);
    net_fake_close(c);
}

TEST_CASE("hello gets hi: handshake, data both ways, FIN both ways, TIME_WAIT ends", "[net][tcp]")
{
    net_test_init();
    int s = tcp_listener(5001);
    int c = __sys_socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a = lo_addr(5001);
    REQUIRE(__sys_connect(c, (sockaddr *)&a, sizeof(a)) == 0);
    CHECK(__sys_connect(c, (sockaddr *)&a, sizeof(a)) == -EISCONN);
    sockaddr_in peer = {};
    int plen = sizeof(peer);
    int a_fd = __sys_accept4(s, (sockaddr *)&peer, &plen, 0);
    REQUIRE(a_fd >= 0);
    CHECK(plen == sizeof(sockaddr_in));
    CHECK(peer.sin_addr.s_addr == htonl(INADDR_LOOPBACK));
    CHECK(ntohs(peer.sin_port) >= EPHEMERAL_LOW);
    CHECK(__sys_sendto(c, (void *)"hello", 5, 0, nullptr, 0) == 5);
    char buf[1024];
    CHECK(__sys_recvfrom(a_fd, buf, sizeof(buf), 0, nullptr, nullptr) == 5);
    CHECK(memcmp(buf, "hello", 5) == 0);
    CHECK(__sys_sendto(a_fd, (void *)"hi", 2, 0, nullptr, 0) == 2);
    net_fake_close(a_fd); /* server closes: FIN */
    net_fake_settle();
    CHECK(__sys_recvfrom(c, buf, sizeof(buf), 0, nullptr, nullptr) == 2);
    CHECK(__sys_recvfrom(c, buf, sizeof(buf), 0, nullptr, nullptr) == 0); /* EOF */
    CHECK(__sys_sendto(c, (void *)"x", 1, 0, nullptr, 0) == 1); /* CLOSE_WAIT may still send */
    net_fake_settle();
    /* the server end is gone: the byte makes it answer with RST, so the next write fails */
    CHECK(__sys_sendto(c, (void *)"x", 1, 0, nullptr, 0) < 0);
    net_fake_close(c);
    net_fake_advance(1200);
    net_fake_close(s);
    net_fake_settle();
}

TEST_CASE("bulk transfer with dropped packets arrives complete and in order", "[net][tcp]")
{
    net_test_init();
    int s = tcp_listener(5002);
    int c = __sys_socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a = lo_addr(5002);
    REQUIRE(__sys_connect(c, (sockaddr *)&a, sizeof(a)) == 0);
    int r = __sys_accept4(s, nullptr, nullptr, 0);
    REQUIRE(r >= 0);
    const size_t total = 3 * 1024 * 1024;
    u8 *out = (u8 *)malloc(total), *in = (u8 *)malloc(total);
    for (size_t i = 0; i < total; i++)
        out[i] = (u8)(i * 7 + (i >> 11));
    u32 retrans = net_stats.tcp_retrans_segs;
    size_t sent = 0, got = 0;
    int round = 0;
    while (got < total) {
        if (sent < total) {
            if (round == 3)
                loopback_dev.drop_next = 2; /* lose a data segment and its follower */
            int n = __sys_sendto(c, out + sent, min(total - sent, (size_t)200000), MSG_DONTWAIT, nullptr, 0);
            if (n > 0)
                sent += n;
            else
                REQUIRE(n == -EAGAIN);
        }
        net_fake_settle();
        /* a slow reader: at most 50000 bytes per round */
        int n = __sys_recvfrom(r, in + got, min(total - got, (size_t)50000), MSG_DONTWAIT, nullptr, nullptr);
        if (n > 0)
            got += n;
        else
            net_fake_advance(50); /* let the retransmission timer fire */
        round++;
        REQUIRE(round < 100000);
    }
    CHECK(net_stats.tcp_retrans_segs > retrans);
    CHECK(memcmp(in, out, total) == 0);
    free(in);
    free(out);
    net_fake_close(c);
    net_fake_close(r);
    net_fake_close(s);
    net_fake_advance(1200);
}

TEST_CASE("a second bind to a listening port fails with EADDRINUSE", "[net][tcp]")
{
    net_test_init();
    int s = tcp_listener(5003);
    int t = __sys_socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    __sys_setsockopt(t, SOL_SOCKET, SO_REUSEADDR, (char *)&one, sizeof(one));
    sockaddr_in a = lo_addr(5003);
    CHECK(__sys_bind(t, (sockaddr *)&a, sizeof(a)) == -EADDRINUSE);
    net_fake_close(t);
    net_fake_close(s);
}

TEST_CASE("non-blocking connect and accept report EINPROGRESS and EAGAIN", "[net][tcp]")
{
    net_test_init();
    int s = tcp_listener(5004);
    CHECK(__sys_accept4(s, nullptr, nullptr, SOCK_NONBLOCK) >= -EAGAIN);
    file *f = net_fake_file(s);
    f->f_flags |= O_NONBLOCK;
    CHECK(__sys_accept4(s, nullptr, nullptr, 0) == -EAGAIN);
    int c = __sys_socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    sockaddr_in a = lo_addr(5004);
    CHECK(__sys_connect(c, (sockaddr *)&a, sizeof(a)) == -EINPROGRESS);
    net_fake_settle();
    CHECK(__sys_connect(c, (sockaddr *)&a, sizeof(a)) == -EISCONN);
    int r = __sys_accept4(s, nullptr, nullptr, 0);
    CHECK(r >= 0);
    net_fake_close(c);
    net_fake_close(r);
    net_fake_close(s);
    net_fake_advance(1200);
}

TEST_CASE("UDP datagrams reach the bound port; a connected socket learns ECONNREFUSED", "[net][udp]")
{
    net_test_init();
    int u = __sys_socket(AF_INET, SOCK_DGRAM, 0);
    sockaddr_in a = lo_addr(6000);
    REQUIRE(__sys_bind(u, (sockaddr *)&a, sizeof(a)) == 0);
    int v = __sys_socket(AF_INET, SOCK_DGRAM, 0);
    CHECK(__sys_sendto(v, (void *)"ping", 4, 0, (sockaddr *)&a, sizeof(a)) == 4);
    net_fake_settle();
    char buf[16];
    sockaddr_in from = {};
    int flen = sizeof(from);
    CHECK(__sys_recvfrom(u, buf, sizeof(buf), 0, (sockaddr *)&from, &flen) == 4);
    CHECK(from.sin_addr.s_addr == htonl(INADDR_LOOPBACK));
    sockaddr_in closed = lo_addr(6001);
    REQUIRE(__sys_connect(v, (sockaddr *)&closed, sizeof(closed)) == 0);
    CHECK(__sys_sendto(v, (void *)"x", 1, 0, nullptr, 0) == 1);
    net_fake_settle();
    CHECK(__sys_recvfrom(v, buf, sizeof(buf), MSG_DONTWAIT, nullptr, nullptr) == -ECONNREFUSED);
    net_fake_close(u);
    net_fake_close(v);
}

TEST_CASE("a ping socket gets its echo reply", "[net][icmp]")
{
    net_test_init();
    int p = __sys_socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP);
    REQUIRE(p >= 0);
    u8 pkt[16] = {ICMP_ECHO, 0, 0, 0, 0, 0, 0, 1, 'a', 'b', 'c'};
    sockaddr_in a = lo_addr(0);
    CHECK(__sys_sendto(p, pkt, sizeof(pkt), 0, (sockaddr *)&a, sizeof(a)) == 16);
    net_fake_settle();
    u8 reply[64];
    CHECK(__sys_recvfrom(p, reply, sizeof(reply), MSG_DONTWAIT, nullptr, nullptr) == 16);
    CHECK(reply[0] == ICMP_ECHOREPLY);
    CHECK(memcmp(reply + 8, "abc", 3) == 0);
    net_fake_close(p);
}

TEST_CASE("bad IP packets are dropped and counted", "[net][ip]")
{
    net_test_init();
    u32 before = net_stats.ip_in_hdr_errors;
    sk_buff *skb = alloc_skb(64, GFP_KERNEL);
    u8 *p = skb_put(skb, 20);
    memset(p, 0, 20);
    p[0] = 0x45;
    p[3] = 20;
    p[8] = 64; /* checksum left wrong */
    ip_rcv(skb, &loopback_dev);
    CHECK(net_stats.ip_in_hdr_errors == before + 1);
}
