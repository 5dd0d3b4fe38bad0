// ping [-c N] [HOST]: ICMP echo requests through a ping socket
// (socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP), as Linux's unprivileged ping does), with the
// round-trip time of each reply and a summary like ping(8)'s.
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

struct echo_hdr {
    unsigned char type, code;
    unsigned short checksum, id, sequence;
};

static long long now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000000LL + ts.tv_nsec / 1000;
}

int main(int argc, char *argv[])
{
    int count = 4;
    const char *host = "127.0.0.1";
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-c") && i + 1 < argc)
            count = atoi(argv[++i]);
        else
            host = argv[i];
    }
    struct sockaddr_in to;
    memset(&to, 0, sizeof(to));
    to.sin_family = AF_INET;
    if (inet_pton(AF_INET, host, &to.sin_addr) != 1 || count <= 0) {
        printf("usage: ping [-c N] [IPv4 address]\n");
        return 2;
    }
    int fd = socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP);
    if (fd < 0) {
        printf("ping: socket: %s\n", strerror(errno));
        return 1;
    }
    printf("PING %s: %d data bytes\n", host, 56);
    int received = 0;
    long long min = -1, max = 0, sum = 0;
    for (int seq = 1; seq <= count; seq++) {
        unsigned char pkt[64];
        memset(pkt, 0, sizeof(pkt));
        struct echo_hdr *h = (struct echo_hdr *)pkt;
        h->type = 8; /* echo request; the kernel fills in the id and the checksum */
        h->sequence = htons((unsigned short)seq);
        for (int i = 8; i < 64; i++)
            pkt[i] = (unsigned char)i;
        long long start = now_us();
        if (sendto(fd, pkt, sizeof(pkt), 0, (struct sockaddr *)&to, sizeof(to)) < 0) {
            printf("ping: sendto: %s\n", strerror(errno));
            return 1;
        }
        struct pollfd p = {fd, POLLIN, 0};
        if (poll(&p, 1, 1000) <= 0) {
            printf("Request timeout for icmp_seq %d\n", seq);
            continue;
        }
        unsigned char reply[128];
        ssize_t n = recv(fd, reply, sizeof(reply), 0);
        long long rtt = now_us() - start;
        struct echo_hdr *r = (struct echo_hdr *)reply;
        if (n < 8 || r->type != 0) {
            printf("ping: unexpected reply (%zd bytes, type %d)\n", n, n >= 1 ? reply[0] : -1);
            continue;
        }
        received++;
        sum += rtt;
        if (min < 0 || rtt < min)
            min = rtt;
        if (rtt > max)
            max = rtt;
        printf("%zd bytes from %s: icmp_seq=%d time=%lld.%03lld ms\n", n, host, ntohs(r->sequence),
               rtt / 1000, rtt % 1000);
    }
    printf("--- %s ping statistics ---\n", host);
    printf("%d packets transmitted, %d received, %d%% packet loss\n", count, received,
           (count - received) * 100 / count);
    if (received)
        printf("rtt min/avg/max = %lld.%03lld/%lld.%03lld/%lld.%03lld ms\n", min / 1000, min % 1000,
               sum / received / 1000, sum / received % 1000, max / 1000, max % 1000);
    close(fd);
    return received ? 0 : 1;
}
