// netgarbage [N]: throws malformed IPv4 packets at the loopback through a raw socket
// (socket(AF_INET, SOCK_RAW, IPPROTO_RAW)): random bytes, bad header checksums, wrong lengths,
// bad TCP checksums, truncated headers, unknown protocols and ports. The kernel must drop and
// count each kind (/proc/net/snmp) and keep working: a TCP exchange afterwards must succeed.
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#include "socktest.h"

static unsigned short csum(const void *data, int len, unsigned long sum = 0)
{
    const unsigned char *p = (const unsigned char *)data;
    for (int i = 0; i + 1 < len; i += 2)
        sum += (unsigned)(p[i] << 8 | p[i + 1]);
    if (len & 1)
        sum += (unsigned)(p[len - 1] << 8);
    while (sum >> 16)
        sum = (sum & 0xffff) + (sum >> 16);
    return htons((unsigned short)~sum);
}

/* Builds an IPv4 packet around `payload`; the header checksum is right unless told otherwise. */
static int ip_packet(unsigned char *buf, int proto, const unsigned char *payload, int plen)
{
    memset(buf, 0, 20);
    buf[0] = 0x45;
    buf[8] = 64;
    buf[9] = (unsigned char)proto;
    unsigned short tot = htons((unsigned short)(20 + plen));
    memcpy(buf + 2, &tot, 2);
    uint32_t lo = htonl(INADDR_LOOPBACK);
    memcpy(buf + 12, &lo, 4);
    memcpy(buf + 16, &lo, 4);
    unsigned short c = csum(buf, 20);
    memcpy(buf + 10, &c, 2);
    memcpy(buf + 20, payload, (size_t)plen);
    return 20 + plen;
}

/* A TCP segment with a correct checksum unless bad_csum. */
static int tcp_segment(unsigned char *seg, unsigned short dport, unsigned char flags, bool bad_csum)
{
    memset(seg, 0, 20);
    unsigned short sp = htons(40000), dp = htons(dport);
    memcpy(seg, &sp, 2);
    memcpy(seg + 2, &dp, 2);
    seg[12] = 5 << 4;
    seg[13] = flags;
    unsigned short win = htons(1000);
    memcpy(seg + 14, &win, 2);
    unsigned char pseudo[12];
    uint32_t lo = htonl(INADDR_LOOPBACK);
    memcpy(pseudo, &lo, 4);
    memcpy(pseudo + 4, &lo, 4);
    pseudo[8] = 0;
    pseudo[9] = 6;
    pseudo[10] = 0;
    pseudo[11] = 20;
    unsigned long sum = 0;
    for (int i = 0; i < 12; i += 2)
        sum += (unsigned)(pseudo[i] << 8 | pseudo[i + 1]);
    unsigned short c = csum(seg, 20, sum);
    if (bad_csum)
        c ^= 0x5a5a;
    memcpy(seg + 16, &c, 2);
    return 20;
}

static long snmp(const char *key)
{
    int fd = open("/proc/net/snmp", O_RDONLY);
    static char text[4096];
    ssize_t n = read(fd, text, sizeof(text) - 1);
    close(fd);
    text[n > 0 ? n : 0] = '\0';
    char *p = strstr(text, key);
    return p ? atol(p + strlen(key) + 1) : -1;
}

int main(int argc, char *argv[])
{
    long rounds = argc > 1 ? atol(argv[1]) : 200;
    int raw = socket(AF_INET, SOCK_RAW, IPPROTO_RAW);
    EXPECT("raw socket", raw >= 0);
    if (raw < 0)
        return summary("netgarbage");
    EXPECT_ERR("raw socket for TCP is not supported", socket(AF_INET, SOCK_RAW, IPPROTO_TCP), EPROTONOSUPPORT);
    struct sockaddr_in to;
    memset(&to, 0, sizeof(to));
    to.sin_family = AF_INET;
    to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    long hdr0 = snmp("InHdrErrors"), tcperr0 = snmp("InErrs"), proto0 = snmp("InUnknownProtos");
    long noport0 = snmp("NoPorts"), rst0 = snmp("OutRsts");
    unsigned char pkt[2048], seg[64];
    srand(1234);
    long sent = 0;
    for (long i = 0; i < rounds; i++) {
        int len;
        switch (i % 8) {
        case 0: /* random bytes */
            len = rand() % 80;
            for (int k = 0; k < len; k++)
                pkt[k] = (unsigned char)rand();
            break;
        case 1: /* header checksum wrong */
            len = ip_packet(pkt, 17, (const unsigned char *)"garbage!", 8);
            pkt[10] ^= 0xff;
            break;
        case 2: /* total length beyond the packet */
            len = ip_packet(pkt, 6, (const unsigned char *)"xx", 2);
            pkt[2] = 0x10;
            pkt[10] = pkt[11] = 0;
            {
                unsigned short c = csum(pkt, 20);
                memcpy(pkt + 10, &c, 2);
            }
            break;
        case 3: /* TCP segment with a bad checksum */
            len = ip_packet(pkt, 6, seg, tcp_segment(seg, 5001, 0x02, true));
            break;
        case 4: /* truncated TCP header */
            len = ip_packet(pkt, 6, (const unsigned char *)"\x01\x02\x03", 3);
            break;
        case 5: /* unknown protocol */
            len = ip_packet(pkt, 99, (const unsigned char *)"???", 3);
            break;
        case 6: { /* UDP to a port nobody listens on (checksum 0: none) */
            unsigned char udp[12] = {0x9c, 0x40, 0x1b, 0x59, 0, 12, 0, 0, 'a', 'b', 'c', 'd'};
            len = ip_packet(pkt, 17, udp, 12);
            break;
        }
        default: /* a good SYN to a closed port: answered with RST */
            len = ip_packet(pkt, 6, seg, tcp_segment(seg, 5999, 0x02, false));
        }
        if (sendto(raw, pkt, (size_t)len, 0, (struct sockaddr *)&to, sizeof(to)) == len)
            sent++;
        if (i % 16 == 15)
            usleep(1000); /* let the receive path run */
    }
    usleep(50000);
    printf("netgarbage: %ld packets sent\n", sent);
    EXPECT("every packet accepted by the raw socket", sent == rounds);
    EXPECT("bad IP headers dropped and counted", snmp("InHdrErrors") - hdr0 >= rounds / 8 * 2);
    EXPECT("bad TCP segments dropped and counted", snmp("InErrs") - tcperr0 >= rounds / 8 * 2);
    EXPECT("unknown protocols counted", snmp("InUnknownProtos") - proto0 >= rounds / 8);
    EXPECT("UDP to unknown ports counted", snmp("NoPorts") - noport0 >= rounds / 8);
    EXPECT("SYN to a closed port answered with RST", snmp("OutRsts") - rst0 >= rounds / 8);
    EXPECT_ERR("raw recv is not supported", recv(raw, pkt, sizeof(pkt), MSG_DONTWAIT), EOPNOTSUPP);
    close(raw);

    /* The stack still works. */
    int sv[2];
    int l = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = to;
    a.sin_port = htons(5050);
    int one = 1;
    setsockopt(l, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    bind(l, (struct sockaddr *)&a, sizeof(a));
    listen(l, 1);
    sv[0] = socket(AF_INET, SOCK_STREAM, 0);
    EXPECT("TCP connect after the garbage", connect(sv[0], (struct sockaddr *)&a, sizeof(a)) == 0);
    sv[1] = accept(l, nullptr, nullptr);
    char buf[8];
    EXPECT("TCP data after the garbage", send(sv[0], "alive", 5, 0) == 5 && recv(sv[1], buf, sizeof(buf), 0) == 5);
    close(sv[0]);
    close(sv[1]);
    close(l);
    return summary("netgarbage");
}
