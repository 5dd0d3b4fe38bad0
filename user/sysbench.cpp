// sysbench N: the cost of a system-call round trip, measured in the guest: N getpid() calls
// timed with clock_gettime(CLOCK_MONOTONIC). Prints "N getpid calls: T ns each".
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static long long now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

int main(int argc, char *argv[])
{
    long n = argc > 1 ? atol(argv[1]) : 100000;
    if (n <= 0) {
        fprintf(stderr, "usage: sysbench N (N > 0)\n");
        return 2;
    }
    long long start = now_ns();
    for (long i = 0; i < n; i++)
        getpid();
    long long elapsed = now_ns() - start;
    long long tenths = elapsed * 10 / n;
    printf("%ld getpid calls: %lld.%lld ns each\n", n, tenths / 10, tenths % 10);
    return 0;
}
