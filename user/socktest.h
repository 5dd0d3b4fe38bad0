/* Tiny check helpers shared by the socket test programs (included, not a library):
 * each check prints "ok NAME" or "FAIL NAME: got X want Y"; the program ends with a summary. */
#pragma once
#include <errno.h>
#include <stdio.h>
#include <string.h>

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
