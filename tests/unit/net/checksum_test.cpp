#include <catch2/catch.hpp>
#include "net/checksum.h"
#include "net/socketcall.h"
#include <stdlib.h>
#include <string.h>

static u16 ref_csum(const u8 *p, size_t n)
{
    u32 s = 0;
    for (size_t i = 0; i + 1 < n; i += 2)
        s += (u32)(p[i] << 8 | p[i + 1]);
    if (n & 1)
        s += (u32)p[n - 1] << 8;
    while (s >> 16)
        s = (s & 0xffff) + (s >> 16);
    return (u16)~s;
}

TEST_CASE("checksum of the RFC 1071 example sums to 0xddf2", "[net][checksum]")
{
    const u8 data[8] = {0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7};
    __sum16 c = ip_compute_csum(data, sizeof(data));
    /* stored in memory order: the bytes of ~0xddf2 = 0x220d */
    const u8 *b = (const u8 *)&c;
    CHECK(b[0] == 0x22);
    CHECK(b[1] == 0x0d);
}

TEST_CASE("checksum matches a byte-wise reference for odd lengths and odd alignment", "[net][checksum]")
{
    u8 buf[3000];
    srand(7);
    for (auto &x : buf)
        x = (u8)rand();
    for (size_t off = 0; off < 4; off++)
        for (size_t len : {0u, 1u, 2u, 3u, 7u, 31u, 32u, 33u, 1499u, 2900u}) {
            __sum16 c = ip_compute_csum(buf + off, len);
            u16 want = ref_csum(buf + off, len);
            const u8 *b = (const u8 *)&c;
            INFO("off " << off << " len " << len);
            CHECK((u16)(b[0] << 8 | b[1]) == want);
        }
}

TEST_CASE("a packet with its checksum in place sums to zero", "[net][checksum]")
{
    u8 hdr[20] = {0x45, 0, 0, 0x54, 0x12, 0x34, 0x40, 0, 64, 1, 0, 0, 127, 0, 0, 1, 127, 0, 0, 1};
    __sum16 c = ip_compute_csum(hdr, 20);
    memcpy(hdr + 10, &c, 2);
    CHECK(ip_compute_csum(hdr, 20) == 0);
}

TEST_CASE("socketcall copies Linux's number of argument bytes per call", "[net][socketcall]")
{
    CHECK(socketcall_nargs[SYS_SOCKET] == 12);
    CHECK(socketcall_nargs[SYS_BIND] == 12);
    CHECK(socketcall_nargs[SYS_LISTEN] == 8);
    CHECK(socketcall_nargs[SYS_SOCKETPAIR] == 16);
    CHECK(socketcall_nargs[SYS_SENDTO] == 24);
    CHECK(socketcall_nargs[SYS_RECVFROM] == 24);
    CHECK(socketcall_nargs[SYS_SHUTDOWN] == 8);
    CHECK(socketcall_nargs[SYS_SETSOCKOPT] == 20);
    CHECK(socketcall_nargs[SYS_ACCEPT4] == 16);
    CHECK(socketcall_nargs[SYS_RECVMMSG] == 20);
    CHECK(socketcall_nargs[SYS_SENDMMSG] == 16);
}
