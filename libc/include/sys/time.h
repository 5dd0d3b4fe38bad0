#ifndef _SYS_TIME_H
#define _SYS_TIME_H
#include <sys/cdefs.h>
#include <sys/types.h>
struct timeval {
    time_t tv_sec;
    suseconds_t tv_usec;
};
__BEGIN_DECLS
int gettimeofday(struct timeval *tv, void *tz);
__END_DECLS
#endif
