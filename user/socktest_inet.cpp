// socktest_inet [all|errors|udp|echo|clients|hammer [N]]: AF_INET from user space on 127.0.0.1.
//   errors  Linux's errno for each misuse, ports, addresses, options
//   udp     UDP datagrams, connected UDP and ICMP port unreachable
//   echo    10 MiB through a TCP echo server in another process, checksum compared
//   clients 64 TCP clients at once, all served
//   hammer  N connect/close rounds in a row (default 10000)
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#include "socktest.h"

static struct sockaddr_in addr(const char *ip, unsigned short port)
{
    struct sockaddr_in a;
    memset(&a, 0, sizeof(a));
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    a.sin_addr.s_addr = inet_addr(ip);
    return a;
}
#define SA(a) ((struct sockaddr *)&(a))

static int listener(unsigned short port, int backlog)
{
    int s = socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    struct sockaddr_in a = addr("127.0.0.1", port);
    if (bind(s, SA(a), sizeof(a)) < 0 || listen(s, backlog) < 0) {
        printf("listener %u: %s\n", port, strerror(errno));
        close(s);
        return -1;
    }
    return s;
}

static void errors(void)
{
    struct sockaddr_in a = addr("127.0.0.1", 6001);
    char buf[16];
    int s = socket(AF_INET, SOCK_STREAM, 0);
    EXPECT("socket AF_INET stream", s >= 0);
    EXPECT_ERR("socket stream with UDP protocol", socket(AF_INET, SOCK_STREAM, IPPROTO_UDP), EPROTONOSUPPORT);
    EXPECT_ERR("connect to a closed port", connect(s, SA(a), sizeof(a)), ECONNREFUSED);
    close(s);
    s = socket(AF_INET, SOCK_STREAM, 0);
    EXPECT_ERR("bind short address", bind(s, SA(a), 4), EINVAL);
    struct sockaddr_in far = addr("10.0.0.1", 6001);
    EXPECT_ERR("bind an address this host lacks", bind(s, SA(far), sizeof(far)), EADDRNOTAVAIL);
    EXPECT("bind 127.0.0.1:6001", bind(s, SA(a), sizeof(a)) == 0);
    EXPECT_ERR("bind twice", bind(s, SA(a), sizeof(a)), EINVAL);
    int s2 = socket(AF_INET, SOCK_STREAM, 0);
    EXPECT_ERR("bind a port in use", bind(s2, SA(a), sizeof(a)), EADDRINUSE);
    EXPECT("listen", listen(s, 8) == 0);
    EXPECT_ERR("accept on an unbound socket", accept(s2, nullptr, nullptr), EINVAL);
    EXPECT_ERR("send on an unconnected stream", send(s2, "x", 1, MSG_NOSIGNAL), EPIPE);
    EXPECT("connect", connect(s2, SA(a), sizeof(a)) == 0);
    EXPECT_ERR("connect twice", connect(s2, SA(a), sizeof(a)), EISCONN);
    struct sockaddr_in me, peer;
    socklen_t len = sizeof(me);
    getsockname(s2, SA(me), &len);
    unsigned port = ntohs(me.sin_port);
    EXPECT("ephemeral port in 32768-60999", port >= 32768 && port <= 60999);
    EXPECT("source address 127.0.0.1", me.sin_addr.s_addr == inet_addr("127.0.0.1"));
    len = sizeof(peer);
    int c = accept(s, SA(peer), &len);
    EXPECT("accept gives the client's address", c >= 0 && peer.sin_port == me.sin_port);
    EXPECT("send", send(s2, "hello", 5, 0) == 5);
    EXPECT("recv MSG_PEEK", recv(c, buf, sizeof(buf), MSG_PEEK) == 5);
    EXPECT("recv", recv(c, buf, sizeof(buf), 0) == 5 && !memcmp(buf, "hello", 5));
    EXPECT_ERR("recv MSG_DONTWAIT", recv(c, buf, sizeof(buf), MSG_DONTWAIT), EAGAIN);
    int err = -1;
    socklen_t elen = sizeof(err);
    EXPECT("SO_ERROR is 0", getsockopt(c, SOL_SOCKET, SO_ERROR, &err, &elen) == 0 && err == 0);
    EXPECT_ERR("getsockopt unknown level option", getsockopt(c, SOL_SOCKET, 9999, &err, &elen), ENOPROTOOPT);
    EXPECT_ERR("getsockopt bad pointer", getsockopt(c, SOL_SOCKET, SO_ERROR, (void *)0xc0000000, &elen), EFAULT);
    EXPECT("shutdown SHUT_WR then EOF", shutdown(s2, SHUT_WR) == 0 && recv(c, buf, sizeof(buf), 0) == 0);
    close(c);
    close(s2);
    close(s);

    /* INADDR_ANY listens on every local address; SO_REUSEADDR rebinds a port in TIME_WAIT. */
    s = socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    struct sockaddr_in any = addr("0.0.0.0", 6002);
    EXPECT("bind INADDR_ANY with SO_REUSEADDR", bind(s, SA(any), sizeof(any)) == 0 && listen(s, 4) == 0);
    s2 = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in lo = addr("127.0.0.1", 6002);
    EXPECT("connect to INADDR_ANY listener via 127.0.0.1", connect(s2, SA(lo), sizeof(lo)) == 0);
    close(s2);
    close(s);
    /* SO_LINGER with a zero timeout: close aborts the connection, the peer sees a reset */
    s = listener(6003, 4);
    s2 = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in l3 = addr("127.0.0.1", 6003);
    connect(s2, SA(l3), sizeof(l3));
    int acc = accept(s, nullptr, nullptr);
    struct linger lg = {1, 0};
    EXPECT("SO_LINGER {1, 0}", setsockopt(s2, SOL_SOCKET, SO_LINGER, &lg, sizeof(lg)) == 0);
    close(s2);
    char rb[4];
    EXPECT_ERR("linger 0: close resets, the peer's recv gets ECONNRESET", recv(acc, rb, sizeof(rb), 0), ECONNRESET);
    close(acc);
    close(s);
    int fl;
    s = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    fl = fcntl(s, F_GETFL);
    EXPECT("SOCK_NONBLOCK sets O_NONBLOCK", fl >= 0 && (fl & O_NONBLOCK));
    close(s);
}

static void udp(void)
{
    int u = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in a = addr("127.0.0.1", 6100);
    EXPECT("udp bind", bind(u, SA(a), sizeof(a)) == 0);
    int v = socket(AF_INET, SOCK_DGRAM, 0);
    EXPECT("udp sendto", sendto(v, "ping", 4, 0, SA(a), sizeof(a)) == 4);
    char buf[32];
    struct sockaddr_in from;
    socklen_t flen = sizeof(from);
    EXPECT("udp recvfrom", recvfrom(u, buf, sizeof(buf), 0, SA(from), &flen) == 4 && !memcmp(buf, "ping", 4));
    EXPECT("udp reply to the sender", sendto(u, "pong", 4, 0, SA(from), flen) == 4 &&
                                          recv(v, buf, sizeof(buf), 0) == 4 && !memcmp(buf, "pong", 4));
    struct sockaddr_in closed = addr("127.0.0.1", 6199);
    EXPECT("connected udp", connect(v, SA(closed), sizeof(closed)) == 0);
    send(v, "x", 1, 0);
    usleep(20000);
    EXPECT_ERR("connected udp to a closed port gets ECONNREFUSED", recv(v, buf, sizeof(buf), MSG_DONTWAIT), ECONNREFUSED);
    close(u);
    close(v);
}

static void echo(void)
{
    const long total = 10L << 20;
    int l = listener(6200, 4);
    pid_t pid = fork();
    if (pid == 0) {
        int c = accept(l, nullptr, nullptr);
        static unsigned char buf[32768];
        ssize_t n;
        while ((n = recv(c, buf, sizeof(buf), 0)) > 0)
            for (ssize_t off = 0; off < n;) {
                ssize_t w = send(c, buf + off, (size_t)(n - off), 0);
                if (w <= 0)
                    _exit(1);
                off += w;
            }
        close(c);
        _exit(0);
    }
    close(l);
    int s = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = addr("127.0.0.1", 6200);
    EXPECT("echo connect", connect(s, SA(a), sizeof(a)) == 0);
    static unsigned char out[16384], in[16384];
    stream_sum sent, got;
    long wrote = 0, back = 0;
    while (back < total) {
        if (wrote < total) {
            long n = total - wrote < (long)sizeof(out) ? total - wrote : (long)sizeof(out);
            fill_pattern(out, n, (unsigned long)wrote);
            sent.add(out, n);
            for (long off = 0; off < n;) {
                ssize_t w = send(s, out + off, (size_t)(n - off), 0);
                if (w <= 0)
                    break;
                off += w;
            }
            wrote += n;
            if (wrote == total)
                shutdown(s, SHUT_WR);
        }
        ssize_t r = recv(s, in, sizeof(in), 0);
        if (r <= 0)
            break;
        got.add(in, r);
        back += r;
    }
    close(s);
    waitpid(pid, nullptr, 0);
    EXPECT("10 MiB over TCP echoed, no byte lost", back == total);
    EXPECT("10 MiB over TCP, checksums match", sent.value() == got.value());
}

static void clients(void)
{
    const int N = 64;
    int l = listener(6300, N);
    struct sockaddr_in a = addr("127.0.0.1", 6300);
    int served = serve_echo_clients(l, AF_INET, SA(a), sizeof(a), N);
    close(l);
    printf("served %d of %d clients\n", served, N);
    EXPECT("64 TCP clients at once, all served", served == N);
}

static void hammer(long rounds)
{
    int l = listener(6400, 128);
    pid_t pid = fork();
    if (pid == 0) {
        for (long i = 0; i < rounds; i++) {
            int c = accept(l, nullptr, nullptr);
            if (c < 0)
                _exit(1);
            close(c);
        }
        _exit(0);
    }
    close(l);
    long ok = 0;
    struct sockaddr_in a = addr("127.0.0.1", 6400);
    for (long i = 0; i < rounds; i++) {
        int s = socket(AF_INET, SOCK_STREAM, 0);
        if (s < 0) {
            printf("round %ld: socket: %s\n", i, strerror(errno));
            break;
        }
        if (connect(s, SA(a), sizeof(a)) == 0)
            ok++;
        else
            printf("round %ld: connect: %s\n", i, strerror(errno));
        close(s);
    }
    int status;
    waitpid(pid, &status, 0);
    printf("%ld of %ld connect/close rounds\n", ok, rounds);
    EXPECT("every connect/close round succeeded", ok == rounds && WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

int main(int argc, char *argv[])
{
    const char *what = argc > 1 ? argv[1] : "all";
    bool all = !strcmp(what, "all");
    if (all || !strcmp(what, "errors"))
        errors();
    if (all || !strcmp(what, "udp"))
        udp();
    if (all || !strcmp(what, "echo"))
        echo();
    if (all || !strcmp(what, "clients"))
        clients();
    if (!strcmp(what, "hammer"))
        hammer(argc > 2 ? atol(argv[2]) : 10000);
    return summary("socktest_inet");
}
