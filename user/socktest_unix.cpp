// socktest_unix [all|errors|echo|clients|seed]: AF_UNIX from user space, every call and error.
//   errors  Linux's errno for each misuse (EBADF, ENOTSOCK, EINVAL, EISCONN, ENOTCONN, EPIPE...)
//   echo    10 MiB through an echo server in another process, checksum compared
//   clients 64 clients connect at once and are all served
//   seed    the lab's example: bind to /somepath, listen with backlog 50
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>
#include "socktest.h"

static socklen_t make_addr(struct sockaddr_un *a, const char *path)
{
    memset(a, 0, sizeof(*a));
    a->sun_family = AF_UNIX;
    strncpy(a->sun_path, path, sizeof(a->sun_path) - 1);
    return (socklen_t)(sizeof(a->sun_family) + strlen(path) + 1);
}

static void errors(void)
{
    struct sockaddr_un a;
    socklen_t alen = make_addr(&a, "/tmp/errs");
    char buf[16];
    EXPECT_ERR("socket bad family", socket(99, SOCK_STREAM, 0), EAFNOSUPPORT);
    EXPECT_ERR("socket bad type", socket(AF_UNIX, 77, 0), EINVAL);
    EXPECT_ERR("bind bad fd", bind(99, (struct sockaddr *)&a, alen), EBADF);
    EXPECT_ERR("bind on a non-socket fd", bind(0, (struct sockaddr *)&a, alen), ENOTSOCK);
    int s = socket(AF_UNIX, SOCK_STREAM, 0);
    EXPECT("socket AF_UNIX stream", s >= 0);
    EXPECT_ERR("bind address length 1", bind(s, (struct sockaddr *)&a, 1), EINVAL);
    EXPECT_ERR("bind bad pointer", bind(s, (struct sockaddr *)0xc0000000, alen), EFAULT);
    EXPECT_ERR("listen before bind", listen(s, 5), EINVAL);
    EXPECT_ERR("accept on a non-listening socket", accept(s, nullptr, nullptr), EINVAL);
    EXPECT_ERR("send on an unconnected stream", send(s, "x", 1, MSG_NOSIGNAL), ENOTCONN);
    EXPECT_ERR("recv on an unconnected stream is EINVAL (as Linux's AF_UNIX)", recv(s, buf, 1, 0), EINVAL);
    EXPECT_ERR("connect to a missing path", connect(s, (struct sockaddr *)&a, alen), ENOENT);
    EXPECT("bind /tmp/errs", bind(s, (struct sockaddr *)&a, alen) == 0);
    int s2 = socket(AF_UNIX, SOCK_STREAM, 0);
    EXPECT_ERR("bind a name in use", bind(s2, (struct sockaddr *)&a, alen), EADDRINUSE);
    EXPECT_ERR("connect to a bound but not listening name", connect(s2, (struct sockaddr *)&a, alen), ECONNREFUSED);
    EXPECT("listen", listen(s, 1) == 0);
    EXPECT("connect", connect(s2, (struct sockaddr *)&a, alen) == 0);
    EXPECT_ERR("connect twice", connect(s2, (struct sockaddr *)&a, alen), EISCONN);
    int c = accept(s, nullptr, nullptr);
    EXPECT("accept", c >= 0);
    EXPECT("send", send(s2, "peek", 4, 0) == 4);
    EXPECT("recv MSG_PEEK leaves the data", recv(c, buf, sizeof(buf), MSG_PEEK) == 4 && !memcmp(buf, "peek", 4));
    EXPECT("recv after peek", recv(c, buf, sizeof(buf), 0) == 4);
    EXPECT_ERR("recv MSG_DONTWAIT on an empty socket", recv(c, buf, sizeof(buf), MSG_DONTWAIT), EAGAIN);
    int fl = fcntl(c, F_GETFL);
    fcntl(c, F_SETFL, fl | O_NONBLOCK);
    EXPECT_ERR("read O_NONBLOCK on an empty socket", read(c, buf, sizeof(buf)), EAGAIN);
    fcntl(c, F_SETFL, fl);
    struct sockaddr_un peer;
    socklen_t plen = sizeof(peer);
    EXPECT("getsockname of the listener", getsockname(s, (struct sockaddr *)&peer, &plen) == 0 &&
                                              !strcmp(peer.sun_path, "/tmp/errs"));
    plen = sizeof(peer);
    EXPECT("getpeername of the accepted socket", getpeername(c, (struct sockaddr *)&peer, &plen) == 0);
    plen = sizeof(peer);
    EXPECT_ERR("getpeername of the listener", getpeername(s, (struct sockaddr *)&peer, &plen), ENOTCONN);
    EXPECT_ERR("getsockname bad length pointer", getsockname(s, (struct sockaddr *)&peer, (socklen_t *)4), EFAULT);
    int type = 0;
    socklen_t tlen = sizeof(type);
    EXPECT("SO_TYPE", getsockopt(c, SOL_SOCKET, SO_TYPE, &type, &tlen) == 0 && type == SOCK_STREAM);
    int bufsz = 65536;
    EXPECT("SO_RCVBUF set", setsockopt(c, SOL_SOCKET, SO_RCVBUF, &bufsz, sizeof(bufsz)) == 0);
    EXPECT_ERR("unknown option", setsockopt(c, SOL_SOCKET, 12345, &bufsz, sizeof(bufsz)), ENOPROTOOPT);
    {
        /* SO_SNDBUF bounds what a writer may have unread at the peer (as Linux's AF_UNIX) */
        int sv2[2], small = 4096, got = 0;
        socklen_t glen = sizeof(got);
        socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, sv2);
        EXPECT("SO_SNDBUF set, read back doubled", setsockopt(sv2[0], SOL_SOCKET, SO_SNDBUF, &small, sizeof(small)) == 0 &&
                   getsockopt(sv2[0], SOL_SOCKET, SO_SNDBUF, &got, &glen) == 0 && got == 2 * small);
        static char chunk[1000];
        long queued = 0, n;
        while ((n = send(sv2[0], chunk, sizeof(chunk), 0)) > 0)
            queued += n;
        EXPECT("a small SO_SNDBUF stops a writer early (EAGAIN)", n < 0 && errno == EAGAIN && queued >= small && queued <= 2 * small);
        static char sink[4096];
        EXPECT("reading makes room again", recv(sv2[1], sink, sizeof(sink), 0) > 0 && send(sv2[0], chunk, 10, 0) == 10);
        struct linger lg = {1, 0}, lg2 = {0, 0};
        socklen_t llen = sizeof(lg2);
        EXPECT("SO_LINGER set and read back", setsockopt(sv2[0], SOL_SOCKET, SO_LINGER, &lg, sizeof(lg)) == 0 &&
                   getsockopt(sv2[0], SOL_SOCKET, SO_LINGER, &lg2, &llen) == 0 && lg2.l_onoff == 1 && llen == sizeof(lg2));
        EXPECT_ERR("SO_LINGER with a short length is EINVAL", setsockopt(sv2[0], SOL_SOCKET, SO_LINGER, &lg, 4), EINVAL);
        close(sv2[0]);
        close(sv2[1]);
    }
    struct pollfd pfd = {c, POLLIN, 0};
    EXPECT("poll: nothing to read", poll(&pfd, 1, 0) == 0);
    send(s2, "z", 1, 0);
    EXPECT("poll: readable after a send", poll(&pfd, 1, 1000) == 1 && (pfd.revents & POLLIN));
    recv(c, buf, 1, 0);
    fd_set rset;
    FD_ZERO(&rset);
    FD_SET(c, &rset);
    FD_SET(s, &rset);
    struct timeval tv = {0, 10000};
    EXPECT("select: nothing ready times out", select(c + 1, &rset, nullptr, nullptr, &tv) == 0);
    EXPECT("select: the time left is written back (none, after a timeout)", tv.tv_sec == 0 && tv.tv_usec == 0);
    tv.tv_usec = 1000000;
    EXPECT_ERR("select: tv_usec of a whole second is EINVAL", select(c + 1, &rset, nullptr, nullptr, &tv), EINVAL);
    tv.tv_usec = 10000;
    send(s2, "y", 1, 0);
    FD_ZERO(&rset);
    FD_SET(c, &rset);
    FD_SET(s, &rset);
    tv.tv_sec = 1;
    EXPECT("select: the readable socket and only it", select(c + 1, &rset, nullptr, nullptr, &tv) == 1 &&
                                                          FD_ISSET(c, &rset) && !FD_ISSET(s, &rset));
    EXPECT("select: ready at once leaves most of the time", tv.tv_sec == 0 ? tv.tv_usec > 500000 : tv.tv_sec == 1);
    {
        int fresh = socket(AF_UNIX, SOCK_STREAM, 0);
        struct pollfd fp = {fresh, POLLIN | POLLOUT, 0};
        EXPECT("poll on a never-connected stream: POLLOUT|POLLHUP, as Linux",
               poll(&fp, 1, 0) == 1 && (fp.revents & (POLLOUT | POLLHUP)) == (POLLOUT | POLLHUP) && !(fp.revents & POLLIN));
        close(fresh);
    }
    recv(c, buf, 1, 0);
    FD_ZERO(&rset);
    FD_SET(99, &rset);
    tv.tv_sec = 0;
    EXPECT_ERR("select on a closed fd", select(100, &rset, nullptr, nullptr, &tv), EBADF);
    EXPECT("shutdown SHUT_WR", shutdown(s2, SHUT_WR) == 0);
    EXPECT("EOF after the peer's SHUT_WR", recv(c, buf, sizeof(buf), 0) == 0);
    EXPECT_ERR("send after SHUT_WR", send(s2, "x", 1, MSG_NOSIGNAL), EPIPE);
    close(c);
    EXPECT_ERR("write to a closed peer", send(s2, "x", 1, MSG_NOSIGNAL), EPIPE);
    EXPECT_ERR("shutdown bad how", shutdown(s2, 7), EINVAL);
    close(s2);
    close(s);
    EXPECT_ERR("connect after the listener closed", ({
                   int t = socket(AF_UNIX, SOCK_STREAM, 0);
                   int r = connect(t, (struct sockaddr *)&a, alen);
                   close(t);
                   r;
               }), ECONNREFUSED);
    unlink("/tmp/errs");

    int sv[2];
    EXPECT("socketpair", socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0);
    EXPECT("socketpair carries data", write(sv[0], "pair", 4) == 4 && read(sv[1], buf, 4) == 4);
    close(sv[0]);
    close(sv[1]);
    EXPECT_ERR("socketpair bad pointer", socketpair(AF_UNIX, SOCK_STREAM, 0, (int *)0xc0000000), EFAULT);

    /* Datagrams keep their boundaries. */
    EXPECT("socketpair dgram", socketpair(AF_UNIX, SOCK_DGRAM, 0, sv) == 0);
    send(sv[0], "one", 3, 0);
    send(sv[0], "three", 5, 0);
    EXPECT("dgram boundary 1", recv(sv[1], buf, sizeof(buf), 0) == 3);
    EXPECT("dgram boundary 2", recv(sv[1], buf, sizeof(buf), 0) == 5);
    close(sv[0]);
    close(sv[1]);

    /* A non-blocking connect to a full backlog gets EAGAIN. */
    struct sockaddr_un ab;
    socklen_t ablen = (socklen_t)(sizeof(sa_family_t) + 8);
    memset(&ab, 0, sizeof(ab));
    ab.sun_family = AF_UNIX;
    memcpy(ab.sun_path, "\0backlog", 8); /* abstract name */
    int l = socket(AF_UNIX, SOCK_STREAM, 0);
    EXPECT("bind an abstract name", bind(l, (struct sockaddr *)&ab, ablen) == 0);
    listen(l, 1);
    int fds[8], filled = 0;
    int err = 0;
    for (int i = 0; i < 8; i++) {
        fds[i] = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0);
        if (connect(fds[i], (struct sockaddr *)&ab, ablen) < 0) {
            err = errno;
            break;
        }
        filled++;
    }
    /* Linux admits one more than the backlog: listen(1) holds two connections. */
    EXPECT("backlog full: non-blocking connect gets EAGAIN", err == EAGAIN && filled == 2);
    for (int i = 0; i <= filled && i < 8; i++)
        close(fds[i]);
    close(l);

    /* listen(0): one connection waits; a second blocking connect sleeps until accept makes
     * room, then completes. */
    l = socket(AF_UNIX, SOCK_STREAM, 0);
    memcpy(ab.sun_path, "\0backlog0", 9);
    ablen = (socklen_t)(sizeof(sa_family_t) + 9);
    EXPECT("bind for listen(0)", bind(l, (struct sockaddr *)&ab, ablen) == 0 && listen(l, 0) == 0);
    int first = socket(AF_UNIX, SOCK_STREAM, 0);
    EXPECT("listen(0) admits one connection", connect(first, (struct sockaddr *)&ab, ablen) == 0);
    pid_t pid = fork();
    if (pid == 0) {
        int second = socket(AF_UNIX, SOCK_STREAM, 0);
        _exit(connect(second, (struct sockaddr *)&ab, ablen) == 0 ? 0 : 1);
    }
    usleep(100000); /* the child is now asleep in connect */
    int status = -1;
    EXPECT("the second connect blocks while the queue is full", waitpid(pid, &status, WNOHANG) == 0);
    int a1 = accept(l, nullptr, nullptr);
    int a2 = accept(l, nullptr, nullptr); /* the second connection, once it is queued */
    waitpid(pid, &status, 0);
    EXPECT("after accept it completes", a1 >= 0 && a2 >= 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0);
    close(a1);
    close(a2);
    close(first);
    close(l);
}

/* 10 MiB to an echo server in a child process and back. */
static void echo(void)
{
    const long total = 10L << 20;
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) < 0) {
        EXPECT("socketpair for echo", false);
        return;
    }
    pid_t pid = fork();
    if (pid == 0) {
        close(sv[0]);
        static unsigned char buf[32768];
        ssize_t n;
        while ((n = read(sv[1], buf, sizeof(buf))) > 0)
            for (ssize_t off = 0; off < n;) {
                ssize_t w = write(sv[1], buf + off, (size_t)(n - off));
                if (w <= 0)
                    _exit(1);
                off += w;
            }
        _exit(0);
    }
    close(sv[1]);
    static unsigned char out[16384], in[16384];
    stream_sum sent, got;
    long wrote = 0, read_back = 0;
    /* Alternate writing a chunk and draining what came back, so neither side blocks forever. */
    while (read_back < total) {
        if (wrote < total) {
            long n = total - wrote < (long)sizeof(out) ? total - wrote : (long)sizeof(out);
            fill_pattern(out, n, (unsigned long)wrote);
            sent.add(out, n);
            for (long off = 0; off < n;) {
                ssize_t w = write(sv[0], out + off, (size_t)(n - off));
                if (w <= 0)
                    break;
                off += w;
            }
            wrote += n;
            if (wrote == total)
                shutdown(sv[0], SHUT_WR);
        }
        ssize_t r = read(sv[0], in, sizeof(in));
        if (r <= 0)
            break;
        got.add(in, r);
        read_back += r;
    }
    close(sv[0]);
    waitpid(pid, nullptr, 0);
    EXPECT("10 MiB echoed, no byte lost", read_back == total);
    EXPECT("10 MiB echoed, checksums match", sent.value() == got.value());
}

static void clients(void)
{
    struct sockaddr_un a;
    socklen_t alen = make_addr(&a, "/tmp/many");
    unlink("/tmp/many");
    int l = socket(AF_UNIX, SOCK_STREAM, 0);
    bind(l, (struct sockaddr *)&a, alen);
    EXPECT("listen for 64 clients", listen(l, 64) == 0);
    const int N = 64;
    int served = serve_echo_clients(l, AF_UNIX, (struct sockaddr *)&a, alen, N);
    close(l);
    unlink("/tmp/many");
    printf("served %d of %d clients\n", served, N);
    EXPECT("64 clients at once, all served", served == N);
}

static void seed(void)
{
    /* The lab's own example: an AF_UNIX stream socket bound to /somepath, backlog 50. */
    struct sockaddr_un my_addr;
    int sfd = socket(AF_UNIX, SOCK_STREAM, 0);
    EXPECT("seed: socket", sfd >= 0);
    memset(&my_addr, 0, sizeof(my_addr));
    my_addr.sun_family = AF_UNIX;
    strncpy(my_addr.sun_path, "/somepath", sizeof(my_addr.sun_path) - 1);
    EXPECT("seed: bind /somepath", bind(sfd, (struct sockaddr *)&my_addr, sizeof(my_addr)) == 0);
    EXPECT("seed: listen backlog 50", listen(sfd, 50) == 0);
    struct stat st;
    EXPECT("seed: /somepath is a socket node", stat("/somepath", &st) == 0 && S_ISSOCK(st.st_mode));
    close(sfd);
    unlink("/somepath");
}

int main(int argc, char *argv[])
{
    const char *what = argc > 1 ? argv[1] : "all";
    bool all = !strcmp(what, "all");
    if (all || !strcmp(what, "errors"))
        errors();
    if (all || !strcmp(what, "echo"))
        echo();
    if (all || !strcmp(what, "clients"))
        clients();
    if (all || !strcmp(what, "seed"))
        seed();
    return summary("socktest_unix");
}
