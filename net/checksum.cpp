/* The Internet checksum, 32 bits at a time (lib/checksum.c do_csum(), written afresh).
 * The one's-complement sum is byte-order independent (RFC 1071 section 2(B)): summing the
 * little-endian 16-bit words of a buffer gives the checksum in memory order, ready to store. */
#include "net/checksum.h"
#include "kernel/string.h"

static inline u32 fold64(u64 s)
{
    s = (s & 0xffffffffu) + (s >> 32);
    s = (s & 0xffffffffu) + (s >> 32);
    return (u32)s;
}

/* Linux: lib/checksum.c csum_partial() */
extern "C" __wsum csum_partial(const void *buf, size_t len, __wsum sum)
{
    const u8 *p = (const u8 *)buf;
    u64 acc = sum;
    bool odd_start = ((uintptr_t)p & 1) != 0;
    if (odd_start && len) {
        /* an odd start shifts every byte into the other half of its 16-bit word: sum the
         * rest byte-swapped and swap the result back */
        acc += p[0];
        p++;
        len--;
    }
    u64 body = 0;
    if (len >= 2 && ((uintptr_t)p & 2)) {
        u16 w;
        memcpy(&w, p, 2);
        body += w;
        p += 2;
        len -= 2;
    }
    while (len >= 32) {
        const u32 *w = (const u32 *)p;
        body += (u64)w[0] + w[1] + w[2] + w[3] + w[4] + w[5] + w[6] + w[7];
        p += 32;
        len -= 32;
    }
    while (len >= 4) {
        body += *(const u32 *)p;
        p += 4;
        len -= 4;
    }
    if (len >= 2) {
        body += *(const u16 *)p;
        p += 2;
        len -= 2;
    }
    if (len)
        body += *p;
    u32 b = fold64(body);
    if (odd_start) {
        b = (b & 0xffff) + (b >> 16);
        b = (b & 0xffff) + (b >> 16);
        b = ((b & 0xff) << 8) | ((b >> 8) & 0xff);
    }
    return fold64(acc + b);
}

extern "C" __sum16 ip_compute_csum(const void *buf, size_t len)
{
    return csum_fold(csum_partial(buf, len, 0));
}

/* Linux: include/asm-generic/checksum.h csum_tcpudp_nofold() */
extern "C" __wsum csum_tcpudp_nofold(__be32 saddr, __be32 daddr, u32 len, u8 proto, __wsum sum)
{
    u64 s = (u64)sum + saddr + daddr;
    /* len and proto in network order, as 16-bit words of the pseudo header */
    s += (u32)__builtin_bswap16((u16)len) + ((u32)proto << 8);
    return fold64(s);
}
