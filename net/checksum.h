/* The Internet checksum (RFC 1071; Linux: include/net/checksum.h, lib/checksum.c).
 * Sums 32 bits at a time into a 64-bit accumulator and folds at the end. Pure: host tested. */
#pragma once
#include "kernel/types.h"

extern "C" {
/* Partial one's-complement sum of buf added to sum (not folded, not inverted). Any length
 * and alignment; an odd length is padded with a zero byte, as the RFC says. Note: summing a
 * buffer in pieces only works when every piece but the last has an even length. */
__wsum csum_partial(const void *buf, size_t len, __wsum sum);
/* The 16-bit checksum of buf, ready to store in a header (network order in memory). */
__sum16 ip_compute_csum(const void *buf, size_t len);
/* TCP/UDP pseudo-header sum (addresses in network order, len and proto in host order). */
__wsum csum_tcpudp_nofold(__be32 saddr, __be32 daddr, u32 len, u8 proto, __wsum sum);
}

static inline __sum16 csum_fold(__wsum sum)
{
    sum = (sum & 0xffff) + (sum >> 16);
    sum = (sum & 0xffff) + (sum >> 16);
    return (__sum16)~sum;
}
static inline __sum16 csum_tcpudp_magic(__be32 saddr, __be32 daddr, u32 len, u8 proto, __wsum sum)
{
    return csum_fold(csum_tcpudp_nofold(saddr, daddr, len, proto, sum));
}
