#ifndef _SYS_SELECT_H
#define _SYS_SELECT_H
#include <sys/cdefs.h>
#include <sys/time.h>
#define FD_SETSIZE 1024
typedef struct {
    unsigned long fds_bits[FD_SETSIZE / 32];
} fd_set;
#define FD_ZERO(s) __builtin_memset((s), 0, sizeof(fd_set))
#define FD_SET(fd, s) ((s)->fds_bits[(fd) / 32] |= 1UL << ((fd) % 32))
#define FD_CLR(fd, s) ((s)->fds_bits[(fd) / 32] &= ~(1UL << ((fd) % 32)))
#define FD_ISSET(fd, s) (((s)->fds_bits[(fd) / 32] >> ((fd) % 32)) & 1)
__BEGIN_DECLS
int select(int nfds, fd_set *r, fd_set *w, fd_set *e, struct timeval *timeout);
__END_DECLS
#endif
