#ifndef _TIME_H
#define _TIME_H
#include <sys/cdefs.h>
#include <sys/types.h>
struct timespec {
    time_t tv_sec;
    long tv_nsec;
};
#define CLOCK_REALTIME 0
#define CLOCK_MONOTONIC 1
#define CLOCKS_PER_SEC 1000000L
__BEGIN_DECLS
time_t time(time_t *t);
int nanosleep(const struct timespec *req, struct timespec *rem);
int clock_gettime(clockid_t clk, struct timespec *ts);
clock_t clock(void);
__END_DECLS
#endif
