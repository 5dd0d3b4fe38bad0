// netbench [all|rtt|bulk|unix|pingpong] [N]: socket figures measured inside MenuOS.
// Prints one machine-readable line per figure ("name value unit"), which `make bench` reads:
//   round_trip_us     hello round trip: connect + send "hello" + recv "hi" + close, median
//   bulk_MBps         TCP loopback throughput for a 64 MiB transfer
//   unix_MBps         AF_UNIX stream throughput for 64 MiB
//   unix_pingpong_us  AF_UNIX one-byte ping-pong round trip, median
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static long long now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000000LL + ts.tv_nsec / 1000;
}

static void die(const char *what)
{
    printf("netbench: %s: %s\n", what, strerror(errno));
    exit(1);
}

static int cmp_ll(const void *a, const void *b)
{
    long long x = *(const long long *)a, y = *(const long long *)b;
    return (x > y) - (x < y);
}

static struct sockaddr_in loopback(unsigned short port)
{
    struct sockaddr_in a;
    memset(&a, 0, sizeof(a));
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return a;
}

static int tcp_listener(unsigned short port)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        die("socket");
    int one = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    struct sockaddr_in a = loopback(port);
    if (bind(fd, (struct sockaddr *)&a, sizeof(a)) < 0)
        die("bind");
    if (listen(fd, 128) < 0)
        die("listen");
    return fd;
}

static int tcp_connect(unsigned short port)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        die("socket");
    struct sockaddr_in a = loopback(port);
    if (connect(fd, (struct sockaddr *)&a, sizeof(a)) < 0)
        die("connect");
    return fd;
}

static void round_trip(int rounds)
{
    int lfd = tcp_listener(5101);
    pid_t pid = fork();
    if (pid == 0) {
        char buf[64];
        for (int i = 0; i < rounds; i++) {
            int c = accept(lfd, nullptr, nullptr);
            if (c < 0)
                _exit(1);
            if (recv(c, buf, sizeof(buf), 0) > 0)
                send(c, "hi", 2, 0);
            close(c);
        }
        _exit(0);
    }
    close(lfd);
    long long *t = (long long *)malloc(sizeof(long long) * (size_t)rounds);
    char buf[64];
    for (int i = 0; i < rounds; i++) {
        long long start = now_us();
        int fd = tcp_connect(5101);
        send(fd, "hello", 5, 0);
        if (recv(fd, buf, sizeof(buf), 0) != 2)
            die("recv hi");
        close(fd);
        t[i] = now_us() - start;
    }
    waitpid(pid, nullptr, 0);
    qsort(t, (size_t)rounds, sizeof(long long), cmp_ll);
    printf("round_trip_us %lld us\n", t[rounds / 2]);
    free(t);
}

/* Writer child, reader parent: bytes from the first send to the last recv. */
static void bulk(int wfd, int rfd, long mib, const char *name, pid_t *child)
{
    static char buf[65536];
    long total = mib << 20;
    *child = fork();
    if (*child == 0) {
        close(rfd);
        memset(buf, 'x', sizeof(buf));
        for (long sent = 0; sent < total;) {
            ssize_t n = send(wfd, buf, sizeof(buf), 0);
            if (n <= 0)
                _exit(1);
            sent += n;
        }
        close(wfd);
        _exit(0);
    }
    close(wfd);
    long long start = now_us();
    long sum = 0;
    ssize_t n;
    while ((n = recv(rfd, buf, sizeof(buf), 0)) > 0)
        sum += n;
    long long us = now_us() - start;
    close(rfd);
    waitpid(*child, nullptr, 0);
    if (sum != total) {
        printf("netbench: %s: received %ld of %ld bytes\n", name, sum, total);
        exit(1);
    }
    long long tenths = (long long)sum * 10 / (us ? us : 1); /* bytes per us = MB/s */
    printf("%s %lld.%lld MB/s\n", name, tenths / 10, tenths % 10);
}

static void tcp_bulk(long mib)
{
    int lfd = tcp_listener(5102);
    int cfd = tcp_connect(5102);
    int sfd = accept(lfd, nullptr, nullptr);
    if (sfd < 0)
        die("accept");
    close(lfd);
    pid_t child;
    bulk(cfd, sfd, mib, "bulk_MBps", &child);
}

static void unix_bulk(long mib)
{
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) < 0)
        die("socketpair");
    pid_t child;
    bulk(sv[0], sv[1], mib, "unix_MBps", &child);
}

static void unix_pingpong(int rounds)
{
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) < 0)
        die("socketpair");
    pid_t pid = fork();
    char c = 'p';
    if (pid == 0) {
        close(sv[0]);
        for (int i = 0; i < rounds; i++) {
            if (recv(sv[1], &c, 1, 0) != 1)
                _exit(1);
            send(sv[1], &c, 1, 0);
        }
        _exit(0);
    }
    close(sv[1]);
    long long *t = (long long *)malloc(sizeof(long long) * (size_t)rounds);
    for (int i = 0; i < rounds; i++) {
        long long start = now_us();
        send(sv[0], &c, 1, 0);
        if (recv(sv[0], &c, 1, 0) != 1)
            die("ping-pong");
        t[i] = now_us() - start;
    }
    waitpid(pid, nullptr, 0);
    qsort(t, (size_t)rounds, sizeof(long long), cmp_ll);
    printf("unix_pingpong_us %lld us\n", t[rounds / 2]);
    free(t);
}

int main(int argc, char *argv[])
{
    const char *what = argc > 1 ? argv[1] : "all";
    long n = argc > 2 ? atol(argv[2]) : 0;
    bool all = !strcmp(what, "all");
    if (all || !strcmp(what, "rtt"))
        round_trip(n > 0 ? (int)n : 200);
    if (all || !strcmp(what, "bulk"))
        tcp_bulk(n > 0 ? n : 64);
    if (all || !strcmp(what, "unix"))
        unix_bulk(n > 0 ? n : 64);
    if (all || !strcmp(what, "pingpong"))
        unix_pingpong(n > 0 ? (int)n : 1000);
    if (!all && strcmp(what, "rtt") && strcmp(what, "bulk") && strcmp(what, "unix") && strcmp(what, "pingpong")) {
        printf("usage: netbench [all|rtt|bulk|unix|pingpong] [N]\n");
        return 2;
    }
    return 0;
}
