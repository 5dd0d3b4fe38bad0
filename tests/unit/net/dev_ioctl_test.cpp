/* Interface ioctls on sockets (net/dev_ioctl.cpp): what ifconfig and the shell's start-up use. */
#include <catch2/catch.hpp>
#include "tests/unit/net/net_test.h"
#include "net/tcp.h"
#include "uapi/errno.h"
#include <string.h>

namespace {

long sioc(int fd, unsigned int cmd, void *arg)
{
    file *f = net_fake_file(fd);
    REQUIRE(f);
    return f->f_op->unlocked_ioctl(f, cmd, (unsigned long)arg);
}

ifreq req(const char *name, __be32 addr = 0)
{
    ifreq r;
    memset(&r, 0, sizeof(r));
    strncpy(r.ifr_name, name, IFNAMSIZ - 1);
    sockaddr_in *sin = (sockaddr_in *)&r.ifr_addr;
    sin->sin_family = AF_INET;
    sin->sin_addr.s_addr = addr;
    return r;
}

__be32 addr_of(const ifreq &r) { return ((const sockaddr_in *)&r.ifr_addr)->sin_addr.s_addr; }

} // namespace

TEST_CASE("ifreq and ifconf have Linux i386's layout", "[net][ioctl]")
{
    CHECK(sizeof(ifreq) == 32);
    CHECK(sizeof(ifconf) == 8);
    CHECK(offsetof(ifreq, ifr_ifru) == 16);
}

TEST_CASE("lo down: no route, connect and sendto get ENETUNREACH; up again: they work", "[net][ioctl]")
{
    net_test_init();
    int s = __sys_socket(AF_INET, SOCK_DGRAM, 0);
    ifreq r = req("lo");
    REQUIRE(sioc(s, SIOCGIFFLAGS, &r) == 0);
    CHECK(r.ifr_flags == (IFF_UP | IFF_LOOPBACK | IFF_RUNNING));
    r.ifr_flags &= ~IFF_UP;
    REQUIRE(sioc(s, SIOCSIFFLAGS, &r) == 0);
    CHECK(sioc(s, SIOCGIFFLAGS, &r) == 0);
    CHECK(r.ifr_flags == IFF_LOOPBACK); /* RUNNING goes with UP */

    int t = __sys_socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a = lo_addr(6201);
    CHECK(__sys_connect(t, (sockaddr *)&a, sizeof(a)) == -ENETUNREACH);
    CHECK(__sys_sendto(s, (void *)"x", 1, 0, (sockaddr *)&a, sizeof(a)) == -ENETUNREACH);
    net_fake_close(t);

    r.ifr_flags |= IFF_UP;
    REQUIRE(sioc(s, SIOCSIFFLAGS, &r) == 0);
    CHECK(sioc(s, SIOCGIFFLAGS, &r) == 0);
    CHECK(r.ifr_flags == (IFF_UP | IFF_LOOPBACK | IFF_RUNNING));
    int l = __sys_socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(__sys_bind(l, (sockaddr *)&a, sizeof(a)) == 0);
    REQUIRE(__sys_listen(l, 4) == 0);
    t = __sys_socket(AF_INET, SOCK_STREAM, 0);
    CHECK(__sys_connect(t, (sockaddr *)&a, sizeof(a)) == 0);
    net_fake_close(t);
    net_fake_close(l);
    net_fake_close(s);
    net_fake_advance(12000);
}

TEST_CASE("address and netmask: read, set, and bad values refused with EINVAL", "[net][ioctl]")
{
    net_test_init();
    int s = __sys_socket(AF_INET, SOCK_DGRAM, 0);
    ifreq r = req("lo");
    REQUIRE(sioc(s, SIOCGIFADDR, &r) == 0);
    CHECK(addr_of(r) == htonl(0x7f000001));
    r = req("lo");
    REQUIRE(sioc(s, SIOCGIFNETMASK, &r) == 0);
    CHECK(addr_of(r) == htonl(0xff000000));

    r = req("lo", htonl(0x7f000002));
    CHECK(sioc(s, SIOCSIFADDR, &r) == 0);
    r = req("lo");
    CHECK(sioc(s, SIOCGIFADDR, &r) == 0);
    CHECK(addr_of(r) == htonl(0x7f000002));
    r = req("lo", htonl(0x0a000001)); /* 10.0.0.1: lo would route nothing to it */
    CHECK(sioc(s, SIOCSIFADDR, &r) == -EINVAL);
    r = req("lo", htonl(0x7f000001));
    r.ifr_addr.sa_family = AF_UNIX;
    CHECK(sioc(s, SIOCSIFADDR, &r) == -EINVAL);
    r = req("lo", htonl(0x7f000001));
    CHECK(sioc(s, SIOCSIFADDR, &r) == 0);

    r = req("lo", htonl(0xff00ff00));
    CHECK(sioc(s, SIOCSIFNETMASK, &r) == -EINVAL);
    r = req("lo", 0);
    CHECK(sioc(s, SIOCSIFNETMASK, &r) == -EINVAL);
    r = req("lo", htonl(0xffff0000));
    CHECK(sioc(s, SIOCSIFNETMASK, &r) == 0);
    r = req("lo", htonl(0xff000000));
    CHECK(sioc(s, SIOCSIFNETMASK, &r) == 0);
    net_fake_close(s);
}

TEST_CASE("unknown interfaces, unterminated names, unknown ioctls and bad pointers", "[net][ioctl]")
{
    net_test_init();
    int s = __sys_socket(AF_INET, SOCK_DGRAM, 0);
    ifreq r = req("eth0");
    CHECK(sioc(s, SIOCGIFFLAGS, &r) == -ENODEV);
    memset(r.ifr_name, 'l', sizeof(r.ifr_name)); /* no NUL: must not run past the name */
    CHECK(sioc(s, SIOCGIFFLAGS, &r) == -ENODEV);
    CHECK(sioc(s, 0x89ff, &r) == -ENOTTY);
    CHECK(sioc(s, SIOCGIFFLAGS, nullptr) == -EFAULT);
    CHECK(sioc(s, SIOCGIFCONF, nullptr) == -EFAULT);
    net_fake_close(s);
    /* any family will do, as on Linux */
    int u = __sys_socket(AF_UNIX, SOCK_STREAM, 0);
    r = req("lo");
    CHECK(sioc(u, SIOCGIFFLAGS, &r) == 0);
    CHECK(r.ifr_flags & IFF_UP);
    net_fake_close(u);
}

TEST_CASE("SIOCGIFCONF lists lo, says the size with no buffer, and never overruns", "[net][ioctl]")
{
    net_test_init();
    int s = __sys_socket(AF_INET, SOCK_DGRAM, 0);
    ifconf ifc = {};
    CHECK(sioc(s, SIOCGIFCONF, &ifc) == 0);
    CHECK(ifc.ifc_len == (int)sizeof(ifreq));
    ifreq reqs[2];
    memset(reqs, 0x5a, sizeof(reqs));
    ifc.ifc_len = sizeof(ifreq) - 1; /* too small for one: nothing written */
    ifc.ifc_req = reqs;
    CHECK(sioc(s, SIOCGIFCONF, &ifc) == 0);
    CHECK(ifc.ifc_len == 0);
    CHECK((unsigned char)reqs[0].ifr_name[0] == 0x5a);
    ifc.ifc_len = sizeof(reqs);
    CHECK(sioc(s, SIOCGIFCONF, &ifc) == 0);
    CHECK(ifc.ifc_len == (int)sizeof(ifreq));
    CHECK(strcmp(reqs[0].ifr_name, "lo") == 0);
    CHECK(addr_of(reqs[0]) == htonl(0x7f000001));
    CHECK((unsigned char)reqs[1].ifr_name[0] == 0x5a);
    ifc.ifc_len = -1;
    CHECK(sioc(s, SIOCGIFCONF, &ifc) == -EINVAL);
    net_fake_close(s);
}

TEST_CASE("MTU: range checked; new TCP connections take their MSS from it", "[net][ioctl]")
{
    net_test_init();
    int s = __sys_socket(AF_INET, SOCK_DGRAM, 0);
    ifreq r = req("lo");
    CHECK(sioc(s, SIOCGIFMTU, &r) == 0);
    CHECK(r.ifr_mtu == 65536);
    r.ifr_mtu = 67;
    CHECK(sioc(s, SIOCSIFMTU, &r) == -EINVAL);
    r.ifr_mtu = 65537;
    CHECK(sioc(s, SIOCSIFMTU, &r) == -EINVAL);
    r.ifr_mtu = 1500;
    REQUIRE(sioc(s, SIOCSIFMTU, &r) == 0);

    int l = __sys_socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a = lo_addr(6202);
    REQUIRE(__sys_bind(l, (sockaddr *)&a, sizeof(a)) == 0);
    REQUIRE(__sys_listen(l, 4) == 0);
    int c = __sys_socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(__sys_connect(c, (sockaddr *)&a, sizeof(a)) == 0);
    int srv = __sys_accept4(l, nullptr, nullptr, 0);
    REQUIRE(srv >= 0);
    file *f = net_fake_file(c);
    CHECK(tcp_sk(((socket *)f->private_data)->sk)->mss == 1460);
    static char out[20000], in[20000];
    for (size_t i = 0; i < sizeof(out); i++)
        out[i] = (char)(i * 7 + 3);
    u32 segs = net_stats.tcp_out_segs;
    CHECK(__sys_sendto(c, out, sizeof(out), 0, nullptr, 0) == (int)sizeof(out));
    size_t got = 0;
    while (got < sizeof(in)) {
        int n = __sys_recvfrom(srv, in + got, sizeof(in) - got, 0, nullptr, nullptr);
        REQUIRE(n > 0);
        got += (size_t)n;
    }
    CHECK(memcmp(in, out, sizeof(out)) == 0);
    CHECK(net_stats.tcp_out_segs - segs >= sizeof(out) / 1460); /* cut into MSS-sized segments */
    net_fake_close(c);
    net_fake_close(srv);
    net_fake_close(l);
    r.ifr_mtu = 65536;
    CHECK(sioc(s, SIOCSIFMTU, &r) == 0);
    net_fake_close(s);
    net_fake_advance(12000);
}
