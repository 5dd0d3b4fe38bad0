#ifndef _POLL_H
#define _POLL_H
#include <sys/cdefs.h>
struct pollfd {
    int fd;
    short events;
    short revents;
};
typedef unsigned int nfds_t;
#include "uapi/poll.h"
__BEGIN_DECLS
int poll(struct pollfd *fds, nfds_t nfds, int timeout);
__END_DECLS
#endif
