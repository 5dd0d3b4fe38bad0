/* Tiny check helpers shared by the socket test programs (included, not a library):
 * each check prints "ok NAME" or "FAIL NAME: got X want Y"; the program ends with a summary. */
#pragma once
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

static int n_ok, n_failed;

/* A call that must fail with errno `want`. */
#define EXPECT_ERR(name, call, want)                                                          \
    do {                                                                                      \
        errno = 0;                                                                            \
        long r_ = (long)(call);                                                               \
        if (r_ == -1 && errno == (want)) {                                                    \
            printf("ok %s\n", name);                                                          \
            n_ok++;                                                                           \
        } else {                                                                              \
            printf("FAIL %s: got %ld (%s) want -1 (%s)\n", name, r_, strerror(errno),        \
                   strerror(want));                                                           \
            n_failed++;                                                                       \
        }                                                                                     \
    } while (0)

/* A condition that must hold. */
#define EXPECT(name, cond)                                                                    \
    do {                                                                                      \
        if (cond) {                                                                           \
            printf("ok %s\n", name);                                                          \
            n_ok++;                                                                           \
        } else {                                                                              \
            printf("FAIL %s: %s is false (errno %s)\n", name, #cond, strerror(errno));       \
            n_failed++;                                                                       \
        }                                                                                     \
    } while (0)

[[maybe_unused]] static int summary(const char *prog)
{
    printf("%s: %d ok, %d failed\n", prog, n_ok, n_failed);
    return n_failed ? 1 : 0;
}

/* Adler-32-like running checksum of a byte stream. */
struct stream_sum {
    unsigned a = 1, b = 0;
    void add(const unsigned char *p, long n)
    {
        for (long i = 0; i < n; i++) {
            a = (a + p[i]) % 65521;
            b = (b + a) % 65521;
        }
    }
    unsigned value() const { return (b << 16) | a; }
};

/* Deterministic pseudo-random bytes for transfers. */
[[maybe_unused]] static void fill_pattern(unsigned char *buf, long n, unsigned long offset)
{
    for (long i = 0; i < n; i++) {
        unsigned long x = offset + (unsigned long)i;
        buf[i] = (unsigned char)((x * 2654435761UL) >> 24);
    }
}

/* n clients at once: each a child that connects to addr, sends "client I" and wants it echoed;
 * the caller's listener l serves them one by one. Returns how many got their echo. */
[[maybe_unused]] static int serve_echo_clients(int l, int family, const struct sockaddr *addr, socklen_t alen, int n)
{
    for (int i = 0; i < n; i++) {
        if (fork() == 0) {
            int c = socket(family, SOCK_STREAM, 0);
            if (connect(c, addr, alen) < 0)
                _exit(2);
            char msg[16], reply[16];
            int len = snprintf(msg, sizeof(msg), "client %d", i);
            send(c, msg, (size_t)len, 0);
            ssize_t r = recv(c, reply, sizeof(reply), 0);
            _exit(r == len && !memcmp(msg, reply, (size_t)len) ? 0 : 3);
        }
    }
    for (int i = 0; i < n; i++) {
        int c = accept(l, nullptr, nullptr);
        if (c < 0)
            break;
        char buf[32];
        ssize_t got = recv(c, buf, sizeof(buf), 0);
        if (got > 0)
            send(c, buf, (size_t)got, 0);
        close(c);
    }
    int served = 0, status;
    while (wait(&status) > 0)
        if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
            served++;
    return served;
}
