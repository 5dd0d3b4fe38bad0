#include <catch2/catch.hpp>
#include "tests/unit/net/net_test.h"
#include "net/tcp_states.h"
#include "uapi/errno.h"
#include <string.h>

static sockaddr_un un_addr(const char *path)
{
    sockaddr_un a = {};
    a.sun_family = AF_UNIX;
    strncpy(a.sun_path, path, sizeof(a.sun_path) - 1);
    return a;
}

TEST_CASE("the seed's /somepath bind and listen with backlog 50 work, a second bind is EADDRINUSE", "[net][unix]")
{
    net_test_init();
    int s = __sys_socket(AF_UNIX, SOCK_STREAM, 0);
    REQUIRE(s >= 0);
    CHECK(__sys_listen(s, 50) == -EINVAL); /* unbound */
    sockaddr_un a = un_addr("/somepath");
    CHECK(__sys_bind(s, (sockaddr *)&a, sizeof(a)) == 0);
    CHECK(__sys_listen(s, 50) == 0);
    int t = __sys_socket(AF_UNIX, SOCK_STREAM, 0);
    CHECK(__sys_bind(t, (sockaddr *)&a, sizeof(a)) == -EADDRINUSE);
    CHECK(__sys_connect(t, (sockaddr *)&a, sizeof(a)) == 0);
    int r = __sys_accept4(s, nullptr, nullptr, 0);
    REQUIRE(r >= 0);
    CHECK(__sys_sendto(t, (void *)"abc", 3, 0, nullptr, 0) == 3);
    char buf[8];
    CHECK(__sys_recvfrom(r, buf, 8, 0, nullptr, nullptr) == 3);
    sockaddr_un got = {};
    int glen = sizeof(got);
    CHECK(__sys_getpeername(t, (sockaddr *)&got, &glen) == 0);
    CHECK(strcmp(got.sun_path, "/somepath") == 0);
    net_fake_close(r);
    CHECK(__sys_recvfrom(t, buf, 8, 0, nullptr, nullptr) == 0);
    CHECK(__sys_sendto(t, (void *)"x", 1, 0, nullptr, 0) == -EPIPE);
    net_fake_close(t);
    net_fake_close(s);
    int u = __sys_socket(AF_UNIX, SOCK_STREAM, 0);
    CHECK(__sys_connect(u, (sockaddr *)&a, sizeof(a)) == -ECONNREFUSED); /* name left, no listener */
    sockaddr_un none = un_addr("/nowhere");
    CHECK(__sys_connect(u, (sockaddr *)&none, sizeof(none)) == -ENOENT);
    net_fake_close(u);
}

TEST_CASE("socketpair streams carry data both ways and EOF on close", "[net][unix]")
{
    net_test_init();
    int sv[2];
    REQUIRE(__sys_socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0);
    CHECK(__sys_sendto(sv[0], (void *)"ping", 4, 0, nullptr, 0) == 4);
    char b[8];
    CHECK(__sys_recvfrom(sv[1], b, 2, MSG_PEEK, nullptr, nullptr) == 2);
    CHECK(__sys_recvfrom(sv[1], b, 8, 0, nullptr, nullptr) == 4);
    CHECK(__sys_recvfrom(sv[1], b, 8, MSG_DONTWAIT, nullptr, nullptr) == -EAGAIN);
    CHECK(__sys_shutdown(sv[0], SHUT_WR) == 0);
    CHECK(__sys_recvfrom(sv[1], b, 8, 0, nullptr, nullptr) == 0);
    net_fake_close(sv[0]);
    net_fake_close(sv[1]);
}

TEST_CASE("a full backlog makes a non-blocking connect fail with EAGAIN", "[net][unix]")
{
    net_test_init();
    int s = __sys_socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un a = {};
    a.sun_family = AF_UNIX;
    memcpy(a.sun_path, "\0abstract", 9);
    int alen = (int)(sizeof(sa_family_t) + 9);
    REQUIRE(__sys_bind(s, (sockaddr *)&a, alen) == 0);
    REQUIRE(__sys_listen(s, 1) == 0);
    /* as Linux (unix_recvq_full), a listener holds one more than its backlog */
    int c1 = __sys_socket(AF_UNIX, SOCK_STREAM, 0);
    int c2 = __sys_socket(AF_UNIX, SOCK_STREAM, 0);
    int c3 = __sys_socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0);
    CHECK(__sys_connect(c1, (sockaddr *)&a, alen) == 0);
    CHECK(__sys_connect(c2, (sockaddr *)&a, alen) == 0);
    CHECK(__sys_connect(c3, (sockaddr *)&a, alen) == -EAGAIN);
    int a1 = __sys_accept4(s, nullptr, nullptr, 0);
    CHECK(a1 >= 0);
    CHECK(__sys_connect(c3, (sockaddr *)&a, alen) == 0); /* room again */
    for (int fd : {c1, c2, c3, a1})
        net_fake_close(fd);
    net_fake_close(s);
}

TEST_CASE("unix datagrams keep boundaries and report the sender", "[net][unix]")
{
    net_test_init();
    int r = __sys_socket(AF_UNIX, SOCK_DGRAM, 0);
    sockaddr_un ra = un_addr("/dgram-r");
    REQUIRE(__sys_bind(r, (sockaddr *)&ra, sizeof(ra)) == 0);
    int s = __sys_socket(AF_UNIX, SOCK_DGRAM, 0);
    sockaddr_un sa = un_addr("/dg-s");
    REQUIRE(__sys_bind(s, (sockaddr *)&sa, sizeof(sa)) == 0);
    CHECK(__sys_sendto(s, (void *)"one", 3, 0, (sockaddr *)&ra, sizeof(ra)) == 3);
    CHECK(__sys_sendto(s, (void *)"three", 5, 0, (sockaddr *)&ra, sizeof(ra)) == 5);
    char b[16];
    sockaddr_un from = {};
    int flen = sizeof(from);
    CHECK(__sys_recvfrom(r, b, 16, 0, (sockaddr *)&from, &flen) == 3);
    CHECK(strcmp(from.sun_path, "/dg-s") == 0);
    CHECK(__sys_recvfrom(r, b, 2, 0, nullptr, nullptr) == 2); /* truncated */
    net_fake_close(r);
    net_fake_close(s);
}
